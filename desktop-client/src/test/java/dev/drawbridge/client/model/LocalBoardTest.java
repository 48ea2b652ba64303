package dev.drawbridge.client.model;

import static org.assertj.core.api.Assertions.assertThat;

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
}
