package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.ui.tool.ToolKind;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The board's right-click menu: it acts on what was clicked, with its group (R122). */
@ExtendWith(ApplicationExtension.class)
class ContextMenuFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  /** A right-click (what a secondary press or the menu key fires) at board point (x, y). */
  private void rightClickAt(double x, double y) {
    onFx(
        () -> {
          var canvas = view().canvas();
          double sx = canvas.viewport().toScreenX(x);
          double sy = canvas.viewport().toScreenY(y);
          Point2D screen = canvas.localToScreen(sx, sy);
          canvas.fireEvent(
              new ContextMenuEvent(
                  ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                  sx,
                  sy,
                  screen.getX(),
                  screen.getY(),
                  false,
                  new PickResult(canvas, sx, sy)));
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private List<String> itemIds() {
    return fx(
        () ->
            view().contextMenu().menu().getItems().stream()
                .map(MenuItem::getId)
                .filter(id -> id != null)
                .toList());
  }

  private MenuItem item(String id) {
    return fx(
        () ->
            view().contextMenu().menu().getItems().stream()
                .filter(i -> id.equals(i.getId()))
                .findFirst()
                .orElseThrow());
  }

  @Test
  void onAShapeItActsOnThatShapeAndOnEmptyBoardOffersPasteAndSelectAll(FxRobot robot) {
    addFilledBox("a", 100, 100, 60, 40);
    addFilledBox("b", 200, 100, 60, 40);
    robot.type(KeyCode.P); // the pen: a right-click still picks the shape and shows it selected
    WaitForAsyncUtils.waitForFxEvents();

    rightClickAt(130, 120);
    assertThat(fx(() -> view().contextMenu().menu().isShowing())).isTrue();
    assertThat(itemIds()).contains("ctx-cut", "ctx-copy", "ctx-group", "ctx-front", "ctx-delete");
    assertThat(fx(() -> view().model().selection().ids())).containsExactly("a");
    assertThat(fx(() -> view().model().toolProperty().get())).isEqualTo(ToolKind.SELECT);
    assertThat(fx(() -> item("ctx-group").isDisable()))
        .as("one element: nothing to group")
        .isTrue();

    // With both selected, a right-click on one keeps both, and Group groups them.
    onFx(() -> view().contextMenu().menu().hide());
    onFx(() -> view().model().selection().set(List.of("a", "b")));
    rightClickAt(230, 120);
    assertThat(fx(() -> view().model().selection().ids())).containsExactlyInAnyOrder("a", "b");
    assertThat(fx(() -> item("ctx-group").isDisable())).isFalse();
    onFx(() -> item("ctx-group").fire());
    assertThat(fx(() -> board().view().get("a").group()))
        .isNotNull()
        .isEqualTo(fx(() -> board().view().get("b").group()));

    // Delete from the menu deletes the group, as one undo step.
    onFx(() -> view().contextMenu().menu().hide());
    rightClickAt(130, 120);
    onFx(() -> item("ctx-delete").fire());
    assertThat(elements()).isEmpty();
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(2);

    // On empty board: the selection is let go and the board's own items show.
    onFx(() -> view().contextMenu().menu().hide());
    rightClickAt(400, 300);
    assertThat(fx(() -> view().model().selection().isEmpty())).isTrue();
    assertThat(itemIds())
        .containsExactly("ctx-paste-board", "ctx-select-all", "ctx-zoom-fit", "ctx-unlockAll");
    assertThat(fx(() -> item("ctx-unlockAll").isVisible())).as("nothing is locked").isFalse();
    onFx(() -> item("ctx-select-all").fire());
    assertThat(fx(() -> view().model().selection().ids())).containsExactlyInAnyOrder("a", "b");
    onFx(() -> view().contextMenu().menu().hide());
  }

  @Test
  void lockFromTheMenuAndUnlockByRightClickingTheLockedElement(FxRobot robot) {
    addFilledBox("bg", 100, 100, 200, 150);
    robot.type(KeyCode.V);
    onFx(() -> view().model().selection().set(List.of("bg")));
    rightClickAt(200, 175);
    onFx(() -> item("ctx-lock").fire());
    assertThat(fx(() -> board().view().get("bg").hasLock())).isTrue();
    assertThat(fx(() -> view().model().selection().isEmpty())).isTrue();
    onFx(() -> view().contextMenu().menu().hide());

    // A click on it picks nothing; a right-click offers Unlock alone.
    click(robot, 200, 175);
    assertThat(fx(() -> view().model().selection().isEmpty())).isTrue();
    rightClickAt(200, 175);
    assertThat(itemIds()).containsExactly("ctx-unlock");
    onFx(() -> item("ctx-unlock").fire());
    assertThat(fx(() -> board().view().get("bg").hasLock())).isFalse();
    assertThat(fx(() -> view().model().selection().ids())).containsExactly("bg");
    onFx(() -> view().contextMenu().menu().hide());

    // Ctrl+Shift+L locks again; on empty board "Unlock everything" shows while anything is locked.
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> board().view().get("bg").hasLock())).isTrue();
    rightClickAt(450, 350);
    assertThat(fx(() -> item("ctx-unlockAll").isVisible())).isTrue();
    onFx(() -> item("ctx-unlockAll").fire());
    assertThat(fx(() -> board().view().get("bg").hasLock())).isFalse();
    onFx(() -> view().contextMenu().menu().hide());
  }
}
