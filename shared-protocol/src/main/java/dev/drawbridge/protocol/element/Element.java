package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * One thing on the board. Geometry is relative to (x, y) so that moving an element is a change of
 * two properties, which last-writer-wins resolves per property.
 *
 * @param id unique, client-generated
 * @param kind what it is
 * @param x left / origin, board units
 * @param y top / origin, board units
 * @param w width for boxes and notes; x-extent (may be negative) for lines and arrows; 0 for
 *     freehand and plain text
 * @param h height for boxes and notes; y-extent (may be negative) for lines and arrows; 0 for
 *     freehand and plain text
 * @param points freehand points relative to (x, y); empty for other kinds
 * @param text the text of a text element (never null: absent means ""); null for other kinds
 * @param style colour, width, fill, opacity, font size
 * @param z z-order key ({@link ZOrder}); ties are broken by id
 * @param deleted tombstone: a deleted element is invisible but kept so undo can restore it
 * @param author client id of whoever created it (informational)
 * @param startBinding lines and arrows: what the start (x, y) is attached to, or null (R100)
 * @param endBinding lines and arrows: what the end (x + w, y + h) is attached to, or null (R100)
 * @param routing lines and arrows: null for straight, or {@link Routing#ELBOW} (R103)
 * @param label lines and arrows: text drawn at the middle, or null (R104)
 * @param image rectangles only: the picture drawn in the box instead of the rectangle, or null
 *     (R107). Set by {@code add} only: no patch changes it, so an image element's bytes never
 *     change under it
 * @param group the id of the group this element belongs to, or null (R121): members of a group are
 *     selected and moved together
 * @param locked true when no one can pick, move or erase it until it is unlocked (R127); null
 *     otherwise, never false
 */
public record Element(
    String id,
    ElementKind kind,
    double x,
    double y,
    double w,
    double h,
    Points points,
    String text,
    Style style,
    double z,
    boolean deleted,
    String author,
    Binding startBinding,
    Binding endBinding,
    Routing routing,
    String label,
    ImageRef image,
    String group,
    Boolean locked) {

  /** An element in no group and not locked (R121, R127). */
  public Element(
      String id,
      ElementKind kind,
      double x,
      double y,
      double w,
      double h,
      Points points,
      String text,
      Style style,
      double z,
      boolean deleted,
      String author,
      Binding startBinding,
      Binding endBinding,
      Routing routing,
      String label,
      ImageRef image) {
    this(
        id,
        kind,
        x,
        y,
        w,
        h,
        points,
        text,
        style,
        z,
        deleted,
        author,
        startBinding,
        endBinding,
        routing,
        label,
        image,
        null,
        null);
  }

  /** An element without an image (every kind but an image, R107). */
  public Element(
      String id,
      ElementKind kind,
      double x,
      double y,
      double w,
      double h,
      Points points,
      String text,
      Style style,
      double z,
      boolean deleted,
      String author,
      Binding startBinding,
      Binding endBinding,
      Routing routing,
      String label) {
    this(
        id,
        kind,
        x,
        y,
        w,
        h,
        points,
        text,
        style,
        z,
        deleted,
        author,
        startBinding,
        endBinding,
        routing,
        label,
        null);
  }

  /** An element without connector fields (every kind but a bound or labelled line or arrow). */
  public Element(
      String id,
      ElementKind kind,
      double x,
      double y,
      double w,
      double h,
      Points points,
      String text,
      Style style,
      double z,
      boolean deleted,
      String author) {
    this(
        id, kind, x, y, w, h, points, text, style, z, deleted, author, null, null, null, null,
        null);
  }

  @JsonCreator
  public Element {
    Require.id(id, "element.id");
    Require.present(kind, "element.kind");
    Require.coordinate(x, "element.x");
    Require.coordinate(y, "element.y");
    Require.coordinate(w, "element.w");
    Require.coordinate(h, "element.h");
    points = points == null ? Points.EMPTY : points;
    if (points.size() > ProtocolLimits.MAX_POINTS_PER_ELEMENT) {
      throw Require.tooBig("element.points", "more than " + ProtocolLimits.MAX_POINTS_PER_ELEMENT);
    }
    // A text element always has a string (possibly empty), so undoing its first edit can
    // restore it: an inverse patch cannot say "set back to null" (docs/protocol.md R33).
    if (kind == ElementKind.TEXT && text == null) {
      text = "";
    }
    Require.optionalText(text, "element.text", ProtocolLimits.MAX_TEXT_LENGTH);
    Require.present(style, "element.style");
    ZOrder.requireValid(z, "element.z");
    Require.optionalId(author, "element.author");
    // Connector fields (R100–R104): an element stores "none" as null, never as FREE, "" or
    // STRAIGHT, so one board has one representation and one hash.
    startBinding = startBinding == null || startBinding.isFree() ? null : startBinding;
    endBinding = endBinding == null || endBinding.isFree() ? null : endBinding;
    routing = routing == Routing.STRAIGHT ? null : routing;
    label = label == null || label.isEmpty() ? null : label;
    Require.optionalText(label, "element.label", ProtocolLimits.MAX_TEXT_LENGTH);
    if (!kind.isConnector()
        && (startBinding != null || endBinding != null || routing != null || label != null)) {
      throw Require.invalid(
          "element.kind", "only a line or an arrow has bindings, routing or a label");
    }
    if (startBinding != null && startBinding.elementId().equals(id)
        || endBinding != null && endBinding.elementId().equals(id)) {
      throw Require.invalid("element.startBinding", "an element cannot be bound to itself (R101)");
    }
    if (image != null && kind != ElementKind.RECTANGLE) {
      throw Require.invalid("element.image", "only a rectangle shows an image (R107)");
    }
    // No group is null, never "" (R121): one board, one representation, one hash.
    group = group == null || group.isEmpty() ? null : Require.id(group, "element.group");
    // Unlocked is null, never false (R127).
    locked = Boolean.TRUE.equals(locked) ? Boolean.TRUE : null;
  }

  /**
   * Whether no one may pick, move or erase it until it is unlocked (R127). Not {@code isLocked}:
   * Jackson would read that as the getter of the property "locked".
   */
  public boolean hasLock() {
    return locked != null;
  }

  /** This element locked or not (R127). */
  public Element withLocked(boolean newLocked) {
    Copy c = new Copy(this);
    c.locked = newLocked;
    return c.build();
  }

  /**
   * An image (R107): a rectangle spanning (x, y) to (x + w, y + h) that shows {@code image}, in the
   * frame style old clients draw instead ({@link ImageRef#FRAME_STYLE}).
   */
  public static Element ofImage(
      String id, double x, double y, double w, double h, ImageRef image, double z) {
    return new Element(
        id,
        ElementKind.RECTANGLE,
        x,
        y,
        w,
        h,
        Points.EMPTY,
        null,
        ImageRef.FRAME_STYLE,
        z,
        false,
        null,
        null,
        null,
        null,
        null,
        image);
  }

  /**
   * Whether this element shows a picture (R107). Not {@code isImage}: Jackson would read that as
   * the getter of a property "image", and its {@code @JsonIgnore} would drop the real one.
   */
  public boolean hasImage() {
    return image != null;
  }

  /** A freehand element at (x, y) with its first points. */
  public static Element freehand(
      String id, ElementKind kind, double x, double y, Points points, Style style, double z) {
    return new Element(id, kind, x, y, 0, 0, points, null, style, z, false, null);
  }

  /** A box, line or arrow spanning (x, y) to (x + w, y + h). */
  public static Element shape(
      String id, ElementKind kind, double x, double y, double w, double h, Style style, double z) {
    return new Element(id, kind, x, y, w, h, Points.EMPTY, null, style, z, false, null);
  }

  /**
   * A sticky note (docs/protocol.md R95): a text element with a box. Old peers know it as text, so
   * it needs no new kind that they would refuse.
   */
  public static Element note(
      String id, double x, double y, double side, String text, Style style, double z) {
    return new Element(
        id, ElementKind.TEXT, x, y, side, side, Points.EMPTY, text, style, z, false, null);
  }

  /**
   * Whether this is a sticky note (R95): a text element whose {@code w} and {@code h} are both
   * positive. Plain text keeps them 0; a text with any other box is plain text (R98).
   */
  @JsonIgnore
  public boolean isNote() {
    return kind == ElementKind.TEXT && w > 0 && h > 0;
  }

  /** A text element with its top-left corner at (x, y). */
  public static Element text(String id, double x, double y, String text, Style style, double z) {
    return new Element(id, ElementKind.TEXT, x, y, 0, 0, Points.EMPTY, text, style, z, false, null);
  }

  public Element withAuthor(String newAuthor) {
    Copy c = new Copy(this);
    c.author = newAuthor;
    return c.build();
  }

  public Element withPoints(Points newPoints) {
    Copy c = new Copy(this);
    c.points = newPoints;
    return c.build();
  }

  /** This element under another id (a copy put back as a new element). */
  public Element withId(String newId) {
    Copy c = new Copy(this);
    c.id = newId;
    return c.build();
  }

  public Element withDeleted(boolean newDeleted) {
    Copy c = new Copy(this);
    c.deleted = newDeleted;
    return c.build();
  }

  /** This line or arrow with both ends' bindings replaced (null: free). */
  public Element withBindings(Binding newStart, Binding newEnd) {
    Copy c = new Copy(this);
    c.startBinding = newStart;
    c.endBinding = newEnd;
    return c.build();
  }

  /** This line or arrow with another routing (null or STRAIGHT: straight) and label. */
  public Element withRoutingAndLabel(Routing newRouting, String newLabel) {
    Copy c = new Copy(this);
    c.routing = newRouting;
    c.label = newLabel;
    return c.build();
  }

  /** This element drawn in {@code newStyle}. */
  public Element withStyle(Style newStyle) {
    Copy c = new Copy(this);
    c.style = newStyle;
    return c.build();
  }

  /** This element in group {@code newGroup} (null or "": in none, R121). */
  public Element withGroup(String newGroup) {
    Copy c = new Copy(this);
    c.group = newGroup;
    return c.build();
  }

  /** Whether either end names a target (attached or not: R102 decides at render time). */
  public boolean hasBinding() {
    return startBinding != null || endBinding != null;
  }

  /** A platform-independent 64-bit fingerprint of every field (used by the board hash). */
  @JsonIgnore
  public long digest() {
    Digest64 d = new Digest64().add(id).add(kind.name()).add(x).add(y).add(w).add(h);
    points.digestInto(d);
    d.add(text).add(style.color()).add(style.width()).add(style.fill());
    d.add(style.opacity()).add(style.fontSize()).add(z).add(deleted).add(author);
    // Only connectors that use the fields of R100–R104 digest them, so every element without
    // them keeps the digest (and every board the hash) it had before they existed.
    if (startBinding != null || endBinding != null || routing != null || label != null) {
      d.add(0x636f6e6eL); // "conn": separates these fields from the ones above
      (startBinding == null ? Binding.FREE : startBinding).digestInto(d);
      (endBinding == null ? Binding.FREE : endBinding).digestInto(d);
      d.add(routing == null ? "straight" : "elbow").add(label);
    }
    // Likewise only images digest their picture (R107), so other elements keep their digest.
    if (image != null) {
      image.digestInto(d);
    }
    // And only grouped elements their group (R121), only dashed or dotted ones their dash (R125).
    if (group != null) {
      d.add(0x67727570L).add(group); // "grup"
    }
    if (style.dash() != null) {
      d.add(0x64617368L).add(style.dash().name()); // "dash"
    }
    if (locked != null) {
      d.add(0x6c6f636bL); // "lock" (R127)
    }
    return d.value();
  }

  /** Axis-aligned bounds in board units: {@code [minX, minY, maxX, maxY]}, without stroke width. */
  public double[] bounds() {
    if (kind.isFreehand()) {
      if (points.isEmpty()) {
        return new double[] {x, y, x, y};
      }
      // Points keeps its bounds as it grows: a long stroke's bounds cost nothing per append.
      return new double[] {
        x + points.minX(), y + points.minY(), x + points.maxX(), y + points.maxY()
      };
    }
    if (isNote()) {
      // A note's bounds are its box, as a rectangle's are: its text is fitted inside (R96).
      return new double[] {x, y, x + w, y + h};
    }
    if (kind == ElementKind.TEXT) {
      String content = text == null ? "" : text;
      String[] lines = content.split("\n", -1);
      double longest = 0;
      for (String line : lines) {
        longest = Math.max(longest, widthInEms(line));
      }
      double fs = style.fontSize();
      return new double[] {x, y, x + Math.max(0.6, longest) * fs, y + lines.length * fs * 1.25};
    }
    return new double[] {
      Math.min(x, x + w), Math.min(y, y + h), Math.max(x, x + w), Math.max(y, y + h)
    };
  }

  /**
   * A line's width estimated in ems without a font (the relay and the model have none): 0.6 for a
   * Latin-like character, 1.0 for a wide one — CJK ideographs and punctuation, kana, Hangul,
   * fullwidth forms, emoji — which a 0.6 estimate cut off by 40 %, so selection boxes and repaints
   * missed the end of Chinese text.
   */
  public static double widthInEms(String line) {
    double ems = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      ems += isWide(cp) ? 1.0 : 0.6;
      i += Character.charCount(cp);
    }
    return ems;
  }

  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /**
   * The withers' working copy: each sets the fields it changes and builds a new element, which the
   * canonical constructor validates and normalises like any other.
   */
  private static final class Copy {
    String id;
    ElementKind kind;
    double x;
    double y;
    double w;
    double h;
    Points points;
    String text;
    Style style;
    double z;
    boolean deleted;
    String author;
    Binding startBinding;
    Binding endBinding;
    Routing routing;
    String label;
    ImageRef image;
    String group;
    Boolean locked;

    Copy(Element e) {
      id = e.id;
      kind = e.kind;
      x = e.x;
      y = e.y;
      w = e.w;
      h = e.h;
      points = e.points;
      text = e.text;
      style = e.style;
      z = e.z;
      deleted = e.deleted;
      author = e.author;
      startBinding = e.startBinding;
      endBinding = e.endBinding;
      routing = e.routing;
      label = e.label;
      image = e.image;
      group = e.group;
      locked = e.locked;
    }

    Element build() {
      return new Element(
          id,
          kind,
          x,
          y,
          w,
          h,
          points,
          text,
          style,
          z,
          deleted,
          author,
          startBinding,
          endBinding,
          routing,
          label,
          image,
          group,
          locked);
    }
  }
}
