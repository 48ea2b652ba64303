package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Points;

/** Whether a point touches an element, as a user would judge it on screen. */
public final class Proximity {
  private Proximity() {}

  /**
   * True when (px, py) is within {@code tolerance} board units of what {@code e} paints: its lines,
   * or its inside when it is a filled shape, a picture or text.
   */
  public static boolean hits(Element e, double px, double py, double tolerance) {
    if (e.deleted()) {
      return false;
    }
    double reach = tolerance + e.style().width() / 2;
    return switch (e.kind()) {
      case STROKE, HIGHLIGHTER -> nearPolyline(e, px, py, reach);
      case LINE, ARROW -> nearRoute(e, px, py, reach);
      case RECTANGLE -> {
        Rect r = Rect.spanning(e.x(), e.y(), e.x() + e.w(), e.y() + e.h());
        // A picture is an unfilled rectangle holding an image: its inside is what people see.
        if (e.style().fill() || e.hasImage()) {
          yield r.inflate(reach).contains(px, py);
        }
        yield r.inflate(reach).contains(px, py) && !r.inflate(-reach).contains(px, py);
      }
      case ELLIPSE -> nearEllipse(e, px, py, reach);
      case TEXT -> {
        double[] b = e.bounds();
        yield new Rect(b[0], b[1], b[2], b[3]).inflate(tolerance).contains(px, py);
      }
    };
  }

  /** Near a line or arrow along its route, straight or elbowed (R103). */
  private static boolean nearRoute(Element e, double px, double py, double reach) {
    double[] r =
        dev.drawbridge.protocol.board.Connectors.route(
            e, new double[] {e.x(), e.y(), e.x() + e.w(), e.y() + e.h()});
    for (int i = 2; i < r.length; i += 2) {
      if (segmentDistance(px, py, r[i - 2], r[i - 1], r[i], r[i + 1]) <= reach) {
        return true;
      }
    }
    return false;
  }

  /** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
  public static double segmentDistance(
      double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
    t = Math.max(0, Math.min(1, t));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }

  private static boolean nearPolyline(Element e, double px, double py, double reach) {
    Points pts = e.points();
    if (pts.isEmpty()) {
      return false;
    }
    double lx = e.x() + pts.x(0);
    double ly = e.y() + pts.y(0);
    if (pts.size() == 1) {
      return Math.hypot(px - lx, py - ly) <= reach;
    }
    for (int i = 1; i < pts.size(); i++) {
      double nx = e.x() + pts.x(i);
      double ny = e.y() + pts.y(i);
      if (segmentDistance(px, py, lx, ly, nx, ny) <= reach) {
        return true;
      }
      lx = nx;
      ly = ny;
    }
    return false;
  }

  private static boolean nearEllipse(Element e, double px, double py, double reach) {
    Rect r = Rect.spanning(e.x(), e.y(), e.x() + e.w(), e.y() + e.h());
    double rx = r.width() / 2;
    double ry = r.height() / 2;
    double cx = r.minX() + rx;
    double cy = r.minY() + ry;
    if (e.style().fill()) {
      return inEllipse(px - cx, py - cy, rx + reach, ry + reach);
    }
    return inEllipse(px - cx, py - cy, rx + reach, ry + reach)
        && !inEllipse(px - cx, py - cy, rx - reach, ry - reach);
  }

  private static boolean inEllipse(double dx, double dy, double rx, double ry) {
    if (rx <= 0 || ry <= 0) {
      return false;
    }
    return (dx * dx) / (rx * rx) + (dy * dy) / (ry * ry) <= 1;
  }
}
