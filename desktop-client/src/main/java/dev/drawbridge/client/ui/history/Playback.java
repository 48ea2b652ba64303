package dev.drawbridge.client.ui.history;

import java.util.List;

/**
 * Plays the timeline: each frame moves the cursor on by the time since the last frame times the
 * speed, over the {@link ScrubScale} (real pacing, long pauses shortened to breaks). Pure: the
 * panel's AnimationTimer feeds it frame times, tests feed it whatever they like.
 */
public final class Playback {
  /** The speeds offered, in order. */
  public static final List<Integer> SPEEDS = List.of(1, 2, 4, 8, 16, 32, 64);

  // A frame that comes after a stall (a window drag, a GC) moves on by at most this much, so
  // playback resumes instead of leaping.
  private static final long MAX_FRAME_NANOS = 100_000_000L;

  private int speed = 1;
  private boolean playing;
  private long lastFrame = -1;
  private double position;

  public int speed() {
    return speed;
  }

  /** Sets the speed (one of {@link #SPEEDS}; others are taken to the nearest lower one, or 1). */
  public void setSpeed(int wanted) {
    int s = 1;
    for (int option : SPEEDS) {
      if (option <= wanted) {
        s = option;
      }
    }
    speed = s;
  }

  /** The next speed after the current one, wrapping round to 1×. */
  public int nextSpeed() {
    int i = SPEEDS.indexOf(speed);
    return SPEEDS.get((i + 1) % SPEEDS.size());
  }

  public boolean playing() {
    return playing;
  }

  /** Starts from {@code position} (scale ms); the first frame only sets the clock. */
  public void play(double from) {
    playing = true;
    position = from;
    lastFrame = -1;
  }

  public void pause() {
    playing = false;
  }

  /**
   * One frame at {@code nowNanos}: the new position on {@code scale}, at most its end (playback
   * stops there). Returns the position; {@link #playing} turns false at the end.
   */
  public double frame(long nowNanos, ScrubScale scale) {
    if (!playing) {
      return position;
    }
    if (lastFrame >= 0) {
      long elapsed = Math.min(MAX_FRAME_NANOS, Math.max(0, nowNanos - lastFrame));
      position += elapsed / 1e6 * speed;
    }
    lastFrame = nowNanos;
    if (position >= scale.length()) {
      position = scale.length();
      playing = false;
    }
    return position;
  }
}
