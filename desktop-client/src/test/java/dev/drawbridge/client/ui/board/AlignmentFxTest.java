package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.protocol.element.Element;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Snap to grid, alignment guides, align and distribute, driven by a robot (issue 16). */
@ExtendWith(ApplicationExtension.class)
class AlignmentFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private void box(String id, double x, double y, double w, double h) {
    addFilledBox(id, x, y, w, h);
  }

  private Element get(String id) {
    return fx(() -> board().view().get(id));
  }

  @Test
  void withSnapToGridOnADragPutsTheShapeOnTheGridAndTheChoiceIsRemembered(FxRobot robot) {
    box("box", 3, 7, 100, 80);
    robot.type(KeyCode.V);
    robot.clickOn("#snap");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().model().snapToGridProperty().get())).isTrue();
    drag(robot, 50, 40, 111, 69); // by about (61, 29): the corner near (64, 36) → (60, 40)
    assertThat(get("box").x()).isEqualTo(60);
    assertThat(get("box").y()).isEqualTo(40);
    assertThat(new SettingsStore(home).get().snapToGrid()).isTrue();
    // Shift+G turns it off again.
    robot.push(KeyCode.SHIFT, KeyCode.G);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().model().snapToGridProperty().get())).isFalse();
    assertThat(new SettingsStore(home).get().snapToGrid()).isFalse();
  }

  @Test
  void draggingNearAnotherShapesEdgeShowsAGuideAndSnapsToIt(FxRobot robot) {
    box("target", 200, 0, 100, 50);
    box("box", 0, 200, 40, 40);
    robot.type(KeyCode.V);
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Point2D start = screenInWindow(20, 220);
    onFx(
        () -> {
          glass.mouseMove(start);
          glass.mousePress(MouseButton.PRIMARY);
        });
    for (int i = 1; i <= 8; i++) {
      Point2D p = screen(20 + 203.0 * i / 8, 220 + 80.0 * i / 8); // left edge to about 203
      onFx(() -> glass.mouseMove(p));
    }
    WaitForAsyncUtils.waitForFxEvents();
    onFx(() -> view().canvas().flush());
    WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    // Between the two shapes, where only the guide can be, at x = 200.
    assertThat(guideColourNear(shot, 200, 150)).isTrue();
    assertThat(guideColourNear(shot, 240, 150)).isFalse();
    onFx(() -> glass.mouseRelease(MouseButton.PRIMARY));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(get("box").x()).isEqualTo(200);
    assertThat(get("box").y()).isBetween(278.0, 282.0);
    onFx(() -> view().canvas().flush());
    WritableImage after = fx(() -> view().canvas().snapshot(null, null));
    assertThat(guideColourNear(after, 200, 150)).isFalse();
  }

  @Test
  void alignLeftOfThreeShapesIsOneUndoStep(FxRobot robot) {
    box("a", 110, 0, 20, 20);
    box("b", 150, 60, 50, 20);
    box("c", 100, 120, 40, 60);
    robot.type(KeyCode.V);
    Button alignLeft = robot.lookup("#align-left").queryButton();
    assertThat(alignLeft.isDisabled()).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.A);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(alignLeft.isDisabled()).isFalse();
    robot.clickOn("#align-left");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(List.of(get("a").x(), get("b").x(), get("c").x())).containsOnly(100.0);
    assertThat(fx(() -> view().model().canUndoProperty().get())).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(List.of(get("a").x(), get("b").x(), get("c").x()))
        .containsExactly(110.0, 150.0, 100.0);
    // The shortcut does the same.
    robot.push(KeyCode.ALT, KeyCode.S);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(List.of(get("a").y() + 20, get("b").y() + 20, get("c").y() + 60))
        .containsOnly(180.0);
  }

  @Test
  void distributeSpreadsTheMiddleShapeByShortcutAndButton(FxRobot robot) {
    box("a", 100, 0, 20, 20);
    box("b", 130, 100, 40, 20);
    box("c", 300, 300, 20, 20);
    robot.type(KeyCode.V);
    robot.push(KeyCode.CONTROL, KeyCode.A);
    WaitForAsyncUtils.waitForFxEvents();
    robot.push(KeyCode.ALT, KeyCode.SHIFT, KeyCode.H);
    WaitForAsyncUtils.waitForFxEvents();
    // From a's right (120) to c's left (300): 180 - 40 = two gaps of 70.
    assertThat(get("b").x()).isEqualTo(190);
    assertThat(get("b").y()).isEqualTo(100);
    robot.clickOn("#distribute-v");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(get("b").y()).isEqualTo(150); // from 20 to 300, less 20: two gaps of 130
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(get("b").x()).isEqualTo(130);
    assertThat(get("b").y()).isEqualTo(100);
  }

  /** Whether a pixel within one of board point (x, y) has the guide's pink. */
  private boolean guideColourNear(WritableImage shot, double boardX, double boardY) {
    double x = fx(() -> view().canvas().viewport().toScreenX(boardX));
    double y = fx(() -> view().canvas().viewport().toScreenY(boardY));
    for (int dx = -1; dx <= 1; dx++) {
      Color c = shot.getPixelReader().getColor((int) x + dx, (int) y);
      if (c.getRed() - c.getGreen() > 0.15) {
        return true;
      }
    }
    return false;
  }
}
