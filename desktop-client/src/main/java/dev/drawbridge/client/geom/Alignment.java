package dev.drawbridge.client.geom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Align and distribute: for the bounds of selected shapes, how far each must move. Aligning lines
 * every shape up with the edge or centre of the bounds of them all; distributing keeps the two
 * outermost shapes (by centre) in place and makes the gaps between neighbours equal (negative when
 * they overlap, as in the drawing apps people know).
 */
public final class Alignment {
  /** Which line the shapes are aligned on. */
  public enum Edge {
    LEFT,
    CENTRE,
    RIGHT,
    TOP,
    MIDDLE,
    BOTTOM;

    boolean horizontal() {
      return this == LEFT || this == CENTRE || this == RIGHT;
    }
  }

  /** The direction shapes are spread along. */
  public enum Axis {
    HORIZONTAL,
    VERTICAL
  }

  private Alignment() {}

  /**
   * The shift {@code [dx, dy]} for each of {@code bounds} (same order) that aligns them on {@code
   * edge}. Fewer than two shapes do not move.
   */
  public static List<double[]> align(List<Rect> bounds, Edge edge) {
    List<double[]> moves = new ArrayList<>(bounds.size());
    Rect all = null;
    for (Rect r : bounds) {
      all = r.union(all);
    }
    for (Rect r : bounds) {
      double by = bounds.size() < 2 ? 0 : target(all, edge) - target(r, edge);
      moves.add(edge.horizontal() ? new double[] {by, 0} : new double[] {0, by});
    }
    return moves;
  }

  /**
   * The shift {@code [dx, dy]} for each of {@code bounds} (same order) that spreads them evenly
   * along {@code axis}. Fewer than three shapes do not move; shapes with the same centre keep the
   * order they were given in.
   */
  public static List<double[]> distribute(List<Rect> bounds, Axis axis) {
    int n = bounds.size();
    List<double[]> moves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      moves.add(new double[] {0, 0});
    }
    if (n < 3) {
      return moves;
    }
    boolean h = axis == Axis.HORIZONTAL;
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> centre(bounds.get(i), h)));
    Rect first = bounds.get(order.getFirst());
    Rect last = bounds.get(order.getLast());
    double inner = 0;
    for (int k = 1; k < n - 1; k++) {
      inner += size(bounds.get(order.get(k)), h);
    }
    double gap = (min(last, h) - max(first, h) - inner) / (n - 1);
    double next = max(first, h) + gap;
    for (int k = 1; k < n - 1; k++) {
      Rect r = bounds.get(order.get(k));
      double by = next - min(r, h);
      moves.set(order.get(k), h ? new double[] {by, 0} : new double[] {0, by});
      next += size(r, h) + gap;
    }
    return moves;
  }

  private static double target(Rect r, Edge edge) {
    return switch (edge) {
      case LEFT -> r.minX();
      case CENTRE -> r.minX() * 0.5 + r.maxX() * 0.5;
      case RIGHT -> r.maxX();
      case TOP -> r.minY();
      case MIDDLE -> r.minY() * 0.5 + r.maxY() * 0.5;
      case BOTTOM -> r.maxY();
    };
  }

  private static double centre(Rect r, boolean h) {
    return h ? r.minX() * 0.5 + r.maxX() * 0.5 : r.minY() * 0.5 + r.maxY() * 0.5;
  }

  private static double min(Rect r, boolean h) {
    return h ? r.minX() : r.minY();
  }

  private static double max(Rect r, boolean h) {
    return h ? r.maxX() : r.maxY();
  }

  private static double size(Rect r, boolean h) {
    return h ? r.width() : r.height();
  }
}
