package dev.drawbridge.client.geom;

/**
 * The board's grid: lines every {@value #STEP} units, five times further apart each time they would
 * come closer than 12 screen pixels. The canvas draws it and snapping uses it, so what snaps is
 * what the user sees.
 */
public final class Grid {
  /** The finest grid step, in board units. */
  public static final double STEP = 20;

  private static final double MIN_PX = 12;

  private Grid() {}

  /** The step of the grid drawn at {@code scale} screen pixels per board unit. */
  public static double step(double scale) {
    double step = STEP;
    if (!(scale > 0) || Double.isInfinite(scale)) {
      return step;
    }
    while (step * scale < MIN_PX) {
      step *= 5;
    }
    return step;
  }

  /** {@code v} moved to the nearest grid line ({@code v} itself when it is not finite). */
  public static double snap(double v, double step) {
    if (!Double.isFinite(v) || !(step > 0)) {
      return v;
    }
    double snapped = Math.rint(v / step) * step;
    return Double.isFinite(snapped) ? snapped : v;
  }
}
