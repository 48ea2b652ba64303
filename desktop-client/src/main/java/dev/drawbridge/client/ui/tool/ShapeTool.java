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
 * ends) go to the grid unless Alt is held.
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
  }

  @Override
  public void dragged(PointerInput p) {
    if (!active) {
      return;
    }
    Snapping.Result end = snapped(p);
    preview = shapeTo(end.x(), end.y(), p.shift(), "preview");
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
    Element shape = shapeTo(end.x(), end.y(), p.shift(), Ids.random());
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
    return preview == null ? ToolPreview.NONE : new ToolPreview.Shape(preview);
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
