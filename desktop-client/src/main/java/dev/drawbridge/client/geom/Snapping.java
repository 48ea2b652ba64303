package dev.drawbridge.client.geom;

import java.util.List;

/**
 * How one move or resize snaps: to other shapes' edges and centres within {@code tolerance} (board
 * units) first, else to the grid when {@code gridStep} is above 0. {@link #OFF} snaps nothing (what
 * Alt held asks for).
 *
 * @param targets what other shapes offer
 * @param tolerance how far (board units) a shape is pulled to a target line
 * @param gridStep the grid to snap to, or 0 for none
 */
public record Snapping(SnapTargets targets, double tolerance, double gridStep) {
  public static final Snapping OFF = new Snapping(SnapTargets.NONE, 0, 0);

  /** Where a move or point ended up: the snapped shift or position, and the guides to draw. */
  public record Result(double x, double y, List<SnapGuide> guides) {}

  /**
   * The snapped shift of a selection with bounds {@code start} dragged by (dx, dy): {@code x, y} of
   * the result are the shift to apply.
   */
  public Result move(Rect start, double dx, double dy) {
    return snap(start.translate(dx, dy), dx, dy);
  }

  /** The snapped position of a dragged point (a resize handle, a shape's corner). */
  public Result point(double x, double y) {
    return snap(new Rect(x, y, x, y), x, y);
  }

  private Result snap(Rect moved, double x, double y) {
    if (this == OFF || !Double.isFinite(x) || !Double.isFinite(y)) {
      return new Result(x, y, List.of());
    }
    double gx = gridStep > 0 ? Grid.snap(moved.minX(), gridStep) - moved.minX() : 0;
    double gy = gridStep > 0 ? Grid.snap(moved.minY(), gridStep) - moved.minY() : 0;
    SnapTargets.Snap s = targets.snapRect(moved, tolerance);
    double fx = s.snappedX() ? s.dx() : gx;
    double fy = s.snappedY() ? s.dy() : gy;
    List<SnapGuide> guides =
        s.snappedX() || s.snappedY()
            ? targets.guides(moved.translate(fx, fy), s.snappedX(), s.snappedY())
            : List.of();
    return new Result(x + fx, y + fy, guides);
  }
}
