package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17 on the board screen: copy from a past board and paste into the present, restore with the
 * real confirmation dialog and undo it, and the attribution label for a selected or hovered
 * element.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryActionsFxTest extends FxBoardTestBase {
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private void drawBoxAndArrow() {
    onFx(
        () -> {
          board()
              .submit(
                  new Op.AddElement(
                      Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 60, Style.DEFAULT, 1)
                          .withAuthor("ana")));
          board()
              .submit(
                  new Op.AddElement(
                      Element.shape("arr", ElementKind.ARROW, 100, 30, 80, 0, Style.DEFAULT, 2)
                          .withBindings(Binding.to("box", 1, 0.5), null)));
        });
  }

  private static void shortcut(FxRobot robot, KeyCode key) {
    KeyCode shortcut =
        System.getProperty("os.name").startsWith("Mac") ? KeyCode.COMMAND : KeyCode.CONTROL;
    robot.press(shortcut).type(key).release(shortcut);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void pastElementsCopiedFromHistoryPasteIntoThePresentWithNewIds(FxRobot robot) {
    drawBoxAndArrow();
    BoardState past = fx(() -> board().view().copy());
    onFx(
        () -> {
          board().submit(new Op.DeleteElement("arr"));
          board().submit(new Op.DeleteElement("box"));
        });
    assertThat(elements()).isEmpty();

    onFx(() -> view().pastActions().copy(past, List.of()));
    hover(300, 200);
    shortcut(robot, KeyCode.V);

    List<Element> pasted = elements();
    assertThat(pasted).hasSize(2);
    assertThat(pasted).extracting(Element::id).doesNotContain("box", "arr");
    Element box = pasted.stream().filter(e -> e.kind() == ElementKind.RECTANGLE).findFirst().get();
    Element arrow = pasted.stream().filter(e -> e.kind() == ElementKind.ARROW).findFirst().get();
    assertThat(arrow.startBinding().elementId()).isEqualTo(box.id());
    assertThat(arrow.x() - box.x()).isEqualTo(100); // the same layout
  }

  @Test
  void restoreAsksFirstAndUndoTakesItBack(FxRobot robot) {
    drawBoxAndArrow();
    BoardState past = fx(() -> board().view().copy());
    onFx(
        () -> {
          board().submit(new Op.UpdateElement("box", ElementPatch.move(300, 300)));
          board().submit(new Op.DeleteElement("arr"));
        });
    String before = fx(() -> board().view().hash());

    // The real dialog: restore() waits in it, so it is started without waiting here.
    Platform.runLater(() -> view().pastActions().restore(past));
    Button restore =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    fx(
                        () ->
                            robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                                .filter(b -> b.getText().equals("Restore"))
                                .findFirst()
                                .orElse(null)),
                b -> b != null);
    assertThat(fx(() -> robot.lookup(".dialog-pane .content").queryLabeled().getText()))
        .contains("2 elements change");
    onFx(restore::fire);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(fx(() -> board().view().hash())).isEqualTo(past.hash());
    assertThat(fx(() -> view().toast().getText())).startsWith("Restored");
    shortcut(robot, KeyCode.Z);
    assertThat(fx(() -> board().view().hash())).isEqualTo(before);
  }

  /**
   * Opens a file (version 1, no history) holding the box, made by ana, and the arrow, whose maker
   * it does not name: a local board records its history from the file's board on (issue 17), so
   * neither element has an op that made it.
   */
  private void openOlderBoxAndArrow() throws Exception {
    java.nio.file.Path file = home.resolve("older.drawbridge");
    new dev.drawbridge.client.io.BoardFile()
        .save(
            file,
            new dev.drawbridge.protocol.board.BoardSnapshot(
                2,
                List.of(
                    Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 60, Style.DEFAULT, 1)
                        .withAuthor("ana"),
                    Element.shape("arr", ElementKind.ARROW, 100, 30, 80, 0, Style.DEFAULT, 2)
                        .withBindings(Binding.to("box", 1, 0.5), null))));
    onFx(() -> window.openFile(file));
  }

  @Test
  void selectingOrHoveringAnElementSaysWhoMadeAndChangedIt() throws Exception {
    openOlderBoxAndArrow();
    assertThat(fx(() -> view().attributionLabel().isVisible())).isFalse();
    onFx(() -> view().model().selection().set(List.of("box")));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> fx(() -> view().attributionLabel().getText()), t -> t.startsWith("Drawn by ana"));
    assertThat(fx(() -> view().attributionLabel().isVisible())).isTrue();

    // Ben moves it: the history hears the op (as the session reports it), the label follows.
    onFx(
        () -> {
          long seq = board().confirmedSeq() + 1;
          board()
              .applyRemote(seq, "op-ben-1", new Op.UpdateElement("box", ElementPatch.move(5, 5)));
          view()
              .history()
              .opSequenced(
                  new HistoryOp(
                      seq,
                      "op-ben-1",
                      "ben",
                      1_764_770_520_000L,
                      new Op.UpdateElement("box", ElementPatch.move(5, 5))));
        });
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> fx(() -> view().attributionLabel().getText()), t -> t.contains("changed by ben"));

    onFx(() -> view().model().selection().clear());
    assertThat(fx(() -> view().attributionLabel().isVisible())).isFalse();

    // The select tool resting over the arrow describes it: it names no author and is older than
    // the history this board has (it came with the file), so its maker is not known.
    onFx(() -> view().model().toolProperty().set(dev.drawbridge.client.ui.tool.ToolKind.SELECT));
    hover(150, 31);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> fx(() -> view().attributionLabel().getText()),
            t -> t.equals("Who drew this is not recorded"));
    hover(350, 250);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> fx(() -> view().attributionLabel().getText()), String::isEmpty);
  }
}
