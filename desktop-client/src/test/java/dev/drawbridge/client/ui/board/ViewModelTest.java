package dev.drawbridge.client.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** View-models without a JavaFX toolkit. */
class ViewModelTest {
  private final Messages messages = new Messages(Locale.ENGLISH);

  @Test
  void styleChangesRestyleTheSelectionAsOneUndoStepEach() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element rect =
        Element.shape(Ids.random(), ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
    board.submit(new Op.AddElement(rect));
    vm.styleControls().colorProperty().set("#e03131");
    assertThat(board.view().get(rect.id()).style().color()).isEqualTo(Style.DEFAULT.color());
    assertThat(vm.style().color()).isEqualTo("#e03131");

    vm.selection().set(List.of(rect.id()));
    vm.styleControls().fillProperty().set(true);
    vm.styleControls().sizeProperty().set(2);
    Element e = board.view().get(rect.id());
    assertThat(e.style().fill()).isTrue();
    assertThat(e.style().width()).isEqualTo(StyleChoice.WIDTHS.get(2));
    assertThat(vm.canUndoProperty().get()).isTrue();
    vm.undo();
    assertThat(board.view().get(rect.id()).style().width()).isEqualTo(Style.DEFAULT.width());
    assertThat(vm.canRedoProperty().get()).isTrue();
    vm.redo();
    assertThat(board.view().get(rect.id()).style().width()).isEqualTo(StyleChoice.WIDTHS.get(2));
  }

  @Test
  void theUndoButtonsFollowEveryActionWhoeverSubmitsIt() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element a = Element.shape("a", ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
    Element b = Element.shape("b", ElementKind.ELLIPSE, 20, 0, 10, 10, Style.DEFAULT, 2);
    // As the history panel's Restore does: straight to the board, not through the view-model.
    board.submitAll(List.of(new Op.AddElement(a), new Op.AddElement(b)));
    assertThat(vm.canUndoProperty().get()).isTrue();
    board.undo();
    assertThat(vm.canUndoProperty().get()).isFalse();
    assertThat(vm.canRedoProperty().get()).isTrue();
    board.redo();
    assertThat(vm.canUndoProperty().get()).isTrue();
    assertThat(vm.canRedoProperty().get()).isFalse();
  }

  @Test
  void aSelectionShowsEachControlFromTheFirstElementItAppliesToAndTheDrawingStyleComesBack() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    StyleControls controls = vm.styleControls();
    Element note = Element.note("n1", 0, 0, 100, "hi", Style.DEFAULT.withColor("#ffe066"), 1);
    Element text = Element.text("t1", 0, 200, "label", Style.DEFAULT.withColor("#1971c2"), 2);
    Element box =
        Element.shape(
            "b1",
            ElementKind.RECTANGLE,
            0,
            300,
            50,
            50,
            Style.DEFAULT.withColor("#2f9e44").withDash(Dash.DOTTED),
            3);
    board.submitAll(
        List.of(new Op.AddElement(note), new Op.AddElement(text), new Op.AddElement(box)));
    String drawing = controls.colorProperty().get();

    // A group picked by its note: the paper from the note, the ink from the text (the first that
    // has ink), the outline from the box (text has none); nothing is restyled.
    controls.showSelection(board.view(), List.of("n1", "t1", "b1"));
    assertThat(controls.noteColorProperty().get()).isEqualTo("#ffe066");
    assertThat(controls.colorProperty().get()).isEqualTo("#1971c2");
    assertThat(controls.dashProperty().get()).isEqualTo(Dash.DOTTED);
    assertThat(board.view().get("b1").style().color()).isEqualTo("#2f9e44");
    assertThat(board.view().get("t1").style().dash()).isNull();

