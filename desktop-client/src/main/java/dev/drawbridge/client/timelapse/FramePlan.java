package dev.drawbridge.client.timelapse;

/**
 * Which point of the history each frame shows: the changes are spread evenly by count over the
 * frames (not by time: an hour's pause would otherwise be seconds of a still picture), and the last
 * frames hold the finished board for a moment.
 *
 * @param counts for each frame, how many ops of the history it shows applied
 * @param fps frames per second
 */
public record FramePlan(int[] counts, int fps) {
  /** The longest end hold. */
  public static final double HOLD_SECONDS = 1.5;

  /** The most frames an export has (a minute at 30 frames per second). */
  public static final int MAX_FRAMES = 1_800;

  /**
   * A plan for {@code ops} changes over {@code seconds} at {@code fps}: a tenth of the frames (at
   * most {@link #HOLD_SECONDS}) hold the end, the others show the changes in equal steps.
   */
  public static FramePlan of(int ops, double seconds, int fps) {
    if (seconds <= 0 || fps <= 0) {
      throw new IllegalArgumentException("length and frame rate must be positive");
    }
    int frames = (int) Math.clamp(Math.round(seconds * fps), 1, MAX_FRAMES);
    int hold = (int) Math.min(Math.round(HOLD_SECONDS * fps), frames / 10);
    int moving = frames - hold;
    int[] counts = new int[frames];
    for (int i = 0; i < frames; i++) {
      counts[i] = i < moving ? (int) Math.round((double) ops * (i + 1) / moving) : ops;
    }
    return new FramePlan(counts, fps);
  }

  public int frames() {
    return counts.length;
  }

  /**
   * How long frame {@code i} shows, in hundredths of a second (GIF's unit): rounded so that the
   * frames together last as long as asked (10 frames at 30 fps: 3, 4, 3, 3, 4, …).
   */
  public int delayCentis(int i) {
    return (int) (Math.round((i + 1) * 100.0 / fps) - Math.round(i * 100.0 / fps));
  }
}
