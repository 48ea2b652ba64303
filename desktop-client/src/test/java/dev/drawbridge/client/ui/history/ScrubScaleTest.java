package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.protocol.message.HistoryOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrubScaleTest {
  private static Timeline at(long... times) {
    Timeline t = new Timeline(null);
    for (int i = 0; i < times.length; i++) {
      t.append(new HistoryOp(i + 1, "o" + i, "c1", times[i], HistoryOps.rect("e" + i, 0)));
    }
    return t;
  }

  @Test
  void opsArePlacedByTimeAndLongPausesBecomeShortBreaks() {
    long day = 24 * 3_600_000L;
    Timeline t = at(1_000, 3_000, 4_000, 4_000 + ScrubScale.IDLE_MS, 4_000 + 2 * day);
    ScrubScale scale = ScrubScale.of(t);
    assertThat(scale.points()).isEqualTo(6);
    assertThat(scale.positionOf(0)).isZero();
    assertThat(scale.positionOf(1)).isEqualTo(ScrubScale.MIN_STEP_MS);
    assertThat(scale.positionOf(2) - scale.positionOf(1)).isEqualTo(2_000);
    assertThat(scale.positionOf(3) - scale.positionOf(2)).isEqualTo(1_000);
    // Exactly the idle limit is still a pause drawn to scale; two days are a short break.
    assertThat(scale.positionOf(4) - scale.positionOf(3)).isEqualTo(ScrubScale.IDLE_MS);
    assertThat(scale.breakBefore(4)).isFalse();
    assertThat(scale.positionOf(5) - scale.positionOf(4)).isEqualTo(ScrubScale.BREAK_MS);
    assertThat(scale.breakBefore(5)).isTrue();
    assertThat(scale.length()).isEqualTo(scale.positionOf(5));
  }

  @Test
  void pointAtIsTheLastPointAtOrBeforeAPosition() {
    ScrubScale scale = ScrubScale.of(at(0 + 1, 1_001, 2_001));
    assertThat(scale.pointAt(-5)).isZero();
    assertThat(scale.pointAt(0)).isZero();
    assertThat(scale.pointAt(1)).isEqualTo(1);
    assertThat(scale.pointAt(1_000)).isEqualTo(1);
    assertThat(scale.pointAt(1_001)).isEqualTo(2);
    assertThat(scale.pointAt(1e12)).isEqualTo(3);
    for (int k = 0; k < scale.points(); k++) {
      assertThat(scale.pointAt(scale.positionOf(k))).isEqualTo(k);
    }
  }

  @Test
  void opsWithoutTimesOrAtOneInstantStillEachGetAPlace() {
    Timeline t = new Timeline(null);
    t.appendAll(HistoryOps.ops(1, 10, null));
    ScrubScale scale = ScrubScale.of(t);
    assertThat(scale.length()).isEqualTo(ScrubScale.MIN_STEP_MS + 9 * ScrubScale.UNTIMED_STEP_MS);
    for (int k = 0; k <= 10; k++) {
      assertThat(scale.pointAt(scale.positionOf(k))).isEqualTo(k);
    }
    ScrubScale same = ScrubScale.of(at(5_000, 5_000, 5_000));
    assertThat(same.positionOf(3)).isEqualTo(3 * ScrubScale.MIN_STEP_MS);
  }

  @Test
  void anEmptyHistoryIsOnePointAndGrowingKeepsPlacedPointsWhereTheyAre() {
    Timeline t = new Timeline(null);
    ScrubScale scale = ScrubScale.of(t);
    assertThat(scale.points()).isEqualTo(1);
    assertThat(scale.length()).isZero();
    assertThat(scale.pointAt(100)).isZero();

    t.appendAll(HistoryOps.ops(1, 40, 10_000L));
    scale.extend(t);
    long before = scale.positionOf(40);
    t.appendAll(HistoryOps.ops(41, 30, 10_000L + 40_000));
    scale.extend(t);
    assertThat(scale.points()).isEqualTo(71);
    assertThat(scale.positionOf(40)).isEqualTo(before);
    assertThat(scale.positionOf(70)).isEqualTo(before + 30_000);
    scale.extend(t); // nothing new: nothing changes
    assertThat(scale.points()).isEqualTo(71);
  }

  @Test
  void aHundredThousandOps() {
    Timeline t = HistoryOps.timeline(100_000, 1_764_000_000_000L);
    ScrubScale scale = ScrubScale.of(t);
    assertThat(scale.points()).isEqualTo(100_001);
    assertThat(scale.pointAt(scale.length() / 2.0)).isBetween(49_000, 51_000);
    assertThat(List.of(scale.pointAt(scale.length()))).containsExactly(100_000);
  }
}
