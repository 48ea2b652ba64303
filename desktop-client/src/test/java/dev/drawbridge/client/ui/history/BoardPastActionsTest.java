package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardPastActionsTest {
  private final TestSession session = new TestSession();
  private final List<String> notices = new ArrayList<>();
  private final List<Integer> asked = new ArrayList<>();
  private final List<List<Element>> copied = new ArrayList<>();
  private boolean answer = true;
  private final BoardPastActions actions =
      new BoardPastActions(
          session,
          elements -> copied.add(elements),
          changed -> {
            asked.add(changed);
            return answer;
          },
          (error, key, args) -> notices.add(key));

  private void submit(Op op) {
    session.board.submit(op);
  }

  private BoardState drawThenChange() {
    submit(new Op.AddElement(box("a", 0, 1)));
    submit(new Op.AddElement(box("b", 200, 2)));
    BoardState past = session.board.view().copy();
    submit(new Op.UpdateElement("b", ElementPatch.move(50, 50)));
    submit(new Op.DeleteElement("a"));
    submit(new Op.AddElement(box("c", 400, 3)));
    return past;
  }

  private static Element box(String id, double x, double z) {
    return Element.shape(id, ElementKind.RECTANGLE, x, 0, 100, 50, Style.DEFAULT, z);
  }

  @Test
  void aRestoreIsOneChangeThatUndoTakesBackAndRedoDoesAgain() {
    BoardState past = drawThenChange();
    String before = session.board.view().hash();

    actions.restore(past);

    assertThat(asked).containsExactly(3);
    assertThat(session.board.view().hash()).isEqualTo(past.hash());
    assertThat(notices).containsExactly("history.restore.done");
    assertThat(session.board.undo()).isTrue();
    assertThat(session.board.view().hash()).isEqualTo(before);
    assertThat(session.board.redo()).isTrue();
    assertThat(session.board.view().hash()).isEqualTo(past.hash());
    // One step: a second undo goes back past the restore to the edit before it.
    session.board.undo();
    session.board.undo();
    assertThat(session.board.view().get("c")).isNotNull();
    assertThat(session.board.view().get("c").deleted()).isTrue();
  }

  @Test
  void aRestoreOfAStrokeThatGrewIsUndoneWhole() {
    submit(
        new Op.AddElement(
            Element.freehand(
                "s",
                ElementKind.STROKE,
                0,
                0,
                dev.drawbridge.protocol.element.Points.of(0, 0, 1, 1),
                Style.DEFAULT,
                1)));
    BoardState past = session.board.view().copy();
    submit(new Op.AppendPoints("s", dev.drawbridge.protocol.element.Points.of(5, 5)));
    String before = session.board.view().hash();
    actions.restore(past);
    assertThat(session.board.view().visibleElements()).hasSize(1);
    assertThat(session.board.view().get("s").deleted()).isTrue();
    session.board.undo();
    assertThat(session.board.view().hash()).isEqualTo(before);
  }

  @Test
  void tenThousandElementsBackToAnEmptyBoardAndBackAgainWithOneUndo() {
    BoardState empty = session.board.view().copy();
    for (int i = 0; i < 10_000; i++) {
      submit(new Op.AddElement(box("e" + i, i, i)));
    }
    String full = session.board.view().hash();
    actions.restore(empty);
    assertThat(asked).containsExactly(10_000);
    assertThat(session.board.view().visibleElements()).isEmpty();
    session.board.undo();
    assertThat(session.board.view().hash()).isEqualTo(full);
  }

  @Test
  void declinedItChangesNothing() {
    BoardState past = drawThenChange();
    int pending = session.board.pendingCount();
    String before = session.board.view().hash();
    answer = false;
    actions.restore(past);
    assertThat(session.board.view().hash()).isEqualTo(before);
    assertThat(session.board.pendingCount()).isEqualTo(pending);
  }

  @Test
  void aViewerIsToldAndNotAsked() {
    BoardState past = drawThenChange();
    String before = session.board.view().hash();
    session.role = "viewer";
    actions.restore(past);
    assertThat(notices).containsExactly("history.restore.viewer");
    assertThat(asked).isEmpty();
    assertThat(session.board.view().hash()).isEqualTo(before);
  }

  @Test
  void nothingToRestoreIsSaidWithoutAsking() {
    submit(new Op.AddElement(box("a", 0, 1)));
    actions.restore(session.board.view().copy());
    assertThat(asked).isEmpty();
    assertThat(notices).containsExactly("history.restore.nothing");
    assertThat(session.board.canUndo()).isTrue(); // only the add: no empty restore step
    session.board.undo();
    assertThat(session.board.canUndo()).isFalse();
  }

  @Test
  void copyTakesEveryVisiblePastElementOrTheChosenOnesWithConnectorsWhereTheyWereDrawn() {
    submit(new Op.AddElement(box("a", 0, 1)));
    submit(
        new Op.AddElement(
            Element.shape("l", ElementKind.LINE, 500, 500, 10, 10, Style.DEFAULT, 2)
                .withBindings(Binding.to("a", 1, 0.5), null)));
    submit(new Op.AddElement(box("gone", 0, 3)));
    submit(new Op.DeleteElement("gone"));
    BoardState past = session.board.view().copy();
    submit(new Op.DeleteElement("a"));

    actions.copy(past, List.of());
    assertThat(copied.getLast()).extracting(Element::id).containsExactly("a", "l");
    Element line = copied.getLast().get(1);
    assertThat(line.x()).isEqualTo(100); // drawn on a's right edge in the past
    assertThat(line.y()).isEqualTo(25);

    actions.copy(past, List.of("l", "gone"));
    assertThat(copied.getLast()).extracting(Element::id).containsExactly("l");
    assertThat(notices).containsExactly("history.copy.done", "history.copy.done");

    actions.copy(new BoardState(), List.of());
    assertThat(notices).endsWith("history.copy.nothing");
  }
}
