package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Found by a person test: text jumped by about 2 px (more when zoomed in) when editing ended,
 * because the in-place editor's text did not sit where the canvas paints the committed text. The
 * window's pixels are compared while typing and after Escape.
 */
@ExtendWith(ApplicationExtension.class)
class TextPlacementFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  @Test
  void textStaysWhereItWasTypedWhenEditingEnds(FxRobot robot) {
    for (double zoom : new double[] {1, 3}) {
      onFx(() -> view().canvas().showView(40, 20, zoom));
      WaitForAsyncUtils.waitForFxEvents();
      robot.type(KeyCode.T);
      click(robot, 0, 0);
      TextArea area = fx(() -> view().textEditor());
      assertThat(area).isNotNull();
      robot.write("Hxg");
      // The caret would count as ink.
      onFx(() -> area.setStyle(area.getStyle() + " -fx-display-caret: false;"));
      WaitForAsyncUtils.waitForFxEvents();
      Bounds box = fx(() -> area.localToScene(area.getLayoutBounds()));
      double[] typed = ink(box);
      robot.type(KeyCode.ESCAPE);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(fx(() -> view().textEditor())).isNull();
      // The tiles repaint on the next pulses.
      WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
      WaitForAsyncUtils.waitForFxEvents();
      double[] drawn = ink(box);
      String seen =
          "typed %s, drawn %s"
              .formatted(java.util.Arrays.toString(typed), java.util.Arrays.toString(drawn));
      assertThat(drawn[0])
          .as("left edge at zoom %s: %s", zoom, seen)
          .isCloseTo(typed[0], Offset.offset(0.5));
      assertThat(drawn[1])
          .as("middle at zoom %s: %s", zoom, seen)
          .isCloseTo(typed[1], Offset.offset(0.5));
      onFx(() -> view().canvas().requestFocus());
      robot.push(KeyCode.CONTROL, KeyCode.Z);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(elements()).isEmpty();
    }
  }

  /**
   * Found by the two-apps person test: the lines after the first of a multi-line text moved up when
   * editing ended (by 5 px at 100 % for the second line, more for each further line), because the
   * editor spaced its lines by the font's own line height and the canvas by {@link
   * dev.drawbridge.client.ui.canvas.ElementPainter#LINE_HEIGHT} times the size.
   */
  @Test
  void everyLineOfAMultiLineTextStaysWhereItWasTyped(FxRobot robot) {
    robot.type(KeyCode.T);
    click(robot, 0, -60);
    TextArea area = fx(() -> view().textEditor());
    assertThat(area).isNotNull();
    robot.write("Hxg");
    robot.type(KeyCode.ENTER);
    robot.write("Hxg");
    robot.type(KeyCode.ENTER);
    robot.write("Hxg");
    onFx(() -> area.setStyle(area.getStyle() + " -fx-display-caret: false;"));
    WaitForAsyncUtils.waitForFxEvents();
    Bounds box = fx(() -> area.localToScene(area.getLayoutBounds()));
    double[] typed = ink(box);
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    double[] drawn = ink(box);
    String seen =
        "typed %s, drawn %s"
            .formatted(java.util.Arrays.toString(typed), java.util.Arrays.toString(drawn));
    assertThat(drawn[2]).as("last line's bottom: %s", seen).isCloseTo(typed[2], Offset.offset(1.0));
    assertThat(drawn[1]).as("middle: %s", seen).isCloseTo(typed[1], Offset.offset(0.5));
  }

  /**
   * The ink (dark grey pixels) inside {@code box}, away from the editor's blue frame, in scene
   * pixels: the left edge of the first stroke (sub-pixel, from how dark its first column is) and
   * the weighted middle row, and the bottom edge of the darker ink.
   */
  private double[] ink(Bounds box) {
    return fx(
        () -> {
          PixelReader r = stage.getScene().snapshot(null).getPixelReader();
          int x0 = (int) Math.floor(box.getMinX()) + 2;
          int y0 = (int) Math.floor(box.getMinY()) + 2;
          int x1 = (int) Math.ceil(box.getMaxX()) - 2;
          int y1 = (int) Math.ceil(box.getMaxY()) - 2;
          double[] column = new double[x1 - x0];
          double sum = 0;
          double sy = 0;
          int bottom = -1;
          for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
              Color c = r.getColor(x, y);
              if (c.getBlue() - c.getRed() > 0.15) {
                continue; // the editor's frame, not text
              }
              double w = 1 - (c.getRed() + c.getGreen() + c.getBlue()) / 3;
              if (w < 0.2) {
                continue; // the grid
              }
              sum += w;
              sy += w * (y + 0.5);
              column[x - x0] = Math.max(column[x - x0], w);
              if (w > 0.5) {
                bottom = y + 1;
              }
            }
          }
          double full = java.util.Arrays.stream(column).max().orElse(1);
          int first = 0;
          while (column[first] == 0) {
            first++;
          }
          double left = x0 + first + 1 - column[first] / full;
          return new double[] {left, sy / sum, bottom};
        });
  }
}
