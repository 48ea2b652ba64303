package dev.drawbridge.client.geom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The edges and centres of other shapes that a move or resize may snap to, sorted once per gesture
 * so that each pointer event costs a few binary searches however many shapes there are. Each target
 * rectangle gives three vertical lines (left, centre, right) and three horizontal ones (top,
 * middle, bottom).
 */
public final class SnapTargets {
  /** No targets: nothing snaps. */
  public static final SnapTargets NONE = new SnapTargets(List.of());

  /** Where a moving rectangle or point snapped: the offset to add, and the guides to draw. */
  public record Snap(double dx, double dy, boolean snappedX, boolean snappedY) {
    public static final Snap NONE = new Snap(0, 0, false, false);
  }

  /** One axis: line positions sorted, each with the extent (along the line) of its shape. */
  private record Axis(double[] at, double[] from, double[] to) {}

  private final Axis xs;
  private final Axis ys;

  /** Targets from these rectangles (board units); rectangles with a non-finite side are skipped. */
  public SnapTargets(Collection<Rect> targets) {
    List<double[]> vertical = new ArrayList<>(targets.size() * 3);
    List<double[]> horizontal = new ArrayList<>(targets.size() * 3);
    for (Rect r : targets) {
      if (!finite(r)) {
        continue;
      }
      for (double x : anchors(r.minX(), r.maxX())) {
        vertical.add(new double[] {x, r.minY(), r.maxY()});
      }
      for (double y : anchors(r.minY(), r.maxY())) {
        horizontal.add(new double[] {y, r.minX(), r.maxX()});
      }
    }
    xs = axis(vertical);
    ys = axis(horizontal);
  }

  /** How many lines there are to snap to (both axes). */
  public int size() {
    return xs.at.length + ys.at.length;
  }

  /**
   * Where {@code moving} snaps: on each axis, the smallest shift (at most {@code tolerance}) that
   * puts one of its three anchors (edges or centre) on a target line.
   */
  public Snap snapRect(Rect moving, double tolerance) {
    if (!finite(moving)) {
      return Snap.NONE;
    }
    double dx = nearest(xs, anchors(moving.minX(), moving.maxX()), tolerance);
    double dy = nearest(ys, anchors(moving.minY(), moving.maxY()), tolerance);
    return new Snap(
        Double.isNaN(dx) ? 0 : dx, Double.isNaN(dy) ? 0 : dy, !Double.isNaN(dx), !Double.isNaN(dy));
  }

  /** Where the point (x, y) snaps (a resize handle): as {@link #snapRect} for a rectangle of 0. */
  public Snap snapPoint(double x, double y, double tolerance) {
    return snapRect(new Rect(x, y, x, y), tolerance);
  }

  /**
   * The guides to draw for {@code placed} (the moving rectangle where it ended up): one line per
   * anchor that lies exactly on target lines, reaching from {@code placed} to the furthest of them.
   * Only axes given as snapped get guides.
   */
  public List<SnapGuide> guides(Rect placed, boolean onX, boolean onY) {
    List<SnapGuide> guides = new ArrayList<>();
    if (!finite(placed)) {
      return guides;
    }
    if (onX) {
      addGuides(
          guides, xs, true, anchors(placed.minX(), placed.maxX()), placed.minY(), placed.maxY());
    }
    if (onY) {
      addGuides(
          guides, ys, false, anchors(placed.minY(), placed.maxY()), placed.minX(), placed.maxX());
    }
    return guides;
  }

  private static void addGuides(
      List<SnapGuide> out, Axis axis, boolean vertical, double[] anchors, double from, double to) {
    double last = Double.NaN;
    for (double a : anchors) {
      if (a == last) {
        continue; // a zero-size side: its edges and centre are one line
      }
      last = a;
      double eps = epsilon(a);
      int i = lowerBound(axis.at, a - eps);
      double lo = from;
      double hi = to;
      boolean any = false;
      for (; i < axis.at.length && axis.at[i] <= a + eps; i++) {
        any = true;
        lo = Math.min(lo, axis.from[i]);
        hi = Math.max(hi, axis.to[i]);
      }
      if (any) {
        out.add(new SnapGuide(vertical, a, lo, hi));
      }
    }
  }

  /** The shift of smallest size (NaN if none within {@code tolerance}) onto a line of the axis. */
  private static double nearest(Axis axis, double[] anchors, double tolerance) {
    double best = Double.NaN;
    for (double a : anchors) {
      int i = lowerBound(axis.at, a);
      for (int j = i - 1; j <= i; j++) {
        if (j < 0 || j >= axis.at.length) {
          continue;
        }
        double d = axis.at[j] - a;
        if (Math.abs(d) <= tolerance && (Double.isNaN(best) || Math.abs(d) < Math.abs(best))) {
          best = d;
        }
      }
    }
    return best;
  }

  /** The first index whose value is not below {@code v}. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** How close counts as "on the line": rounding noise, relative at huge coordinates. */
  private static double epsilon(double v) {
    return Math.max(1e-9, Math.ulp(v) * 8);
  }

  private static double[] anchors(double min, double max) {
    // Halves first: at the ends of the double range min + max would overflow.
    return new double[] {min, min * 0.5 + max * 0.5, max};
  }

  private static Axis axis(List<double[]> lines) {
    lines.sort((a, b) -> Double.compare(a[0], b[0]));
    double[] at = new double[lines.size()];
    double[] from = new double[lines.size()];
    double[] to = new double[lines.size()];
    for (int i = 0; i < at.length; i++) {
      double[] line = lines.get(i);
      at[i] = line[0];
      from[i] = line[1];
      to[i] = line[2];
    }
    return new Axis(at, from, to);
  }

  private static boolean finite(Rect r) {
    return Double.isFinite(r.minX())
        && Double.isFinite(r.minY())
        && Double.isFinite(r.maxX())
        && Double.isFinite(r.maxY());
  }
}
