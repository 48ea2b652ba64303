package dev.drawbridge.protocol.board;

import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Routing;
import java.util.function.Function;

/**
 * Where a line's or arrow's ends are drawn (docs/protocol.md R102, R103): derived from stored state
 * only, so every member that holds the same board draws the same connector. An attached end sits on
 * its target's current bounds; an end whose binding names no valid target is free at its stored
 * point. Pure functions; the canvas, the exports and the tests all use these.
 */
public final class Connectors {
  private Connectors() {}

  /** The drawn ends of a line or arrow: {@code [startX, startY, endX, endY]}. */
  public static double[] ends(Element connector, Function<String, Element> lookup) {
    double sx = connector.x();
    double sy = connector.y();
    double ex = connector.x() + connector.w();
    double ey = connector.y() + connector.h();
    double[] start = anchorPoint(connector, connector.startBinding(), lookup);
    double[] end = anchorPoint(connector, connector.endBinding(), lookup);
    return new double[] {
      start == null ? sx : start[0],
      start == null ? sy : start[1],
      end == null ? ex : end[0],
      end == null ? ey : end[1]
    };
  }

  /** The drawn ends on {@code board}. */
  public static double[] ends(Element connector, BoardState board) {
    return ends(connector, board::get);
  }

  /**
   * The target a binding attaches to, or null when the end is free (R102): the binding names an
   * element that exists, is not deleted, is not a line or arrow and is not the connector itself.
   */
  public static Element target(
      Element connector, Binding binding, Function<String, Element> lookup) {
    if (binding == null || binding.isFree() || !connector.kind().isConnector()) {
      return null;
    }
    if (binding.elementId().equals(connector.id())) {
      return null;
    }
    Element target = lookup.apply(binding.elementId());
    if (target == null || target.deleted() || target.kind().isConnector()) {
      return null;
    }
    return target;
  }

  /** Whether the element is attached at either end right now. */
  public static boolean isAttached(Element connector, Function<String, Element> lookup) {
    return target(connector, connector.startBinding(), lookup) != null
        || target(connector, connector.endBinding(), lookup) != null;
  }

  /** Whether either end is attached to {@code targetId} right now. */
  public static boolean isBoundTo(
      Element connector, String targetId, Function<String, Element> lookup) {
    Element start = target(connector, connector.startBinding(), lookup);
    Element end = target(connector, connector.endBinding(), lookup);
    return start != null && start.id().equals(targetId) || end != null && end.id().equals(targetId);
  }

  private static double[] anchorPoint(
      Element connector, Binding binding, Function<String, Element> lookup) {
    Element target = target(connector, binding, lookup);
    if (target == null) {
      return null;
    }
    double[] b = target.bounds();
    return new double[] {b[0] + binding.x() * (b[2] - b[0]), b[1] + binding.y() * (b[3] - b[1])};
  }

  /**
   * The polyline a connector is drawn along, {@code [x0, y0, x1, y1, …]} (R103): its two ends when
   * straight; for an elbow, horizontal and vertical segments that bend halfway along the longer
   * axis (horizontal-vertical-horizontal when the ends are further apart across than down).
   */
  public static double[] route(Element connector, double[] ends) {
    double sx = ends[0], sy = ends[1], ex = ends[2], ey = ends[3];
    if (connector.routing() != Routing.ELBOW || sx == ex || sy == ey) {
      return new double[] {sx, sy, ex, ey};
    }
    if (Math.abs(ex - sx) >= Math.abs(ey - sy)) {
      double mx = (sx + ex) / 2;
      return new double[] {sx, sy, mx, sy, mx, ey, ex, ey};
    }
    double my = (sy + ey) / 2;
    return new double[] {sx, sy, sx, my, ex, my, ex, ey};
  }

  /** The point halfway along a route (where the label is drawn). */
  public static double[] midpoint(double[] route) {
    double total = 0;
    for (int i = 2; i < route.length; i += 2) {
      total += Math.hypot(route[i] - route[i - 2], route[i + 1] - route[i - 1]);
    }
    double half = total / 2;
    for (int i = 2; i < route.length; i += 2) {
      double len = Math.hypot(route[i] - route[i - 2], route[i + 1] - route[i - 1]);
      if (len >= half && len > 0) {
        double t = half / len;
        return new double[] {
          route[i - 2] + t * (route[i] - route[i - 2]),
          route[i - 1] + t * (route[i + 1] - route[i - 1])
        };
      }
      half -= len;
    }
    return new double[] {route[0], route[1]};
  }

  /** The normalised anchor of a board point on a target's bounds, clamped to 0..1 (R100). */
  public static Binding bindingAt(Element target, double px, double py) {
    double[] b = target.bounds();
    double w = b[2] - b[0];
    double h = b[3] - b[1];
    double ax = w <= 0 ? 0.5 : clamp01((px - b[0]) / w);
    double ay = h <= 0 ? 0.5 : clamp01((py - b[1]) / h);
    return Binding.to(target.id(), ax, ay);
  }

  /**
   * The binding that snaps a point to the nearest spot on a target's outline, or to its centre when
   * the point is near the centre (a connector into the middle of a shape).
   */
  public static Binding snapTo(Element target, double px, double py) {
    double[] b = target.bounds();
    double cx = (b[0] + b[2]) / 2;
    double cy = (b[1] + b[3]) / 2;
    double w = b[2] - b[0];
    double h = b[3] - b[1];
    if (Math.abs(px - cx) <= w / 6 && Math.abs(py - cy) <= h / 6) {
      return Binding.to(target.id(), 0.5, 0.5);
    }
    double qx = Math.clamp(px, b[0], b[2]);
    double qy = Math.clamp(py, b[1], b[3]);
    double left = qx - b[0], right = b[2] - qx, top = qy - b[1], bottom = b[3] - qy;
    double min = Math.min(Math.min(left, right), Math.min(top, bottom));
    if (min == left) {
      qx = b[0];
    } else if (min == right) {
      qx = b[2];
    } else if (min == top) {
      qy = b[1];
    } else {
      qy = b[3];
    }
    return bindingAt(target, qx, qy);
  }

  private static double clamp01(double v) {
    return Double.isFinite(v) ? Math.clamp(v, 0.0, 1.0) : 0.5;
  }
}
