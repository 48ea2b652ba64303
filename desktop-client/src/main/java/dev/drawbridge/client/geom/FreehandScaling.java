package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * Resizing a freehand stroke by a corner of its bounds: every point scales about the opposite
 * corner, each axis by its own factor (or both by the larger one to keep the aspect). The stroke
 * width does not change: only geometry scales. Dragging past the opposite corner mirrors the
 * stroke, as a box flips; an axis never shrinks below {@link #MIN_EXTENT} (or its own extent, if
 * smaller), and an axis with no extent (a straight horizontal or vertical stroke, a dot) cannot be
 * scaled and stays as it is.
 */
public final class FreehandScaling {
  /** The smallest width or height, in board units, a resize leaves a stroke with. */
  public static final double MIN_EXTENT = 2;

  private FreehandScaling() {}

  /**
   * {@code stroke} with corner {@code h} dragged to (px, py): same id, style and point count. If
   * the result would leave the protocol's coordinate range, {@code stroke} itself.
   */
  public static Element scaled(
      Element stroke, Handles.Handle h, double px, double py, boolean keepAspect) {
    double[] fixed = Handles.position(stroke, Handles.opposite(h));
    double[] corner = Handles.position(stroke, h);
    double extX = corner[0] - fixed[0];
    double extY = corner[1] - fixed[1];
    double sx = extX == 0 ? 1 : (px - fixed[0]) / extX;
    double sy = extY == 0 ? 1 : (py - fixed[1]) / extY;
    if (keepAspect) {
      double m =
          extX == 0
              ? Math.abs(sy)
              : extY == 0 ? Math.abs(sx) : Math.max(Math.abs(sx), Math.abs(sy));
      sx = Math.copySign(m, sx);
      sy = Math.copySign(m, sy);
    }
    sx = atLeastMinimum(sx, extX);
    sy = atLeastMinimum(sy, extY);
    return scaledAbout(stroke, fixed[0], fixed[1], sx, sy);
  }

  /**
   * {@code stroke} scaled by (sx, sy) about the board point (fx, fy), or {@code stroke} itself if
   * that would leave the coordinate range. Points stay relative to the (scaled) origin.
   */
  public static Element scaledAbout(Element stroke, double fx, double fy, double sx, double sy) {
    if (sx == 1 && sy == 1) {
      return stroke;
    }
    double x = fx + (stroke.x() - fx) * sx;
    double y = fy + (stroke.y() - fy) * sy;
    if (!withinLimits(x) || !withinLimits(y)) {
      return stroke;
    }
    Points points = stroke.points();
    float[] coords = new float[2 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      float px = (float) (points.x(i) * sx);
      float py = (float) (points.y(i) * sy);
      if (!withinLimits(px) || !withinLimits(py)) {
        return stroke;
      }
      coords[2 * i] = px;
      coords[2 * i + 1] = py;
    }
    return new Element(
            stroke.id(),
            stroke.kind(),
            x,
            y,
            stroke.w(),
            stroke.h(),
            Points.of(coords),
            stroke.text(),
            stroke.style(),
            stroke.z(),
            stroke.deleted(),
            stroke.author())
        .withGroup(stroke.group());
  }

  /** Scale factor {@code s} for an axis of extent {@code ext}, kept from collapsing the axis. */
  private static double atLeastMinimum(double s, double ext) {
    if (ext == 0) {
      return 1;
    }
    double minScale = Math.min(MIN_EXTENT, Math.abs(ext)) / Math.abs(ext);
    if (Math.abs(s) >= minScale) {
      return s;
    }
    // A pointer exactly on the fixed corner does not flip the stroke.
    return s < 0 ? -minScale : minScale;
  }

  private static boolean withinLimits(double v) {
    return Double.isFinite(v) && Math.abs(v) <= ProtocolLimits.MAX_COORDINATE;
  }
}
