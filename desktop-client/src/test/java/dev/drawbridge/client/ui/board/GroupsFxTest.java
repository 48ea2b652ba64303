package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Group and ungroup by shortcut and button, then a drag of one member moves the group (R122). */
@ExtendWith(ApplicationExtension.class)
class GroupsFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private void box(String id, double x, double y) {
    addFilledBox(id, x, y, 60, 40);
  }

  private Element get(String id) {
    return fx(() -> board().view().get(id));
  }

  /** Whether the selection's blue is near board row y (3 px above to 1 below), x0 to x1. */
  private boolean selectionBlueAlong(double y, double x0, double x1) {
    onFx(() -> view().canvas().flush());
    javafx.scene.image.WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    double sy = fx(() -> view().canvas().viewport().toScreenY(y));
    for (double x = x0; x <= x1; x++) {
      double bx = x;
      double sx = fx(() -> view().canvas().viewport().toScreenX(bx));
      for (int dy = -3; dy <= 1; dy++) {
        javafx.scene.paint.Color c =
            shot.getPixelReader().getColor((int) Math.round(sx), (int) Math.round(sy) + dy);
        if (c.getBlue() - c.getRed() > 0.12) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void ctrlGGroupsADragOfOneMemberMovesBothAndUngroupSeparatesThem(FxRobot robot) {
    box("a", 100, 100);
    box("b", 200, 100);
    box("c", 100, 250);
    robot.type(KeyCode.V);
    Button group = robot.lookup("#group").queryButton();
    Button ungroup = robot.lookup("#ungroup").queryButton();
    assertThat(group.isDisabled()).isTrue();
    assertThat(ungroup.isDisabled()).isTrue();

    onFx(() -> view().model().selection().set(java.util.List.of("a", "b")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(group.isDisabled()).isFalse();
    robot.push(KeyCode.CONTROL, KeyCode.G);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(get("a").group()).isNotNull().isEqualTo(get("b").group());
    assertThat(group.isDisabled()).as("already one group").isTrue();
    assertThat(ungroup.isDisabled()).isFalse();
    // One frame around the whole group: ~10 units above the members (their painted bounds, then
    // 3 + 6), over the gap between a and b, where no member's own frame is.
    assertThat(selectionBlueAlong(90, 170, 190)).isTrue();
    assertThat(selectionBlueAlong(80, 170, 190)).isFalse();

    // Nothing selected (Esc), then a drag of b alone moves a with it; c stays.
    robot.type(KeyCode.ESCAPE);
    drag(robot, 230, 120, 230, 170);
    assertThat(get("a").y()).isEqualTo(150);
    assertThat(get("b").y()).isEqualTo(150);
    assertThat(get("c").y()).isEqualTo(250);

    // The button ungroups what is selected (the group, picked by that drag).
    robot.clickOn("#ungroup");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(get("a").group()).isNull();
    assertThat(get("b").group()).isNull();
    robot.type(KeyCode.ESCAPE);
    drag(robot, 230, 170, 230, 220);
    assertThat(get("b").y()).isEqualTo(200);
    assertThat(get("a").y()).as("no longer moves with b").isEqualTo(150);

    // Undo: the move, then the ungroup: a and b are one group again.
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(get("a").group()).isNotNull().isEqualTo(get("b").group());
  }
}
