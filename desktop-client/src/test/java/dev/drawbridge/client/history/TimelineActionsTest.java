package dev.drawbridge.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.ActionIds;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several ops that are one user action (R129): the history lands only between whole actions, also
 * when another client's op came between them, and stays navigable whatever a client marks.
 */
class TimelineActionsTest {
  private static final List<String> GROUP = List.of("g1", "g2", "g3");

  private final List<HistoryOp> ops = new ArrayList<>();

  private static Op rect(String id, double x) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, x, 0, 40, 30, Style.DEFAULT, 1).withGroup("grp"));
  }

  private static Op move(String id, double x) {
    return new Op.UpdateElement(id, ElementPatch.NONE.withPosition(x, 500));
  }

  private void add(String id, String client, Op op) {
    long seq = ops.size() + 1;
    ops.add(new HistoryOp(seq, id, client, 1_000L * seq, op));
  }

  private Timeline timeline() {
    Timeline t = new Timeline(null);
    t.appendAll(ops);
    return t;
  }

  /** How many of the group's members stand where the move put them. */
  private static long moved(BoardState board) {
    return GROUP.stream().map(board::get).filter(e -> e != null && e.y() == 500).count();
  }

  /** Ana adds three grouped rectangles and moves them as one; Ben may draw during the move. */
  private Timeline groupMove(boolean interleaved) {
    for (String id : GROUP) {
      add("op-add-" + id, "client-ana", rect(id, 100 * id.charAt(1)));
    }
    add("op-ben-1", "client-ben", rect("b1", -100));
    add("key:0:3", "client-ana", move("g1", 10));
    if (interleaved) {
      add("op-ben-2", "client-ben", rect("b2", -200));
    }
    add("key:1:3", "client-ana", move("g2", 110));
    add("key:2:3", "client-ana", move("g3", 210));
    add("op-ben-3", "client-ben", rect("b3", -300));
    return timeline();
  }

  @ParameterizedTest(name = "another client's op inside the move: {0}")
  @ValueSource(booleans = {false, true})
  void aGroupMoveIsOneStepAndNoPointShowsItHalfDone(boolean interleaved) {
    Timeline t = groupMove(interleaved);
    int start = 4; // after the adds and Ben's first rectangle
    int end = interleaved ? 8 : 7; // after the move's last op
    for (int k = 0; k <= t.size(); k++) {
      long m = moved(t.boardAt(k));
      assertThat(t.isLanding(k)).as("point %d", k).isEqualTo(k <= start || k >= end);
      assertThat(moved(t.boardAt(t.floorLanding(k)))).as("landed from %d", k).isIn(0L, 3L);
      if (t.isLanding(k)) {
        assertThat(m).isIn(0L, 3L);
      }
    }
    assertThat(t.nextLanding(start)).isEqualTo(end);
    assertThat(t.previousLanding(end)).isEqualTo(start);
    assertThat(t.floorLanding(start + 2)).isEqualTo(start);
    // Ben's rectangle drawn during the move comes with it, in seq order: it was sequenced inside.
    assertThat(t.boardAt(end).get("b2") != null).isEqualTo(interleaved);
    assertThat(t.boardAt(start).get("b2")).isNull();
  }

  @Test
  void opsWithoutMarksAreEachTheirOwnStepAsBefore() {
    Timeline t = groupMove(false);
    Timeline plain = new Timeline(null);
    for (HistoryOp o : ops) {
      plain.append(new HistoryOp(o.seq(), "op-" + o.seq(), o.clientId(), o.t(), o.op()));
    }
    assertThat(IntStream.rangeClosed(0, plain.size()).allMatch(plain::isLanding)).isTrue();
    assertThat(plain.nextLanding(4)).isEqualTo(5);
    assertThat(plain.previousLanding(7)).isEqualTo(6);
    assertThat(t.size()).isEqualTo(plain.size());
  }

  @Test
  void whatTheClientSubmitsAsOneActionIsOneStep() {
    // The ids a real board gives a multi-element edit, its undo, and single edits.
    LocalBoard board = new LocalBoard();
    List<HistoryOp> sent = new ArrayList<>();
    board.setSink(
        p -> sent.add(new HistoryOp(sent.size() + 1, p.id(), "client-ana", null, p.op())));
    board.submitAll(GROUP.stream().map(id -> rect(id, 0)).toList());
    board.submit(rect("lone", 0));
    board.submitAll(GROUP.stream().map(id -> move(id, 10)).toList());
    board.undo();
    Timeline t = new Timeline(null);
    t.appendAll(sent);
    assertThat(t.size()).isEqualTo(10);
    assertThat(IntStream.rangeClosed(0, 10).filter(t::isLanding).boxed().toList())
        .containsExactly(0, 3, 4, 7, 10);
    assertThat(moved(t.boardAt(7))).isEqualTo(3);
    assertThat(moved(t.boardAt(10))).isZero();
  }

  @Test
  void anActionThatNeverEndsHoldsOnlyThePointsUpToItsLastOp() {
    add("op-1", "client-cy", rect("c1", 0));
    add("evil:0:1000000", "client-evil", move("c1", 1));
    add("evil:1:1000000", "client-evil", move("c1", 2));
    for (int i = 0; i < 20; i++) {
      add("op-cy-" + i, "client-cy", move("c1", 100 + i));
    }
    Timeline t = timeline();
    assertThat(t.isLanding(2)).isFalse();
    assertThat(IntStream.rangeClosed(3, t.size()).allMatch(t::isLanding)).isTrue();
    assertThat(t.nextLanding(1)).isEqualTo(3);
    // Its author's next op without the mark ends it; so does another action of the same client.
    add("op-evil", "client-evil", move("c1", 3));
    add("evil:2:1000000", "client-evil", move("c1", 4));
    Timeline later = timeline();
    assertThat(IntStream.rangeClosed(3, later.size()).allMatch(later::isLanding)).isTrue();
  }

  @Test
  void anActionContinuedTooLateStartsAgainForEveryoneSawItHalfDone() {
    add("op-1", "client-cy", rect("c1", 0));
    add("slow:0:3", "client-ana", move("c1", 1));
    for (int i = 0; i < Timeline.MAX_ACTION_GAP; i++) {
      add("op-cy-" + i, "client-cy", move("c1", 100 + i));
    }
    add("slow:1:3", "client-ana", move("c1", 2));
    add("slow:2:3", "client-ana", move("c1", 3));
    Timeline t = timeline();
    int resumed = 2 + Timeline.MAX_ACTION_GAP;
    assertThat(IntStream.rangeClosed(0, resumed).allMatch(t::isLanding)).isTrue();
    assertThat(t.isLanding(resumed + 1)).isFalse();
    assertThat(t.isLanding(resumed + 2)).isTrue();
  }

  @Test
  void marksAreOnlyFollowedByTheirAuthorInOrder() {
    add("op-1", "client-cy", rect("c1", 0));
    add("k:0:3", "client-ana", move("c1", 1));
    add("k:1:3", "client-ben", move("c1", 2)); // another client cannot continue Ana's action
    add("k:2:3", "client-ana", move("c1", 3)); // nor can Ana skip one of its ops
    add("j:0:2", "client-ana", move("c1", 4));
    add("j:0:2", "client-ana", move("c1", 5)); // nor repeat one
    add("k:1:4", "client-ana", move("c1", 6));
    add("k:2:3", "client-ana", move("c1", 7)); // nor change its count
    Timeline t = timeline();
    assertThat(IntStream.rangeClosed(0, t.size()).allMatch(t::isLanding)).isTrue();
  }

  @Test
  void anAbsurdlyLongActionStillHasALandingEveryFewThousandOps() {
    add("op-1", "client-cy", rect("c1", 0));
    int n = 2 * Timeline.LANDING_EVERY + 500;
    for (int i = 0; i < n; i++) {
      add(ActionIds.of("huge", i, ActionIds.MAX_COUNT), "client-evil", move("c1", i));
      if (i % 3 == 0) {
        add("op-cy-" + i, "client-cy", move("c1", -i));
      }
    }
    Timeline t = timeline();
    List<Integer> steps = new ArrayList<>();
    for (int p = 0; p < t.size(); p = t.nextLanding(p)) {
      steps.add(p);
    }
    steps.add(t.size());
    // The last op is Cy's: the board after the action's newest op is a landing too.
    assertThat(steps)
        .containsExactly(
            0, 1, Timeline.LANDING_EVERY, 2 * Timeline.LANDING_EVERY, t.size() - 1, t.size());
    assertThat(t.floorLanding(Timeline.LANDING_EVERY + 5)).isEqualTo(Timeline.LANDING_EVERY);
    assertThat(t.previousLanding(t.size() - 1)).isEqualTo(2 * Timeline.LANDING_EVERY);
  }

  @Test
  void aHistoryCutInsideAnActionGroupsWhatIsLeftOfIt() {
    BoardSnapshot base = new BoardSnapshot(10, List.of());
    Timeline t = new Timeline(base);
    t.append(new HistoryOp(11, "k:2:4", "client-ana", null, rect("a", 0)));
    t.append(new HistoryOp(12, "k:3:4", "client-ana", null, rect("b", 0)));
    t.append(new HistoryOp(13, "op-13", "client-ben", null, rect("c", 0)));
    assertThat(t.isLanding(1)).isFalse();
    assertThat(t.isLanding(2)).isTrue();
    assertThat(t.nextLanding(0)).isEqualTo(2);
  }

  /**
   * Random histories of three clients, each sending single ops and actions of up to six ops with
   * others' ops falling between them: a landing never holds part of an action, and stepping forward
   * visits every landing.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void noLandingHoldsPartOfAnAction(long seed) {
    Random random = new Random(seed);
    String[] clients = {"client-a", "client-b", "client-c"};
    Map<String, List<Op>> queued = new HashMap<>();
    Map<String, String> keys = new HashMap<>();
    Map<String, Integer> sentOfAction = new HashMap<>();
    Map<String, Integer> actionSize = new HashMap<>();
    Map<String, int[]> actionSpan = new HashMap<>();
    int element = 0;
    while (ops.size() < 3_000) {
      String client = clients[random.nextInt(clients.length)];
      List<Op> queue = queued.computeIfAbsent(client, c -> new ArrayList<>());
      if (queue.isEmpty()) {
        int size = 1 + random.nextInt(6);
        for (int i = 0; i < size; i++) {
          queue.add(rect("e" + element++, i));
        }
        keys.put(client, client + "-k" + ops.size());
        sentOfAction.put(client, 0);
        actionSize.put(keys.get(client), size);
      }
      String key = keys.get(client);
      int size = actionSize.get(key);
      int i = sentOfAction.merge(client, 1, Integer::sum) - 1;
      String id = size == 1 ? "op-" + ops.size() : ActionIds.of(key, i, size);
      add(id, client, queue.removeFirst());
      int index = ops.size() - 1;
      actionSpan.computeIfAbsent(key, k -> new int[] {index, index})[1] = index;
    }
    Timeline t = timeline();
    for (int[] span : actionSpan.values()) {
      for (int k = span[0] + 1; k <= span[1]; k++) {
        assertThat(t.isLanding(k)).as("point %d inside %d..%d", k, span[0], span[1]).isFalse();
      }
    }
    List<Integer> visited = new ArrayList<>();
    for (int p = 0; p < t.size(); p = t.nextLanding(p)) {
      visited.add(p);
    }
    visited.add(t.size());
    assertThat(visited)
        .isEqualTo(IntStream.rangeClosed(0, t.size()).filter(t::isLanding).boxed().toList());
    for (int k = 0; k <= t.size(); k += 7) {
      assertThat(t.isLanding(t.floorLanding(k))).isTrue();
      assertThat(t.floorLanding(k)).isLessThanOrEqualTo(k);
      assertThat(t.previousLanding(k)).isLessThan(Math.max(1, k));
    }
  }
}
