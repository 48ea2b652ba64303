package dev.drawbridge.client.geom;

/** The two barbs of an arrow head, the same on screen, in SVG and in PDF. */
public final class ArrowHead {
  private static final double ANGLE = Math.toRadians(28);

  private ArrowHead() {}

  /** How long the barbs are for a line of this width. */
  public static double length(double strokeWidth) {
    return 10 + strokeWidth * 3;
  }

  /**
   * The barb end points {@code [x1, y1, x2, y2]} for a line from (x0, y0) to its tip (tx, ty).
   * Short lines get shorter barbs so the head never overshoots the tail.
   */
  public static double[] barbs(double x0, double y0, double tx, double ty, double strokeWidth) {
    double dx = tx - x0;
    double dy = ty - y0;
    double len = Math.hypot(dx, dy);
    double head = Math.min(length(strokeWidth), Math.max(len * 0.5, 1));
    double angle = len == 0 ? 0 : Math.atan2(dy, dx);
    return new double[] {
      tx - head * Math.cos(angle - ANGLE),
      ty - head * Math.sin(angle - ANGLE),
      tx - head * Math.cos(angle + ANGLE),
      ty - head * Math.sin(angle + ANGLE)
    };
  }
}
