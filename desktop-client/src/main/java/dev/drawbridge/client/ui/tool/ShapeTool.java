package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.Snapping;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.op.Op;

/**
 * Line, arrow, rectangle and ellipse: dragged out as a preview, added to the board on release.
 * Shift makes boxes square and snaps lines to 45 degrees; with snap to grid on, both corners (or
 * ends) go to the grid unless Alt is held. A line or arrow whose end is pressed or released on
 * another element binds that end to it (R100), with the element outlined as a hint while dragging;
 * shift draws it free.
 */
public final class ShapeTool implements Tool {
  /** A drag shorter than this many screen pixels is a stray click, not a shape. */
  private static final double MIN_SIZE_PX = 3;

  private final ToolContext ctx;
  private final ElementKind elementKind;
  private final ToolKind toolKind;
  private double startX;
  private double startY;
  private Element preview;
  private boolean active;
  private ConnectorEdits.Snap startSnap;
  private ConnectorEdits.Snap endSnap;

  public ShapeTool(ToolContext ctx, ToolKind toolKind) {
    this.ctx = ctx;
    this.toolKind = toolKind;
    this.elementKind =
        switch (toolKind) {
          case LINE -> ElementKind.LINE;
          case ARROW -> ElementKind.ARROW;
          case RECTANGLE -> ElementKind.RECTANGLE;
          case ELLIPSE -> ElementKind.ELLIPSE;
          default -> throw new IllegalArgumentException("not a shape tool: " + toolKind);
        };
  }

  @Override
  public ToolKind kind() {
    return toolKind;
  }

  @Override
  public void pressed(PointerInput p) {
    Snapping.Result start = snapped(p);
    startX = start.x();
    startY = start.y();
    active = true;
    preview = null;
    startSnap = null;
    endSnap = null;
    if (isConnector()) {
      startSnap = ConnectorEdits.snap(ctx, p.x(), p.y(), null, p.shift());
      startX = startSnap.x();
      startY = startSnap.y();
    }
  }

  private boolean isConnector() {
    return elementKind.isConnector();
  }

  @Override
  public void dragged(PointerInput p) {
    if (!active) {
      return;
    }
    if (isConnector()) {
      preview = connectorTo(p, "preview");
    } else {
      Snapping.Result end = snapped(p);
      preview = shapeTo(end.x(), end.y(), p.shift(), "preview");
    }
    ctx.previewChanged();
  }

  @Override
  public void released(PointerInput p) {
    if (!active) {
      return;
    }
    active = false;
    preview = null;
    ctx.previewChanged();
    Snapping.Result end = snapped(p);
    Element shape =
        isConnector()
            ? connectorTo(p, Ids.random())
            : shapeTo(end.x(), end.y(), p.shift(), Ids.random());
    startSnap = null;
    endSnap = null;
    double size = Math.max(Math.abs(shape.w()), Math.abs(shape.h())) * ctx.scale();
    if (size < MIN_SIZE_PX) {
      return;
    }
    ctx.board().submit(new Op.AddElement(shape));
  }

  @Override
  public void cancel() {
    active = false;
    preview = null;
    ctx.previewChanged();
  }

  private Snapping.Result snapped(PointerInput p) {
    return (p.alt() ? Snapping.OFF : GestureSnapping.gridOnly(ctx)).point(p.x(), p.y());
  }

  @Override
  public ToolPreview preview() {
    if (preview == null) {
      return ToolPreview.NONE;
    }
    if (isConnector()) {
      ConnectorEdits.Snap hint = endSnap != null && endSnap.target() != null ? endSnap : startSnap;
      return new ToolPreview.Snap(preview, hint == null ? null : hint.targetBounds());
    }
    return new ToolPreview.Shape(preview);
  }

  /**
   * The line or arrow from the press to the pointer, each end bound to what it snapped to; its
   * stored points are where the ends are drawn now (R100).
   */
  Element connectorTo(PointerInput p, String id) {
    String startTarget = startSnap.target() == null ? null : startSnap.target().id();
    endSnap = ConnectorEdits.snap(ctx, p.x(), p.y(), startTarget, p.shift());
    Element line =
        endSnap.binding() == null
            ? shapeTo(p.x(), p.y(), p.shift(), id)
            : shapeTo(endSnap.x(), endSnap.y(), false, id);
    return line.withBindings(startSnap.binding(), endSnap.binding())
        .withRoutingAndLabel(ctx.routing(), null);
  }

  /** The shape from the press point to (x, y). */
  Element shapeTo(double x, double y, boolean constrain, String id) {
    double w = x - startX;
    double h = y - startY;
    Style style = ctx.style();
    double z = ZOrder.above(ctx.board().view().topZ());
    boolean line = elementKind == ElementKind.LINE || elementKind == ElementKind.ARROW;
    if (constrain) {
      if (line) {
        double angle = Math.round(Math.atan2(h, w) / (Math.PI / 4)) * (Math.PI / 4);
        double len = Math.hypot(w, h);
        w = Math.round(Math.cos(angle) * len * 1000) / 1000.0;
        h = Math.round(Math.sin(angle) * len * 1000) / 1000.0;
      } else {
        double side = Math.max(Math.abs(w), Math.abs(h));
        w = Math.copySign(side, w);
        h = Math.copySign(side, h);
      }
    }
    if (line) {
      return Element.shape(id, elementKind, startX, startY, w, h, style, z)
          .withAuthor(ctx.author());
    }
    // Boxes are stored with their top-left corner and a positive size.
    return Element.shape(
            id,
            elementKind,
            Math.min(startX, startX + w),
            Math.min(startY, startY + h),
            Math.abs(w),
            Math.abs(h),
            style,
            z)
        .withAuthor(ctx.author());
  }
}
