package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Timeline;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * Which points of a {@link Timeline} the scrubber marks with a tick: one per step (a whole user
 * action, {@link Timeline#isLanding}; points inside an action cannot be shown, so get none), and of
 * the steps that fall in one pixel column only the newest, since it would paint over the others.
 * Pure, no JavaFX.
 */
final class TrackTicks {
  private TrackTicks() {}

  /**
   * The points 1.. to tick, in order.
   *
   * @param columnOf the pixel column a point is drawn in
   */
  static int[] of(Timeline t, ScrubScale scale, IntUnaryOperator columnOf) {
    IntStream.Builder ticks = IntStream.builder();
    int points = Math.min(scale.points(), t.size() + 1);
    int lastColumn = Integer.MIN_VALUE;
    for (int k = points > 1 ? t.nextLanding(0) : points; k < points; k = t.nextLanding(k)) {
      int column = columnOf.applyAsInt(k);
      int next = t.nextLanding(k);
      // A break before the next step is drawn in this column's left neighbour: keep both apart.
      if (next > k
          && next < points
          && columnOf.applyAsInt(next) == column
          && !scale.breakBefore(next)) {
        continue;
      }
      if (column != lastColumn) {
        lastColumn = column;
        ticks.add(k);
      }
      if (next <= k) {
        break;
      }
    }
    return ticks.build().toArray();
  }
}
