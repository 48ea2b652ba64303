package dev.drawbridge.client.geom;

import java.util.ArrayList;
import java.util.List;

/**
 * Where new pictures go: each at its natural size (a pixel per board unit), shrunk to at most a
 * {@link #VIEW_FRACTION} of the view so that a photo never covers the whole screen, and several
 * side by side in a row, {@link #GAP} apart, the row centred on the point (the drop or paste point,
 * or the middle of the view).
 */
public final class ImagePlacement {
  /** The largest part of the view's width and height one new picture takes. */
  public static final double VIEW_FRACTION = 0.6;

  /** Board units between pictures placed side by side. */
  public static final double GAP = 16;

  private ImagePlacement() {}

  /**
   * Boxes for pictures of pixel sizes {@code sizes} ({@code [w, h]} each), centred on (cx, cy), for
   * a view showing {@code visible} (board units).
   */
  public static List<Rect> row(List<int[]> sizes, double cx, double cy, Rect visible) {
    double maxW = visible.width() * VIEW_FRACTION;
    double maxH = visible.height() * VIEW_FRACTION;
    List<double[]> boxes = new ArrayList<>();
    double total = GAP * (sizes.size() - 1);
    for (int[] s : sizes) {
      double f = Math.min(1, Math.min(maxW / s[0], maxH / s[1]));
      boxes.add(new double[] {s[0] * f, s[1] * f});
      total += s[0] * f;
    }
    // A row wider than the view shrinks as a whole, so it still fits beside the point.
    double rowMax = visible.width() * 0.9;
    double shrink = total > rowMax ? rowMax / total : 1;
    List<Rect> placed = new ArrayList<>();
    double x = cx - total * shrink / 2;
    for (double[] b : boxes) {
      double w = b[0] * shrink;
      double h = b[1] * shrink;
      placed.add(new Rect(x, cy - h / 2, x + w, cy + h / 2));
      x += w + GAP * shrink;
    }
    return placed;
  }
}
