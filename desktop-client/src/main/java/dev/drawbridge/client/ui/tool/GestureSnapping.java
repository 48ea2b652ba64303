package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.Grid;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SnapTargets;
import dev.drawbridge.client.geom.Snapping;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a move, resize or new shape snaps to, taken from the tool context once per gesture: the
 * shapes on screen (found through the canvas's spatial index) other than those being moved, and the
 * grid when the user turned snapping on. Alt held snaps nothing.
 */
final class GestureSnapping {
  /** How close (screen pixels) an edge or centre must come to another's to snap to it. */
  static final double TOLERANCE_PX = 6;

  private GestureSnapping() {}

  /** Snapping to the shapes on screen except {@code moving}, and to the grid if it is on. */
  static Snapping forGesture(ToolContext ctx, Set<String> moving) {
    Rect area = ctx.visibleArea();
    List<Rect> targets = new ArrayList<>();
    if (area != null) {
      BoardState view = ctx.board().view();
      for (String id : ctx.elementsNear(area)) {
        Element e = view.get(id);
        if (e != null && !e.deleted() && !moving.contains(id)) {
          targets.add(bounds(e));
        }
      }
    }
    return new Snapping(new SnapTargets(targets), TOLERANCE_PX / ctx.scale(), gridStep(ctx));
  }

  /** Only the grid (drawing a new shape), or nothing when it is off. */
  static Snapping gridOnly(ToolContext ctx) {
    double step = gridStep(ctx);
    return step > 0 ? new Snapping(SnapTargets.NONE, 0, step) : Snapping.OFF;
  }

  /** The bounds of {@code ids} together, or null if none of them is on the board. */
  static Rect boundsOf(BoardState view, Collection<String> ids) {
    Rect all = null;
    for (String id : ids) {
      Element e = view.get(id);
      if (e != null && !e.deleted()) {
        all = bounds(e).union(all);
      }
    }
    return all;
  }

  static Rect bounds(Element e) {
    double[] b = e.bounds();
    return new Rect(b[0], b[1], b[2], b[3]);
  }

  private static double gridStep(ToolContext ctx) {
    return ctx.snapToGrid() ? Grid.step(ctx.scale()) : 0;
  }
}
