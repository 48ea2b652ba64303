package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Connectors (issue 16, docs/protocol.md R100–R105) driven by a robot on the headless platform. */
@ExtendWith(ApplicationExtension.class)
class ConnectorsFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private Element arrow() {
    return elements().stream().filter(e -> e.kind() == ElementKind.ARROW).findFirst().orElseThrow();
  }

  private double[] drawnEnds() {
    return fx(
        () -> {
          BoardState view = board().view();
          return Connectors.ends(arrow(), view);
        });
  }

  /** Two boxes and an arrow drawn from the first to the second with the arrow tool. */
  private void drawBoundArrow(FxRobot robot) {
    addRectangle("box1", 0, 0, 100, 80);
    addRectangle("box2", 250, 0, 100, 80);
    robot.type(KeyCode.A);
    drag(robot, 92, 40, 258, 40);
  }

  private double brightnessAt(double x, double y) {
    onFx(() -> view().canvas().flush());
    WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    double sx = fx(() -> view().canvas().viewport().toScreenX(x));
    double sy = fx(() -> view().canvas().viewport().toScreenY(y));
    double darkest = 1;
    // The darkest pixel around the point: a 2-unit line is antialiased across two pixels.
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        darkest =
            Math.min(
                darkest,
                shot.getPixelReader().getColor((int) sx + dx, (int) sy + dy).getBrightness());
      }
    }
    return darkest;
  }

  @Test
  void drawABoundArrow(FxRobot robot) {
    drawBoundArrow(robot);
    Element arrow = arrow();
    assertThat(arrow.startBinding()).isEqualTo(Binding.to("box1", 1, 0.5));
    assertThat(arrow.endBinding()).isEqualTo(Binding.to("box2", 0, 0.5));
    // Snapped to the boxes' edges: the stored points are where the ends are drawn.
    assertThat(drawnEnds()).containsExactly(100, 40, 250, 40);
    assertThat(new double[] {arrow.x(), arrow.y(), arrow.x() + arrow.w(), arrow.y() + arrow.h()})
        .containsExactly(100, 40, 250, 40);
    assertThat(brightnessAt(175, 40)).isLessThan(0.5);
  }

  @Test
  void moveTheShapeAndTheArrowFollows(FxRobot robot) {
    drawBoundArrow(robot);
    Element before = arrow();
    robot.type(KeyCode.V);
    // Live during the drag: press on box2, move it down, look before releasing.
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Point2D from = screenInWindow(300, 0); // on box2's outline (it is not filled)
    onFx(
        () -> {
          glass.mouseMove(from);
          glass.mousePress(MouseButton.PRIMARY);
        });
    for (int i = 1; i <= 10; i++) {
      Point2D p = screen(300, 20 * i);
      onFx(() -> glass.mouseMove(p));
    }
    WaitForAsyncUtils.waitForFxEvents();
    // The arrow now runs from (100, 40) to (250, 240) on the live layer; its old path is clear.
    assertThat(brightnessAt(175, 140)).as("arrow follows during the drag").isLessThan(0.5);
    assertThat(brightnessAt(200, 40)).as("no trail where it was").isGreaterThan(0.8);
    onFx(() -> glass.mouseRelease(MouseButton.PRIMARY));
    WaitForAsyncUtils.waitForFxEvents();

    Element box2 = fx(() -> board().view().get("box2"));
    assertThat(box2.y()).isBetween(198.0, 202.0);
    // No op touched the arrow: it follows because its end is derived (R102).
    assertThat(arrow()).isEqualTo(before);
    double[] ends = drawnEnds();
    assertThat(ends[2]).isEqualTo(250);
    assertThat(ends[3]).isBetween(238.0, 242.0);
    assertThat(brightnessAt(175, 140)).as("after the drop").isLessThan(0.5);
  }

  @Test
  void deleteTheShapeLeavesAFreeEnd(FxRobot robot) {
    drawBoundArrow(robot);
    robot.type(KeyCode.V);
    drag(robot, 300, 0, 300, 200); // move box2 first, so "where it was" is not the stored point
    assertThat(fx(() -> view().model().selection().ids())).containsExactly("box2");
    double[] attached = drawnEnds();
    robot.type(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).extracting(Element::id).doesNotContain("box2");
    // The end stays free exactly where it was drawn; the binding is kept for undo.
    Element arrow = arrow();
    assertThat(drawnEnds()).containsExactly(attached);
    assertThat(arrow.x() + arrow.w()).isEqualTo(attached[2]);
    assertThat(arrow.y() + arrow.h()).isEqualTo(attached[3]);
    assertThat(brightnessAt(175, (40 + attached[3]) / 2)).isLessThan(0.5);

    // Undo brings the box back and the arrow attached to it; delete again, then move the
    // remaining box: the free end does not move, the attached start does.
    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).extracting(Element::id).contains("box2");
    assertThat(Connectors.isBoundTo(arrow(), "box2", id -> fx(() -> board().view().get(id))))
        .isTrue();
  }
}
