package dev.drawbridge.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalBoardTest {
  private final LocalBoard board = new LocalBoard();
  private final List<PendingOp> sent = new ArrayList<>();

  LocalBoardTest() {
    board.setSink(sent::add);
  }

  private static Element rect(String id) {
    return Element.shape(id, ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
  }

  @Test
  void localOpShowsAtOnceAndIsSent() {
    board.submit(new Op.AddElement(rect("r1")));
    assertThat(board.view().get("r1")).isNotNull();
    assertThat(board.confirmed().get("r1")).isNull();
    assertThat(sent).hasSize(1);
    assertThat(board.pendingCount()).isEqualTo(1);
  }

  @Test
  void ackMovesOpToConfirmed() {
    board.submit(new Op.AddElement(rect("r1")));
    board.acknowledge(sent.getFirst().id(), 1);
    board.acknowledge(sent.getFirst().id(), 1);
    assertThat(board.pendingCount()).isZero();
    assertThat(board.confirmed().get("r1")).isNotNull();
    assertThat(board.view().hash()).isEqualTo(board.confirmed().hash());
  }

  @Test
  void pendingUpdateStaysOnTopOfRemoteUpdateToSameProperty() {
    board.applyRemote(1, "remote-add", new Op.AddElement(rect("r1")));
    board.submit(new Op.UpdateElement("r1", ElementPatch.move(50, 50)));
    board.applyRemote(2, "remote-move", new Op.UpdateElement("r1", ElementPatch.move(5, 5)));
    assertThat(board.view().get("r1").x()).isEqualTo(50);
    board.acknowledge(sent.getFirst().id(), 3);
    assertThat(board.view().get("r1").x()).isEqualTo(50);
    assertThat(board.confirmed().get("r1").x()).isEqualTo(50);
  }

  @Test
  void catchUpOpWithOurIdClearsPending() {
    board.submit(new Op.AddElement(rect("r1")));
    String id = sent.getFirst().id();
    board.applyRemote(1, id, sent.getFirst().op());
    assertThat(board.pendingCount()).isZero();
    assertThat(board.view().hash()).isEqualTo(board.confirmed().hash());
  }

  @Test
  void undoRedoOfStrokeAction() {
    LocalBoard.Action stroke = board.beginAction();
    stroke.submit(
        new Op.AddElement(
            Element.freehand("s1", ElementKind.STROKE, 0, 0, Points.of(0, 0), Style.DEFAULT, 1)));
    stroke.submit(new Op.AppendPoints("s1", Points.of(1, 1, 2, 2)));
    stroke.end();
    assertThat(board.view().get("s1").points().size()).isEqualTo(3);
    assertThat(board.undo()).isTrue();
    assertThat(board.view().get("s1").deleted()).isTrue();
    assertThat(board.redo()).isTrue();
    assertThat(board.view().get("s1").deleted()).isFalse();
    assertThat(board.view().get("s1").points().size()).isEqualTo(3);
  }

  @Test
  void undoOfMoveRestoresPositionAndDeleteIsRestored() {
    board.submit(new Op.AddElement(rect("r1")));
    board.submit(new Op.UpdateElement("r1", ElementPatch.move(30, 40)));
    board.submit(new Op.DeleteElement("r1"));
    board.undo();
    assertThat(board.view().get("r1").deleted()).isFalse();
    board.undo();
    assertThat(board.view().get("r1").x()).isZero();
    assertThat(board.canUndo()).isTrue();
  }

  @Test
  void restoreFromJournalShowsPendingOps() {
    BoardState confirmed = new BoardState();
    confirmed.apply(1, "a", new Op.AddElement(rect("r1")));
    board.restore(
        confirmed.snapshot(),
        List.of(new PendingOp("p1", new Op.UpdateElement("r1", ElementPatch.move(7, 7)))));
    assertThat(board.view().get("r1").x()).isEqualTo(7);
    assertThat(board.confirmedSeq()).isEqualTo(1);
    board.acknowledge("p1", 2);
    assertThat(board.view().hash()).isEqualTo(board.confirmed().hash());
  }

  @Test
  void theIdOfTheOpAtTheConfirmedSeqFollowsOpsAcksAndSnapshots() {
    assertThat(board.confirmedOpId()).isNull();
    board.applyRemote(1, "remote-1", new Op.AddElement(rect("r1")));
    assertThat(board.confirmedOpId()).isEqualTo("remote-1");
    board.submit(new Op.AddElement(rect("r2")));
    String mine = sent.getFirst().id();
    board.acknowledge(mine, 2);
    assertThat(board.confirmedOpId()).isEqualTo(mine);
    board.applyRemote(2, "late", new Op.AddElement(rect("r3"))); // at or below the head: ignored
    assertThat(board.confirmedOpId()).isEqualTo(mine);

    board.replaceConfirmed(new BoardSnapshot(10, List.of(rect("s"))));
    assertThat(board.confirmedOpId()).isNull();
    board.learnOpIdAt(9, "nine"); // not the confirmed seq
    assertThat(board.confirmedOpId()).isNull();
    board.learnOpIdAt(10, "ten");
    assertThat(board.confirmedOpId()).isEqualTo("ten");
  }

  @Test
  void aRepeatedAckOfAnOpTheSnapshotHoldsKeepsTheKnownOpId() {
    board.submit(new Op.AddElement(rect("r1")));
    String id = sent.getFirst().id();
    board.replaceConfirmed(new BoardSnapshot(4, List.of(rect("r1"))));
    board.learnOpIdAt(4, "four");
    board.acknowledge(id, 3); // a duplicate ack (R15) below the snapshot's seq
    assertThat(board.pendingCount()).isZero();
    assertThat(board.confirmedOpId()).isEqualTo("four");
    assertThat(board.confirmedSeq()).isEqualTo(4);
  }

  @Test
  void opsPendingAgainGoAheadOfThoseAlreadyPending() {
    board.submit(new Op.AddElement(rect("later")));
    PendingOp lost = new PendingOp("lost", new Op.AddElement(rect("lost")));
    board.replaceConfirmed(new BoardSnapshot(0, List.of()), List.of(lost));
    assertThat(board.pendingOps())
        .extracting(PendingOp::id)
        .containsExactly("lost", sent.getFirst().id());
    assertThat(board.view().get("lost")).isNotNull();
    assertThat(board.view().get("later")).isNotNull();
    board.acknowledge("lost", 1);
    assertThat(board.confirmed().get("lost")).isNotNull();
    assertThat(board.confirmedOpId()).isEqualTo("lost");
  }

  @Test
  void aRestoredBoardKnowsTheOpIdItWasCachedWith() {
    board.restore(new BoardSnapshot(3, List.of(rect("a"))), "three", List.of());
    assertThat(board.confirmedOpId()).isEqualTo("three");
    board.restore(new BoardSnapshot(0, List.of()), "stray", List.of());
    assertThat(board.confirmedOpId()).isNull();
  }

  @Test
  void opsSentTogetherAreMarkedAsOneActionAndOthersAreNot() {
    board.submitAll(List.of(new Op.AddElement(rect("r1")), new Op.AddElement(rect("r2"))));
    board.submit(new Op.UpdateElement("r1", ElementPatch.move(5, 5)));
    board.submitAll(List.of(new Op.DeleteElement("r2")));
    LocalBoard.Action stroke = board.beginAction();
    stroke.submit(new Op.UpdateElement("r1", ElementPatch.move(6, 6)));
    stroke.submit(new Op.UpdateElement("r1", ElementPatch.move(7, 7)));
    stroke.end();
    board.submitAll(
        List.of(
            new Op.UpdateElement("r1", ElementPatch.move(8, 8)),
            new Op.UpdateElement("r2", ElementPatch.move(8, 8)),
            new Op.UpdateElement("r1", ElementPatch.move(9, 9))));
    board.undo(); // three ops back, sent together
    List<ActionIds.Mark> marks = sent.stream().map(p -> ActionIds.parse(p.id())).toList();
    assertThat(marks).hasSize(12);
    assertThat(marks.subList(2, 6)).containsOnlyNulls();
    ActionIds.Mark first = marks.get(0);
    assertThat(first.index()).isZero();
    assertThat(first.count()).isEqualTo(2);
    assertThat(first.followedBy(marks.get(1))).isTrue();
    for (int i = 6; i < 12; i++) {
      assertThat(marks.get(i).index()).isEqualTo((i - 6) % 3);
      assertThat(marks.get(i).count()).isEqualTo(3);
    }
    assertThat(marks.get(6).key()).isNotEqualTo(marks.get(9).key()).isNotEqualTo(first.key());
    assertThat(sent.stream().map(PendingOp::id).distinct()).hasSize(12);
  }
}
