package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.model.ActionIds;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The scrubber's ticks: one per step (a whole user action, R129), not one per op. */
class TrackTicksTest {
  private final Timeline t = new Timeline(null);

  private void add(String id, String client) {
    long seq = t.headSeq() + 1;
    Op op =
        seq == 1
            ? HistoryOps.rect("c1", 0)
            : new Op.UpdateElement("c1", ElementPatch.NONE.withPosition(seq, 0));
    t.append(new HistoryOp(seq, id, client, null, op));
  }

  /** Three single ops, a move of three ops with Ben's op sequenced inside it, one more op. */
  private void groupMove() {
    add("op-1", "client-ana");
    add("op-2", "client-ana");
    add("op-3", "client-ben");
    add("mv:0:3", "client-ana");
    add("op-5", "client-ben");
    add("mv:1:3", "client-ana");
    add("mv:2:3", "client-ana");
    add("op-8", "client-ben");
  }

  @Test
  void aTickPerStepNoneInsideAnAction() {
    groupMove();
    ScrubScale scale = ScrubScale.of(t);
    // Wide apart: every step has a column of its own.
    assertThat(TrackTicks.of(t, scale, k -> 10 * k)).containsExactly(1, 2, 3, 7, 8);
    assertThat(TrackTicks.of(t, scale, k -> 10 * k)).hasSize(t.landings());
  }

  @Test
  void aColumnShowsItsNewestStep() {
    groupMove();
    ScrubScale scale = ScrubScale.of(t);
    // Columns of four points: 1..3 in column 0, 4..7 in 1 (only 7 is a step), 8 in 2.
    assertThat(TrackTicks.of(t, scale, k -> k / 4)).containsExactly(3, 7, 8);
    assertThat(TrackTicks.of(t, scale, k -> 0)).containsExactly(8);
  }

  @Test
  void noTicksWithoutOps() {
    assertThat(TrackTicks.of(t, ScrubScale.of(t), k -> k)).isEmpty();
    add("op-1", "client-ana");
    assertThat(TrackTicks.of(t, ScrubScale.of(t), k -> k)).containsExactly(1);
  }

  @Test
  void anActionThatNeverEndsLeavesTheForcedLandingsAndThePresent() {
    add("op-1", "client-cy");
    int n = 2 * Timeline.LANDING_EVERY + 500;
    for (int i = 0; i < n; i++) {
      add(ActionIds.of("huge", i, ActionIds.MAX_COUNT), "client-evil");
    }
    int[] ticks = TrackTicks.of(t, ScrubScale.of(t), k -> k);
    assertThat(ticks)
        .containsExactly(1, Timeline.LANDING_EVERY, 2 * Timeline.LANDING_EVERY, t.size());
    assertThat(Arrays.stream(ticks).allMatch(t::isLanding)).isTrue();
    assertThat(IntStream.of(ticks).count()).isEqualTo(t.landings());
  }
}
