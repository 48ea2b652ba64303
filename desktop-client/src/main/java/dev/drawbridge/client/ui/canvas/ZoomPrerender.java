package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import java.util.ArrayList;
import java.util.List;

/**
 * What to paint ahead while nobody touches the board: the levels one zoom step in and one step out
 * of the current view, and the "fit" view, so that a single step or fit from a resting view finds
 * sharp tiles in the level cache. The areas cover every view a single step can produce with its
 * anchor (the pointer, for the wheel) anywhere in the window:
 *
 * <ul>
 *   <li>a step in shows a part of the current view (the anchor stays put, everything else moves
 *       outwards), so the current view at the new scale covers all of them;
 *   <li>a step out by a factor f shows the current view plus up to (f − 1) of its width on the left
 *       or right, and of its height above or below, depending on where the anchor is.
 * </ul>
 *
 * The levels are computed with the same {@link ZoomLevels} and {@link Viewport} arithmetic the zoom
 * itself uses, so they match the real zoom exactly.
 */
final class ZoomPrerender {
  /** Margin around the fit view ({@link Navigation#zoomToFit} uses it too). */
  static final double FIT_MARGIN = 40;

  private ZoomPrerender() {}

  /**
   * The targets for a view of {@code width} × {@code height} pixels through {@code viewport}, with
   * {@code content} the board's content bounds (null when empty).
   */
  static List<PrerenderTarget> targets(
      Viewport viewport, double width, double height, Rect content) {
    return targets(viewport, width, height, content, new Rect(0, 0, width, height));
  }

  /** As above, with "fit" showing the content in {@code free} (view pixels nothing covers). */
  static List<PrerenderTarget> targets(
      Viewport viewport, double width, double height, Rect content, Rect free) {
    List<PrerenderTarget> out = new ArrayList<>();
    double s = viewport.scale();
    Rect view = viewport.visible(width, height);
    double in = ZoomLevels.step(s, 1);
    if (in != s) {
      out.add(new PrerenderTarget(in, device(view, in)));
    }
    double outScale = ZoomLevels.step(s, -1);
    if (outScale != s) {
      double f = s / outScale;
      double mx = (f - 1) * view.width();
      double my = (f - 1) * view.height();
      Rect union = new Rect(view.minX() - mx, view.minY() - my, view.maxX() + mx, view.maxY() + my);
      out.add(new PrerenderTarget(outScale, device(union, outScale)));
    }
    if (content != null) {
      Viewport fit = new Viewport();
      fit.fitInto(content, free, FIT_MARGIN);
      if (fit.scale() != s) {
        Rect fitView =
            new Rect(
                -fit.offsetX(),
                -fit.offsetY(),
                -fit.offsetX() + Math.ceil(width),
                -fit.offsetY() + Math.ceil(height));
        out.add(new PrerenderTarget(fit.scale(), fitView));
      }
    }
    return out;
  }

  /** {@code board} at scale {@code s} in device pixels, plus one for the offsets' rounding. */
  private static Rect device(Rect board, double s) {
    return new Rect(
        board.minX() * s - 1, board.minY() * s - 1, board.maxX() * s + 1, board.maxY() * s + 1);
  }
}
