package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackTest {
  private static final long MS = 1_000_000L;

  @Test
  void framesMoveOnByElapsedTimeTimesTheSpeedAndStopAtTheEnd() {
    ScrubScale scale = ScrubScale.of(HistoryOps.timeline(11, 0L)); // 10 s long (+1 ms)
    Playback p = new Playback();
    p.setSpeed(4);
    p.play(0);
    assertThat(p.frame(5_000 * MS, scale)).isZero(); // the first frame sets the clock
    assertThat(p.frame(5_050 * MS, scale)).isEqualTo(200.0);
    // A stall moves on by at most 100 ms of real time.
    assertThat(p.frame(9_000 * MS, scale)).isEqualTo(600.0);
    for (long t = 9_000; p.playing(); t += 16) {
      p.frame(t * MS, scale);
    }
    assertThat(p.frame(99_999 * MS, scale)).isEqualTo(scale.length());
  }

  @Test
  void speedsAreOneToSixtyFourAndCycle() {
    Playback p = new Playback();
    assertThat(Playback.SPEEDS).containsExactly(1, 2, 4, 8, 16, 32, 64);
    p.setSpeed(64);
    assertThat(p.nextSpeed()).isEqualTo(1);
    p.setSpeed(20);
    assertThat(p.speed()).isEqualTo(16);
    p.setSpeed(0);
    assertThat(p.speed()).isEqualTo(1);
  }

  @Test
  void anEmptyScaleEndsAtOnce() {
    Playback p = new Playback();
    p.play(0);
    p.frame(1, ScrubScale.of(HistoryOps.timeline(0, null)));
    assertThat(p.playing()).isFalse();
  }
}
