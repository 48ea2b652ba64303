package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Viewport;

/**
 * The discrete zoom levels steps land on: {@value #STEP}<sup>k</sup> (100 % is k = 0), clamped to
 * the viewport's limits. Landing on the same doubles every time is what lets a zoom back, or a step
 * to a pre-rendered neighbour, find its tiles in the level cache. A scale between levels (after
 * "fit" or a pinch) steps to the next level in the step's direction.
 */
final class ZoomLevels {
  /** One zoom step, as the toolbar and the keyboard shortcuts use it. */
  static final double STEP = 1.2;

  private static final double LOG_STEP = Math.log(STEP);

  private ZoomLevels() {}

  /** The level {@code steps} steps from {@code scale} (negative: zoom out). */
  static double step(double scale, int steps) {
    double x = Math.log(scale) / LOG_STEP;
    double k = Math.rint(x);
    double base;
    if (Math.abs(x - k) < 1e-6) {
      base = k;
    } else {
      base = steps > 0 ? Math.floor(x) : Math.ceil(x);
    }
    return clamp(Math.pow(STEP, base + steps));
  }

  /** The nearest level to {@code scale}. */
  static double nearest(double scale) {
    return clamp(Math.pow(STEP, Math.rint(Math.log(scale) / LOG_STEP)));
  }

  /** Whole steps for a zoom {@code factor} (at least one either way unless it is 1). */
  static int stepsFor(double factor) {
    if (factor == 1) {
      return 0;
    }
    long n = Math.round(Math.log(factor) / LOG_STEP);
    return n != 0 ? (int) n : factor > 1 ? 1 : -1;
  }

  private static double clamp(double s) {
    return Math.max(Viewport.MIN_SCALE, Math.min(Viewport.MAX_SCALE, s));
  }
}
