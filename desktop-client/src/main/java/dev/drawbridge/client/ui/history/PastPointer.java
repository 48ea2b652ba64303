package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Proximity;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.PointerHandler;
import dev.drawbridge.client.ui.tool.PointerInput;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.function.BooleanSupplier;

/**
 * The canvas's pointer while the past is shown: clicks select past elements (for "Copy from here";
 * Shift adds or removes one) and nothing else happens, since the past is read-only. At the present
 * every event goes to the board's own handler.
 */
public final class PastPointer implements PointerHandler {
  private static final double TOLERANCE_PX = 6;

  private final PointerHandler present;
  private final BooleanSupplier inPast;
  private final BoardCanvas canvas;
  private final Selection selection;

  public PastPointer(
      PointerHandler present, BooleanSupplier inPast, BoardCanvas canvas, Selection selection) {
    this.present = present;
    this.inPast = inPast;
    this.canvas = canvas;
    this.selection = selection;
  }

  @Override
  public void pressed(PointerInput p) {
    if (!inPast.getAsBoolean()) {
      present.pressed(p);
      return;
    }
    Element hit = topmostAt(p.x(), p.y());
    if (hit == null) {
      if (!p.shift()) {
        selection.clear();
      }
    } else if (p.shift()) {
      selection.toggle(hit.id());
    } else {
      selection.set(java.util.List.of(hit.id()));
    }
  }

  @Override
  public void dragged(PointerInput p) {
    if (!inPast.getAsBoolean()) {
      present.dragged(p);
    }
  }

  @Override
  public void released(PointerInput p) {
    if (!inPast.getAsBoolean()) {
      present.released(p);
    }
  }

  @Override
  public void hovered(PointerInput p) {
    present.hovered(p);
  }

  private Element topmostAt(double x, double y) {
    BoardState board = canvas.shownBoard();
    double tolerance = TOLERANCE_PX / canvas.viewport().scale();
    Element top = null;
    for (String id : canvas.elementsNear(new Rect(x, y, x, y).inflate(tolerance))) {
      Element e = board.get(id);
      if (e != null
          && !e.deleted()
          && Proximity.hits(DrawnConnectors.drawn(e, board::get), x, y, tolerance)
          && (top == null || ZOrder.PAINT_ORDER.compare(e, top) > 0)) {
        top = e;
      }
    }
    return top;
  }
}
