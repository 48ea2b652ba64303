package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Timeline;
import java.util.Arrays;

/**
 * Where each point of a {@link Timeline} sits on the scrubber and in playback: op times (as {@link
 * Timeline#timeOf} resolves them) with every pause longer than {@link #IDLE_MS} shrunk to a fixed
 * {@link #BREAK_MS}, so an afternoon's work and the week it then sat untouched do not leave the
 * work a sliver at one end. Every op moves the scale on by at least {@link #MIN_STEP_MS}, so ops of
 * one instant still each get a place, and ops of a history without times (stored before R116) by
 * {@link #UNTIMED_STEP_MS}.
 *
 * <p>Positions are "scale milliseconds": point {@code k} (the board after {@code k} ops; 0 is the
 * base) is at {@link #positionOf}. Grows with the timeline ({@link #extend}); pure, no JavaFX.
 */
public final class ScrubScale {
  /** A pause longer than this is shown as a break. */
  public static final long IDLE_MS = 5 * 60_000;

  /** How long a break is on the scale (and in playback at 1×). */
  public static final long BREAK_MS = 3_000;

  /** The least an op moves the scale on. */
  public static final long MIN_STEP_MS = 1;

  /**
   * How far an op without any time moves the scale on: a relay before R116 stamps none, and its
   * history should still play at a pace one can follow, not in a blink.
   */
  public static final long UNTIMED_STEP_MS = 100;

  // positions[k]: point k; positions[0] = 0.
  private long[] positions = new long[16];
  private boolean[] breakBefore = new boolean[16];
  private int points = 1;

  /** A scale over {@code timeline} as it is now. */
  public static ScrubScale of(Timeline timeline) {
    ScrubScale scale = new ScrubScale();
    scale.extend(timeline);
    return scale;
  }

  /**
   * Adds the points of ops appended to {@code timeline} since the last call. Points already placed
   * stay where they are, so the user's position does not move when live ops arrive.
   */
  public void extend(Timeline timeline) {
    int target = timeline.size() + 1;
    if (target <= points) {
      return;
    }
    if (target > positions.length) {
      int capacity = Math.max(target, positions.length * 2);
      positions = Arrays.copyOf(positions, capacity);
      breakBefore = Arrays.copyOf(breakBefore, capacity);
    }
    for (int k = points; k < target; k++) {
      long step = MIN_STEP_MS;
      if (k >= 2) {
        long before = timeline.timeOf(k - 2);
        long gap = timeline.timeOf(k - 1) - before;
        if (before == 0 && gap == 0) {
          step = UNTIMED_STEP_MS; // no op of the history has a time (0 is "unknown")
        } else if (gap > IDLE_MS) {
          step = BREAK_MS;
          breakBefore[k] = true;
        } else {
          step = Math.max(MIN_STEP_MS, gap);
        }
      }
      positions[k] = positions[k - 1] + step;
    }
    points = target;
  }

  /** How many points: the timeline's ops + 1. */
  public int points() {
    return points;
  }

  /** The position of the last point: how long the scale is. */
  public long length() {
    return positions[points - 1];
  }

  /** Where point {@code k} (the board after {@code k} ops) sits. */
  public long positionOf(int k) {
    return positions[k];
  }

  /** Whether a pause longer than {@link #IDLE_MS} came before point {@code k}. */
  public boolean breakBefore(int k) {
    return breakBefore[k];
  }

  /** The last point at or before {@code position}: what the scrubber shows there. */
  public int pointAt(double position) {
    int low = 0;
    int high = points - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (positions[mid] <= position) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
