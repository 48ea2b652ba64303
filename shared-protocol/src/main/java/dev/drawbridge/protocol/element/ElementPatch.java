package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * The properties an update op sets; null means "leave as is". Each non-null field is one (element,
 * property) pair for last-writer-wins. {@code deleted: false} restores a deleted element (undo of
 * delete); it is the only update a deleted element accepts. {@code text} only changes text elements
 * (docs/protocol.md R33). {@code startBinding}, {@code endBinding}, {@code routing} and {@code
 * label} only change lines and arrows (R100–R104): {@link Binding#FREE} detaches an end, {@code ""}
 * removes the label, {@link Routing#STRAIGHT} undoes an elbow. {@code group} puts any element in a
 * group, {@code ""} takes it out (R121). {@code dash} makes outlines dashed or dotted, {@link
 * Dash#SOLID} solid again (R125). {@code locked} locks or unlocks any element (R127).
 */
public record ElementPatch(
    Double x,
    Double y,
    Double w,
    Double h,
    String text,
    String color,
    Double width,
    Boolean fill,
    Double opacity,
    Double fontSize,
    Double z,
    Boolean deleted,
    Binding startBinding,
    Binding endBinding,
    Routing routing,
    String label,
    String group,
    Dash dash,
    Boolean locked) {

  public static final ElementPatch NONE =
      new ElementPatch(null, null, null, null, null, null, null, null, null, null, null, null);

  /** A patch that does not touch the group, dash or lock (R121, R125, R127). */
  public ElementPatch(
      Double x,
      Double y,
      Double w,
      Double h,
      String text,
      String color,
      Double width,
      Boolean fill,
      Double opacity,
      Double fontSize,
      Double z,
      Boolean deleted,
      Binding startBinding,
      Binding endBinding,
      Routing routing,
      String label) {
    this(
        x,
        y,
        w,
        h,
        text,
        color,
        width,
        fill,
        opacity,
        fontSize,
        z,
        deleted,
        startBinding,
        endBinding,
        routing,
        label,
        null,
        null,
        null);
  }

  /** A patch without connector fields. */
  public ElementPatch(
      Double x,
      Double y,
      Double w,
      Double h,
      String text,
      String color,
      Double width,
      Boolean fill,
      Double opacity,
      Double fontSize,
      Double z,
      Boolean deleted) {
    this(
        x, y, w, h, text, color, width, fill, opacity, fontSize, z, deleted, null, null, null,
        null);
  }

  @JsonCreator
  public ElementPatch {
    Require.optionalText(label, "patch.label", ProtocolLimits.MAX_TEXT_LENGTH);
    Require.optionalCoordinate(x, "patch.x");
    Require.optionalCoordinate(y, "patch.y");
    Require.optionalCoordinate(w, "patch.w");
    Require.optionalCoordinate(h, "patch.h");
    Require.optionalText(text, "patch.text", ProtocolLimits.MAX_TEXT_LENGTH);
    if (color != null) {
      Require.color(color, "patch.color");
    }
    Require.optionalRange(width, 0, ProtocolLimits.MAX_STROKE_WIDTH, "patch.width");
    Require.optionalRange(opacity, 0, 1, "patch.opacity");
    Require.optionalRange(fontSize, 1, ProtocolLimits.MAX_FONT_SIZE, "patch.fontSize");
    if (z != null) {
      ZOrder.requireValid(z, "patch.z");
    }
    if (group != null && !group.isEmpty()) {
      Require.id(group, "patch.group");
    }
  }

  /** This patch locking ({@code true}) or unlocking ({@code false}) the element (R127). */
  public ElementPatch withLocked(boolean newLocked) {
    Copy c = new Copy(this);
    c.locked = newLocked;
    return c.build();
  }

  /** This patch with the dash set ({@link Dash#SOLID}: solid; null: leave as is). */
  public ElementPatch withDash(Dash newDash) {
    Copy c = new Copy(this);
    c.dash = newDash;
    return c.build();
  }

  /** This patch with the group set ({@code ""}: out of any group; null: leave as is). */
  public ElementPatch withGroup(String newGroup) {
    Copy c = new Copy(this);
    c.group = newGroup;
    return c.build();
  }

  /** This patch with the connector fields replaced (null: leave as is). */
  public ElementPatch withConnector(
      Binding newStart, Binding newEnd, Routing newRouting, String newLabel) {
    Copy c = new Copy(this);
    c.startBinding = newStart;
    c.endBinding = newEnd;
    c.routing = newRouting;
    c.label = newLabel;
    return c.build();
  }

  public ElementPatch withStartBinding(Binding binding) {
    return withConnector(binding, endBinding, routing, label);
  }

  public ElementPatch withEndBinding(Binding binding) {
    return withConnector(startBinding, binding, routing, label);
  }

  public ElementPatch withRouting(Routing newRouting) {
    return withConnector(startBinding, endBinding, newRouting, label);
  }

  public ElementPatch withLabel(String newLabel) {
    return withConnector(startBinding, endBinding, routing, newLabel);
  }

  /** Whether this patch sets a connector field (R100–R104). */
  public boolean touchesConnector() {
    return startBinding != null || endBinding != null || routing != null || label != null;
  }

  public static ElementPatch move(double x, double y) {
    return NONE.withPosition(x, y);
  }

  public static ElementPatch restore() {
    return new ElementPatch(
        null, null, null, null, null, null, null, null, null, null, null, false);
  }

  public ElementPatch withPosition(double newX, double newY) {
    Copy c = new Copy(this);
    c.x = newX;
    c.y = newY;
    return c.build();
  }

  public ElementPatch withSize(double newW, double newH) {
    Copy c = new Copy(this);
    c.w = newW;
    c.h = newH;
    return c.build();
  }

  public ElementPatch withText(String newText) {
    Copy c = new Copy(this);
    c.text = newText;
    return c.build();
  }

  public ElementPatch withColor(String newColor) {
    Copy c = new Copy(this);
    c.color = newColor;
    return c.build();
  }

  public ElementPatch withWidth(double newWidth) {
    Copy c = new Copy(this);
    c.width = newWidth;
    return c.build();
  }

  public ElementPatch withFill(boolean newFill) {
    Copy c = new Copy(this);
    c.fill = newFill;
    return c.build();
  }

  public ElementPatch withOpacity(double newOpacity) {
    Copy c = new Copy(this);
    c.opacity = newOpacity;
    return c.build();
  }

  public ElementPatch withFontSize(double newFontSize) {
    Copy c = new Copy(this);
    c.fontSize = newFontSize;
    return c.build();
  }

  public ElementPatch withZ(double newZ) {
    Copy c = new Copy(this);
    c.z = newZ;
    return c.build();
  }

  /** {@code element} with every non-null field of this patch written over it. */
  public Element applyTo(Element e) {
    Style s = e.style();
    Style style =
        new Style(
            color != null ? color : s.color(),
            width != null ? width : s.width(),
            fill != null ? fill : s.fill(),
            opacity != null ? opacity : s.opacity(),
            fontSize != null ? fontSize : s.fontSize(),
            dash != null ? dash : s.dash());
    return new Element(
        e.id(),
        e.kind(),
        x != null ? x : e.x(),
        y != null ? y : e.y(),
        w != null ? w : e.w(),
        h != null ? h : e.h(),
        e.points(),
        text != null && e.kind() == ElementKind.TEXT ? text : e.text(),
        style,
        z != null ? z : e.z(),
        deleted != null ? deleted : e.deleted(),
        e.author(),
        startBinding != null && e.kind().isConnector() ? startBinding : e.startBinding(),
        endBinding != null && e.kind().isConnector() ? endBinding : e.endBinding(),
        routing != null && e.kind().isConnector() ? routing : e.routing(),
        label != null && e.kind().isConnector() ? label : e.label(),
        e.image(),
        group != null ? group : e.group(),
        locked != null ? locked : e.locked());
  }

  /**
   * The patch that undoes this one on {@code before}: the previous value of every property this
   * patch sets.
   */
  public ElementPatch inverseOn(Element before) {
    Style s = before.style();
    return new ElementPatch(
        x != null ? before.x() : null,
        y != null ? before.y() : null,
        w != null ? before.w() : null,
        h != null ? before.h() : null,
        text != null ? before.text() : null,
        color != null ? s.color() : null,
        width != null ? s.width() : null,
        fill != null ? s.fill() : null,
        opacity != null ? s.opacity() : null,
        fontSize != null ? s.fontSize() : null,
        z != null ? before.z() : null,
        deleted != null ? before.deleted() : null,
        startBinding != null ? orFree(before.startBinding()) : null,
        endBinding != null ? orFree(before.endBinding()) : null,
        routing != null ? (before.routing() == null ? Routing.STRAIGHT : before.routing()) : null,
        label != null ? (before.label() == null ? "" : before.label()) : null,
        group != null ? (before.group() == null ? "" : before.group()) : null,
        dash != null ? (s.dash() == null ? Dash.SOLID : s.dash()) : null,
        locked != null ? before.hasLock() : null);
  }

  /**
   * The withers' working copy: each sets the fields it changes and builds a new patch, which the
   * canonical constructor validates like any other.
   */
  private static final class Copy {
    Double x;
    Double y;
    Double w;
    Double h;
    String text;
    String color;
    Double width;
    Boolean fill;
    Double opacity;
    Double fontSize;
    Double z;
    Boolean deleted;
    Binding startBinding;
    Binding endBinding;
    Routing routing;
    String label;
    String group;
    Dash dash;
    Boolean locked;

    Copy(ElementPatch p) {
      x = p.x;
      y = p.y;
      w = p.w;
      h = p.h;
      text = p.text;
      color = p.color;
      width = p.width;
      fill = p.fill;
      opacity = p.opacity;
      fontSize = p.fontSize;
      z = p.z;
      deleted = p.deleted;
      startBinding = p.startBinding;
      endBinding = p.endBinding;
      routing = p.routing;
      label = p.label;
      group = p.group;
      dash = p.dash;
      locked = p.locked;
    }

    ElementPatch build() {
      return new ElementPatch(
          x,
          y,
          w,
          h,
          text,
          color,
          width,
          fill,
          opacity,
          fontSize,
          z,
          deleted,
          startBinding,
          endBinding,
          routing,
          label,
          group,
          dash,
          locked);
    }
  }

  private static Binding orFree(Binding b) {
    return b == null ? Binding.FREE : b;
  }
}
