package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Proximity;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.List;

/** Finding elements under the pointer, shared by the tools. */
final class Hits {
  /** Pointer tolerance in screen pixels. */
  static final double TOLERANCE_PX = 6;

  private Hits() {}

  /** The topmost visible element at (x, y), or null. */
  static Element topmostAt(ToolContext ctx, double x, double y) {
    List<Element> hits = allAt(ctx, x, y);
    return hits.isEmpty() ? null : hits.get(hits.size() - 1);
  }

  /**
   * Every visible element at (x, y), back to front, locked ones left out: a lock keeps an element
   * from being picked or erased, and the pointer reaches what lies under it (R127).
   */
  static List<Element> allAt(ToolContext ctx, double x, double y) {
    return at(ctx, x, y, false);
  }

  /** The topmost locked element at (x, y), or null: what a right-click may unlock. */
  static Element lockedAt(ToolContext ctx, double x, double y) {
    List<Element> hits = at(ctx, x, y, true);
    return hits.isEmpty() ? null : hits.get(hits.size() - 1);
  }

  private static List<Element> at(ToolContext ctx, double x, double y, boolean locked) {
    double tolerance = TOLERANCE_PX / ctx.scale();
    BoardState view = ctx.board().view();
    List<Element> hits = new ArrayList<>();
    for (String id : ctx.elementsNear(new Rect(x, y, x, y).inflate(tolerance))) {
      Element e = view.get(id);
      // Connectors are hit where they are drawn, at their targets (R102).
      if (e != null
          && e.hasLock() == locked
          && Proximity.hits(DrawnConnectors.drawn(e, view::get), x, y, tolerance)) {
        hits.add(e);
      }
    }
    hits.sort(ZOrder.PAINT_ORDER);
    return hits;
  }
}
