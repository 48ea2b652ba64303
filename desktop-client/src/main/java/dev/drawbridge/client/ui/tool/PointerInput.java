package dev.drawbridge.client.ui.tool;

/**
 * One pointer event in board units.
 *
 * @param x board x
 * @param y board y
 * @param shift whether shift is held (add to selection, constrain shapes)
 * @param clicks the click count (2 for a double click)
 * @param nanos when it happened, for batching live points
 * @param alt whether Alt is held (no snapping to the grid or to other shapes)
 */
public record PointerInput(double x, double y, boolean shift, int clicks, long nanos, boolean alt) {
  /** An event without Alt. */
  public PointerInput(double x, double y, boolean shift, int clicks, long nanos) {
    this(x, y, shift, clicks, nanos, false);
  }

  public static PointerInput at(double x, double y) {
    return new PointerInput(x, y, false, 1, System.nanoTime());
  }
}
