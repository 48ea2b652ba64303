package dev.drawbridge.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.ActionIds;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The history numbers its points by whole user actions (R129): {@link Timeline#landingNumber},
 * {@link Timeline#landings} and {@link Timeline#landing} agree with {@link Timeline#isLanding} as
 * ops arrive, also for actions that never end, absurdly long ones and a history cut inside one.
 */
class TimelineStepsTest {
  private final Timeline t = new Timeline(null);

  private static Op move(double x) {
    return new Op.UpdateElement("c1", ElementPatch.NONE.withPosition(x, 0));
  }

  private void add(String id, String client) {
    long seq = t.headSeq() + 1;
    t.append(new HistoryOp(seq, id, client, 1_000L * seq, move(seq)));
  }

  /** The counts against the landings counted one by one. */
  private static void assertCountsMatch(Timeline t) {
    int n = 0;
    assertThat(t.landingNumber(0)).isZero();
    assertThat(t.landing(0)).isZero();
    for (int k = 1; k <= t.size(); k++) {
      if (t.isLanding(k)) {
        n++;
        assertThat(t.landing(n)).as("landing %d", n).isEqualTo(k);
      }
      assertThat(t.landingNumber(k)).as("number of point %d", k).isEqualTo(n);
      assertThat(t.landingNumber(t.floorLanding(k))).isEqualTo(n);
    }
    assertThat(t.landings()).isEqualTo(n);
    assertThat(t.landingNumber(t.size() + 5)).isEqualTo(n);
    assertThat(t.landing(n + 3)).isEqualTo(t.size());
  }

  @Test
  void anActionOfSeveralOpsIsOneStepAndTheCountsAreSteps() {
    t.append(
        new HistoryOp(
            1,
            "op-1",
            "client-cy",
            null,
            new Op.AddElement(
                Element.shape("c1", ElementKind.RECTANGLE, 0, 0, 40, 30, Style.DEFAULT, 1))));
    add("op-2", "client-ben");
    add("mv:0:3", "client-ana");
    add("op-4", "client-ben"); // sequenced inside Ana's move
    add("mv:1:3", "client-ana");
    add("mv:2:3", "client-ana");
    add("op-7", "client-ben");
    // Landings: 1, 2, then 6 (after the whole move and Ben's op inside it) and 7.
    assertThat(t.landings()).isEqualTo(4);
    assertThat(t.landingNumber(2)).isEqualTo(2);
    assertThat(t.landingNumber(4)).isEqualTo(2); // inside the move: numbered as the step before
    assertThat(t.landingNumber(6)).isEqualTo(3);
    assertThat(t.landing(3)).isEqualTo(6);
    assertCountsMatch(t);
  }

  @Test
  void theRestOfAnActionArrivingLiveTakesItsPointsOutOfTheCount() {
    add("op-1", "client-cy");
    add("mv:0:3", "client-ana");
    assertThat(t.landings()).isEqualTo(2); // the present is a landing while the rest is unknown
    add("op-3", "client-ben");
    assertThat(t.landings()).isEqualTo(3);
    add("mv:1:3", "client-ana"); // points 2 and 3 are inside the move now
    assertThat(t.landings()).isEqualTo(2);
    assertThat(t.landingNumber(3)).isEqualTo(1);
    assertCountsMatch(t);
    add("mv:2:3", "client-ana");
    assertThat(t.landings()).isEqualTo(2);
    assertThat(t.landing(2)).isEqualTo(5);
    assertCountsMatch(t);
  }

  @Test
  void anActionThatNeverEndsCountsTheStepsAfterItsLastOp() {
    add("op-1", "client-cy");
    add("evil:0:1000000", "client-evil");
    add("evil:1:1000000", "client-evil");
    for (int i = 0; i < 20; i++) {
      add("op-cy-" + i, "client-cy");
    }
    // Point 2 is inside; 1 and 3..23 are landings.
    assertThat(t.landings()).isEqualTo(22);
    assertCountsMatch(t);
  }

  @Test
  void anAbsurdlyLongActionCountsItsForcedLandings() {
    add("op-1", "client-cy");
    int n = 2 * Timeline.LANDING_EVERY + 500;
    for (int i = 0; i < n; i++) {
      add(ActionIds.of("huge", i, ActionIds.MAX_COUNT), "client-evil");
      if (i % 3 == 0) {
        add("op-cy-" + i, "client-cy");
      }
    }
    // 1, the two forced ones, after the action's newest op, and the present (Cy's last op).
    assertThat(t.landings()).isEqualTo(5);
    assertThat(t.landing(2)).isEqualTo(Timeline.LANDING_EVERY);
    assertThat(t.landingNumber(Timeline.LANDING_EVERY + 5)).isEqualTo(2);
    assertCountsMatch(t);
  }

  @Test
  void aHistoryCutInsideAnActionCountsFromItsBase() {
    Timeline cut = new Timeline(new BoardSnapshot(10, java.util.List.of()));
    cut.append(new HistoryOp(11, "k:2:4", "client-ana", null, move(1)));
    cut.append(new HistoryOp(12, "k:3:4", "client-ana", null, move(2)));
    cut.append(new HistoryOp(13, "op-13", "client-ben", null, move(3)));
    assertThat(cut.landings()).isEqualTo(2);
    assertThat(cut.landing(1)).isEqualTo(2);
    assertCountsMatch(cut);
  }

  @Test
  void anEmptyHistoryHasNoSteps() {
    assertThat(t.landings()).isZero();
    assertThat(t.landingNumber(0)).isZero();
    assertThat(t.landing(1)).isZero();
  }

  /**
   * Hostile random histories: many clients with actions open at once (overlapping spans mark the
   * same points again), marks that skip, repeat or lie about their count, actions resumed after
   * more than {@link Timeline#MAX_ACTION_GAP} seqs, and points past {@link Timeline#LANDING_EVERY};
   * the counts are checked as the ops arrive.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void theCountsFollowEveryLandingAsOpsArrive(long seed) {
    Random random = new Random(seed);
    Map<String, Integer> next = new HashMap<>();
    int total = Timeline.LANDING_EVERY + 2_500;
    for (int i = 0; i < total; i++) {
      String client = "client-" + random.nextInt(i < 6_000 ? 4 : 40);
      int roll = random.nextInt(100);
      String id;
      if (roll < 15) {
        id = "op-" + i;
      } else if (roll < 20) {
        id = ActionIds.of("k", random.nextInt(5), 5); // a stray or repeated mark
      } else {
        int index = next.merge(client, 1, Integer::sum) - 1;
        int count = roll < 25 ? 4 : ActionIds.MAX_COUNT; // some end, the others never do
        if (index >= count) {
          next.put(client, 0);
          index = 0;
        }
        id = ActionIds.of("k-" + client, index, count);
      }
      if (roll == 99) {
        // A long silence of this client: its action resumes more than MAX_ACTION_GAP later.
        for (int j = 0; j <= Timeline.MAX_ACTION_GAP; j++) {
          add("quiet-" + i + "-" + j, "client-quiet");
        }
        i += Timeline.MAX_ACTION_GAP + 1;
      }
      add(id, client);
      if (i % 997 == 0) {
        assertCountsMatch(t);
      }
    }
    assertCountsMatch(t);
  }

  @Test
  void aHundredThousandOpsOfOverlappingActionsAreCountedOnce() {
    // Forty clients, each with an action that never ends, their ops interleaved: every point is
    // marked by many actions, but counted out once.
    for (int i = 0; i < 100_000; i++) {
      int c = i % 40;
      add(ActionIds.of("k" + c, i / 40, ActionIds.MAX_COUNT), "client-" + c);
    }
    assertCountsMatch(t);
    // Only every LANDING_EVERYth point and the present remain: nine and one.
    assertThat(t.landings()).isEqualTo(100_000 / Timeline.LANDING_EVERY);
    assertThat(t.landing(1)).isEqualTo(Timeline.LANDING_EVERY);
  }
}
