package dev.drawbridge.client.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineTest {

  static Element stroke(String id) {
    return Element.freehand(id, ElementKind.STROKE, 0, 0, Points.of(0, 0, 1, 1), Style.DEFAULT, 1)
        .withAuthor("client-a");
  }

  static HistoryOp op(long seq, String client, Long t, Op op) {
    return new HistoryOp(seq, "op-" + seq, client, t, op);
  }

  /** A random but valid history: adds, appends, moves, deletes and restores of 50 elements. */
  static List<HistoryOp> randomHistory(int n, long seed) {
    Random random = new Random(seed);
    List<HistoryOp> ops = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String id = "el-" + random.nextInt(50);
      Op op =
          switch (random.nextInt(5)) {
            case 0 -> new Op.AddElement(stroke(id));
            case 1 -> new Op.AppendPoints(id, Points.of(i % 100, 2));
            case 2 -> new Op.UpdateElement(id, ElementPatch.NONE.withPosition(i, -i));
            case 3 -> new Op.DeleteElement(id);
            default -> new Op.UpdateElement(id, ElementPatch.restore());
          };
      ops.add(op(i, i % 2 == 0 ? "client-a" : "client-b", 1_000L * i, op));
    }
    return ops;
  }

  @Test
  void theBoardAtAnyPointIsTheReplayOfTheOpsBeforeIt() {
    List<HistoryOp> ops = randomHistory(3_500, 7);
    Timeline timeline = new Timeline(null);
    timeline.appendAll(ops);
    for (int count : new int[] {0, 1, 999, 1_000, 1_001, 2_345, 3_000, 3_500}) {
      BoardState expected = new BoardState();
      ops.subList(0, count).forEach(o -> expected.applyOp(o.op()));
      assertThat(timeline.boardAt(count).hash())
          .as("after %d ops", count)
          .isEqualTo(expected.hash());
    }
    assertThat(timeline.boardAt(3_500).hash()).isEqualTo(timeline.now().hash());
  }

  @Test
  void aBoardHandedOutIsTheCallersToChange() {
    Timeline timeline = new Timeline(null);
    timeline.appendAll(randomHistory(1_200, 3));
    BoardState past = timeline.boardAt(1_100);
    String before = timeline.boardAt(1_100).hash();
    past.applyOp(new Op.AddElement(stroke("el-new")));
    assertThat(timeline.boardAt(1_100).hash()).isEqualTo(before);
  }

  @Test
  void opsAlreadyHeldAreIgnoredAndAGapIsRefused() {
    Timeline timeline = new Timeline(null);
    timeline.append(op(1, "client-a", 10L, new Op.AddElement(stroke("el-1"))));
    assertThat(timeline.append(op(1, "client-a", 10L, new Op.DeleteElement("el-1")))).isFalse();
    assertThatThrownBy(() -> timeline.append(op(3, "client-a", 10L, new Op.DeleteElement("el-1"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(timeline.size()).isEqualTo(1);
    assertThat(timeline.now().get("el-1").deleted()).isFalse();
  }

  @Test
  void aHistoryFromARetentionBaseStartsThere() {
    BoardSnapshot base = new BoardSnapshot(41, List.of(stroke("el-old")));
    Timeline timeline = new Timeline(base);
    timeline.append(op(42, "client-b", 5L, new Op.DeleteElement("el-old")));
    assertThat(timeline.baseSeq()).isEqualTo(41);
    assertThat(timeline.headSeq()).isEqualTo(42);
    assertThat(timeline.indexOfSeq(42)).isZero();
    assertThat(timeline.indexOfSeq(41)).isEqualTo(-1);
    assertThat(timeline.boardAt(0).get("el-old").deleted()).isFalse();
    assertThat(timeline.boardAt(1).get("el-old").deleted()).isTrue();
    // Made before the history starts: only its last change is known.
    Attribution who = timeline.attribution("el-old");
    assertThat(who.created()).isNull();
    assertThat(who.lastChanged().clientId()).isEqualTo("client-b");
  }

  @Test
  void opsWithoutATimeArePlacedEvenlyAndTimesNeverGoBack() {
    Timeline timeline = new Timeline(null);
    timeline.append(op(1, "a", null, new Op.AddElement(stroke("el-1"))));
    timeline.append(op(2, "a", 1_000L, new Op.AppendPoints("el-1", Points.of(1, 1))));
    timeline.append(op(3, "a", null, new Op.AppendPoints("el-1", Points.of(1, 1))));
    timeline.append(op(4, "a", null, new Op.AppendPoints("el-1", Points.of(1, 1))));
    timeline.append(op(5, "a", 1_300L, new Op.AppendPoints("el-1", Points.of(1, 1))));
    timeline.append(
        op(6, "a", 900L, new Op.AppendPoints("el-1", Points.of(1, 1)))); // clock stepped back
    timeline.append(op(7, "a", null, new Op.AppendPoints("el-1", Points.of(1, 1))));
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(timeline::timeOf))
        .containsExactly(1_000L, 1_000L, 1_100L, 1_200L, 1_300L, 1_300L, 1_300L);
    assertThat(timeline.countAt(999)).isZero();
    assertThat(timeline.countAt(1_000)).isEqualTo(2);
    assertThat(timeline.countAt(1_150)).isEqualTo(3);
    assertThat(timeline.countAt(5_000)).isEqualTo(7);
  }

  @Test
  void aHistoryWithNoTimesAtAllHasTimeZero() {
    Timeline timeline = new Timeline(null);
    timeline.append(op(1, "a", null, new Op.AddElement(stroke("el-1"))));
    assertThat(timeline.timeOf(0)).isZero();
    assertThat(timeline.countAt(0)).isEqualTo(1);
  }

  @Test
  void attributionNamesTheMakerAndTheLastChangeThatChangedSomething() {
    Timeline timeline = new Timeline(null);
    timeline.append(op(1, "client-a", 100L, new Op.AddElement(stroke("el-1"))));
    timeline.append(
        op(
            2,
            "client-b",
            200L,
            new Op.UpdateElement("el-1", ElementPatch.NONE.withPosition(5, 5))));
    // An append to a stroke that does not exist changes nothing and names nobody.
    timeline.append(op(3, "client-c", 300L, new Op.AppendPoints("el-ghost", Points.of(1, 1))));
    Attribution who = timeline.attribution("el-1");
    assertThat(who.created().clientId()).isEqualTo("client-a");
    assertThat(who.createdTime()).isEqualTo(100L);
    assertThat(who.lastChanged().clientId()).isEqualTo("client-b");
    assertThat(who.lastChangedTime()).isEqualTo(200L);
    assertThat(timeline.attribution("el-ghost")).isNull();
  }
}
