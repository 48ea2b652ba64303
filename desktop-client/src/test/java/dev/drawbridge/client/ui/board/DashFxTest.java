package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dash buttons restyle the selection, and the board draws the dashes (R125). */
@ExtendWith(ApplicationExtension.class)
class DashFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  /** How many of the pixels along board row y, from x0 to x1, are dark ink. */
  private int inkAlong(double y, double x0, double x1) {
    onFx(() -> view().canvas().flush());
    WritableImage shot = fx(() -> view().canvas().snapshot(null, null));
    double sx = fx(() -> view().canvas().viewport().toScreenX(0));
    double sy = fx(() -> view().canvas().viewport().toScreenY(y));
    int dark = 0;
    for (double x = x0; x < x1; x++) {
      int px = (int) Math.round(sx + x);
      if (shot.getPixelReader().getColor(px, (int) Math.round(sy)).getBrightness() < 0.5) {
        dark++;
      }
    }
    return dark;
  }

  @Test
  void theDashedButtonRestylesTheSelectedLineAndTheBoardDrawsGaps(FxRobot robot) {
    onFx(
        () ->
            board()
                .submit(
                    new Op.AddElement(
                        Element.shape(
                            "line", ElementKind.LINE, 100, 150, 300, 0, Style.DEFAULT, 1))));
    robot.type(KeyCode.V);
    WaitForAsyncUtils.waitForFxEvents();
    int solid = inkAlong(150, 120, 380);
    assertThat(solid).isGreaterThan(250);

    onFx(() -> view().model().selection().set(List.of("line")));
    robot.clickOn("#dash-dashed");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> board().view().get("line").style().dash())).isEqualTo(Dash.DASHED);
    onFx(() -> view().model().selection().clear());
    // 8 on, 6 off at 100 %: a little over half the row is ink.
    int dashed = inkAlong(150, 120, 380);
    assertThat(dashed).isBetween(120, 190);

    robot.push(KeyCode.CONTROL, KeyCode.Z);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> board().view().get("line").style().dash())).isNull();
    assertThat(inkAlong(150, 120, 380)).isGreaterThan(250);
  }

  /**
   * Found by hand: a group picked by a click on its sticky note (or its text) showed the drawing
   * style's dash instead of the group's outlines, so with the drawing style solid the solid button
   * looked chosen already and a click on it left the dashed rectangle dashed.
   */
  @Test
  void aGroupPickedByItsNoteShowsItsOutlinesDashAndTheSolidButtonMakesThemSolid(FxRobot robot) {
    Style dashed = Style.DEFAULT.withDash(Dash.DASHED);
    onFx(
        () -> {
          board()
              .submit(
                  new Op.AddElement(
                      Element.note("note", 100, 100, 120, "hi", Style.DEFAULT, 1).withGroup("g")));
          board()
              .submit(
                  new Op.AddElement(
                      Element.shape("box", ElementKind.RECTANGLE, 300, 100, 120, 80, dashed, 2)
                          .withGroup("g")));
          board()
              .submit(
                  new Op.AddElement(
                      Element.text("words", 100, 300, "words", Style.DEFAULT, 3).withGroup("h")));
          board()
              .submit(
                  new Op.AddElement(
                      Element.shape("ring", ElementKind.ELLIPSE, 300, 300, 120, 80, dashed, 4)
                          .withGroup("h")));
        });
    robot.type(KeyCode.V);
    WaitForAsyncUtils.waitForFxEvents();
    ToggleButton solid = robot.lookup("#dash-solid").query();
    ToggleButton dashedButton = robot.lookup("#dash-dashed").query();
    assertThat(fx(solid::isSelected)).as("the drawing style is solid").isTrue();

    click(robot, 160, 160);
    assertThat(fx(() -> view().model().selection().ordered())).containsExactly("note", "box");
    assertThat(fx(dashedButton::isSelected)).as("the group's outlines are dashed").isTrue();
    robot.clickOn("#dash-solid");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> board().view().get("box").style().dash())).isNull();

    // A text has no outline: its group's ellipse says what the dash buttons show.
    robot.type(KeyCode.ESCAPE);
    onFx(() -> view().model().selection().set(List.of("words", "ring")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(dashedButton::isSelected)).isTrue();
  }
}
