package dev.drawbridge.client.geom;

/**
 * Takes the jitter out of pointer input: each point moves part of the way from the previous
 * smoothed point towards the raw one (an exponential moving average), and points closer than {@code
 * minDistance} to the last kept one are dropped so a slow hand does not flood the board with
 * points. Rendering then draws quadratic curves through the midpoints.
 */
public final class StrokeSmoother {
  private final double weight;
  private double lastX;
  private double lastY;
  private double keptX;
  private double keptY;

  /** {@code weight} in (0, 1]: how much of each raw step to take (1 = no smoothing). */
  public StrokeSmoother(double weight) {
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight must be in (0, 1]");
    }
    this.weight = weight;
  }

  public void reset(double x, double y) {
    lastX = x;
    lastY = y;
    keptX = x;
    keptY = y;
  }

  /**
   * The smoothed point for raw input (x, y), or null when it is within {@code minDistance} of the
   * last point kept.
   */
  public double[] next(double x, double y, double minDistance) {
    lastX += (x - lastX) * weight;
    lastY += (y - lastY) * weight;
    if (Math.hypot(lastX - keptX, lastY - keptY) < minDistance) {
      return null;
    }
    keptX = lastX;
    keptY = lastY;
    return new double[] {lastX, lastY};
  }
}