    // Letting the selection go puts the drawing style back.
    vm.selection().set(List.of("n1"));
    vm.selection().clear();
    assertThat(controls.colorProperty().get()).isEqualTo(drawing);
    assertThat(controls.dashProperty().get()).isEqualTo(Dash.SOLID);
  }

  @Test
  void theDashIsForNewElementsRestylesTheSelectionAndShowsASelectionsDash() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element rect =
        Element.shape(Ids.random(), ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
    board.submit(new Op.AddElement(rect));
    vm.styleControls().dashProperty().set(Dash.DASHED);
    assertThat(vm.style().dash()).isEqualTo(Dash.DASHED);
    assertThat(board.view().get(rect.id()).style().dash()).isNull();

    vm.selection().set(List.of(rect.id()));
    vm.styleControls().dashProperty().set(Dash.DOTTED);
    assertThat(board.view().get(rect.id()).style().dash()).isEqualTo(Dash.DOTTED);
    vm.undo();
    assertThat(board.view().get(rect.id()).style().dash()).isNull();
    // A text has no outline: dashing it changes nothing and adds no undo step.
    Element text = Element.text(Ids.random(), 50, 50, "hi", Style.DEFAULT, 2);
    board.submit(new Op.AddElement(text));
    vm.selection().set(List.of(text.id()));
    int pending = board.pendingCount();
    vm.styleControls().dashProperty().set(Dash.DASHED);
    assertThat(board.pendingCount()).isEqualTo(pending);
    assertThat(board.view().get(text.id()).style().dash()).isNull();
    vm.selection().set(List.of(rect.id()));
    // Selecting a solid element shows solid, without restyling it.
    int before = board.pendingCount();
    vm.styleControls().showStyleOf(Style.DEFAULT);
    assertThat(vm.styleControls().dashProperty().get()).isEqualTo(Dash.SOLID);
    assertThat(board.pendingCount()).isEqualTo(before);
  }

  @Test
  void undoOfAReplacementSelectsWhatComesBackAndRedoSelectsTheReplacement() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element stroke =
        Element.freehand(
            Ids.random(), ElementKind.STROKE, 0, 0, Points.of(0, 0, 10, 10), Style.DEFAULT, 1);
    board.submit(new Op.AddElement(stroke));
    // A stroke resize: the stroke is replaced by a scaled copy in one undo step.
    Element copy =
        Element.freehand(
            Ids.random(), ElementKind.STROKE, 0, 0, Points.of(0, 0, 20, 20), Style.DEFAULT, 1);
    board.submitAll(List.of(new Op.DeleteElement(stroke.id()), new Op.AddElement(copy)));
    vm.selection().set(List.of(copy.id()));

    vm.undo();
    assertThat(vm.selection().ids()).containsExactly(stroke.id());
    vm.redo();
    assertThat(vm.selection().ids()).containsExactly(copy.id());
  }

  @Test
  void undoWithNothingSelectedSelectsNothing() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element rect =
        Element.shape(Ids.random(), ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
    board.submit(new Op.AddElement(rect));
    board.submit(new Op.DeleteElement(rect.id()));
    vm.undo();
    // The undo happened (the rectangle is back), and it selected nothing: nothing was selected.
    assertThat(board.view().visibleElements()).extracting(Element::id).containsExactly(rect.id());
    assertThat(vm.selection().isEmpty()).isTrue();
  }

  @Test
  void showingASelectionsStyleDoesNotRestyleIt() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element rect =
        Element.shape(Ids.random(), ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1);
    board.submit(new Op.AddElement(rect));
    vm.selection().set(List.of(rect.id()));
    int before = board.pendingCount();
    vm.styleControls().showStyleOf(new Style("#2f9e44", 8, true, 0.5, 40));
    assertThat(board.pendingCount()).isEqualTo(before);
    assertThat(vm.styleControls().colorProperty().get()).isEqualTo("#2f9e44");
    assertThat(vm.styleControls().sizeProperty().get()).isEqualTo(2);
  }

  @Test
  void lookingAtASelectionsStyleLeavesTheDrawingStyleAsItWas() {
    LocalBoard board = new LocalBoard();
    BoardViewModel vm = new BoardViewModel(board);
    Element red =
        Element.shape(
            Ids.random(),
            ElementKind.RECTANGLE,
            0,
            0,
            10,
            10,
            new Style("#e03131", 8, true, 0.5, 40),
            1);
    board.submit(new Op.AddElement(red));
    // Select it (the board screen shows its style), then let go: the ink is black again.
    vm.selection().set(List.of(red.id()));
    vm.styleControls().showStyleOf(red.style());
    assertThat(vm.styleControls().colorProperty().get()).isEqualTo("#e03131");
    vm.selection().clear();
    assertThat(vm.style()).isEqualTo(StyleChoice.style(StyleChoice.PALETTE.get(0), 1, false, 1));

    // Restyling the selection makes the chosen style the drawing style.
    vm.selection().set(List.of(red.id()));
    vm.styleControls().showStyleOf(board.view().get(red.id()).style());
    vm.styleControls().colorProperty().set("#1971c2");
    vm.selection().clear();
    assertThat(vm.styleControls().colorProperty().get()).isEqualTo("#1971c2");
    assertThat(board.view().get(red.id()).style().color()).isEqualTo("#1971c2");
  }

  @Test
  void pickingADrawingToolClearsTheSelection() {
    BoardViewModel vm = new BoardViewModel(new LocalBoard());
    vm.toolProperty().set(dev.drawbridge.client.ui.tool.ToolKind.SELECT);
    vm.selection().set(List.of("x"));
    vm.toolProperty().set(dev.drawbridge.client.ui.tool.ToolKind.PEN);
    assertThat(vm.selection().isEmpty()).isTrue();
  }

  @Test
  void statusSpeaksPlainWords() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    StatusViewModel status = new StatusViewModel(messages, now::get, true);
    status.stateProperty().set(new ConnectionState.Synced());
    assertThat(status.textProperty().get()).isEqualTo("Connected");
    assertThat(status.levelProperty().get()).isEqualTo(StatusViewModel.Level.CONNECTED);

    status.stateProperty().set(new ConnectionState.Reconnecting(2, now.get().plusMillis(4200)));
    assertThat(status.textProperty().get()).isEqualTo("Connection lost, reconnecting in 5 s");
    now.set(now.get().plusSeconds(2));
    status.tick();
    assertThat(status.textProperty().get()).isEqualTo("Connection lost, reconnecting in 3 s");

    status.stateProperty().set(new ConnectionState.Offline());
    status.setPending(12);
    assertThat(status.textProperty().get()).isEqualTo("Offline — 12 changes waiting to sync");
    status.setPending(1);
    assertThat(status.textProperty().get()).isEqualTo("Offline — 1 change waiting to sync");

    status
        .stateProperty()
        .set(new ConnectionState.Failed(ConnectionState.Failed.Kind.UNAUTHORIZED, "4001"));
    assertThat(status.textProperty().get()).startsWith("Sign-in failed");
    assertThat(status.levelProperty().get()).isEqualTo(StatusViewModel.Level.FAILED);

    messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(status.textProperty().get()).startsWith("登录失败");
  }

  @Test
  void openedElsewhereAndIdTakenSayWhatHappenedAndOfferReconnect() {
    StatusViewModel status = new StatusViewModel(messages, Instant::now, true);
    status
        .stateProperty()
        .set(new ConnectionState.Failed(ConnectionState.Failed.Kind.REPLACED, "4013"));
    assertThat(status.textProperty().get()).startsWith("This board was opened elsewhere");
    assertThat(status.canReconnectProperty().get()).isTrue();
    assertThat(status.levelProperty().get()).isEqualTo(StatusViewModel.Level.FAILED);
    messages.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(status.textProperty().get()).startsWith("此白板已在别处");

    status
        .stateProperty()
        .set(new ConnectionState.Failed(ConnectionState.Failed.Kind.CLIENT_ID_TAKEN, "4014"));
    assertThat(status.textProperty().get()).startsWith("另一台设备");
    messages.setLocale(Locale.ENGLISH);
    assertThat(status.textProperty().get()).startsWith("Another device is using this board");
    assertThat(status.canReconnectProperty().get()).isTrue();

    status
        .stateProperty()
        .set(new ConnectionState.Failed(ConnectionState.Failed.Kind.UNAUTHORIZED, "4001"));
    assertThat(status.canReconnectProperty().get()).isFalse();
  }
}
