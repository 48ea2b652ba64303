package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The board screen in a laptop-sized window (found by hand at 800 × 600: the status bar, with the
 * connection state, was pushed out of the window and the style panel covered the main menu; the
 * shortcuts sheet cut its cells to "…" and kept three keys in English).
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  @AfterEach
  void backToEnglish() {
    onFx(
        () -> window.applySettings(window.settings().get().withProfile("Me", null, "light", "en")));
  }

  @Test
  void theBoardScreenAsksForNoMoreThanTheWindowsMinimum() {
    // A root asking for more than the window has makes the window grow past the screen's edge
    // (without a window manager to stop it), where the status bar then is.
    assertThat(fx(() -> stage.getScene().getRoot().minHeight(-1))).isLessThanOrEqualTo(480);
    onFx(() -> view().root().lookup("#shortcuts-help").setVisible(true));
    assertThat(fx(() -> stage.getScene().getRoot().minHeight(-1))).isLessThanOrEqualTo(480);
    onFx(() -> view().root().lookup("#shortcuts-help").setVisible(false));
  }

  @Test
  void everyBarStaysInAShortWindowAndNoneCoversAnother(FxRobot robot) {
    for (double[] size : new double[][] {{800, 600}, {780, 480}, {1280, 800}}) {
      resize(size[0], size[1]);
      String at = (int) size[0] + "x" + (int) size[1];
      double sceneHeight = fx(() -> stage.getScene().getHeight());
      Bounds status = scene(robot, ".status-bar");
      Bounds zoomBar = scene(robot, ".zoom-bar");
      Bounds menu = scene(robot, "#main-menu");
      Bounds style = scene(robot, ".style-scroll");
      assertThat(status.getMaxY())
          .as("status bar's bottom at %s", at)
          .isLessThanOrEqualTo(sceneHeight);
      assertThat(status.getHeight()).as("status bar's height at %s", at).isGreaterThan(10);
      assertThat(zoomBar.getMaxY())
          .as("zoom bar above the status bar at %s", at)
          .isLessThanOrEqualTo(status.getMinY());
      assertThat(style.getMinY())
          .as("style panel below the menu at %s", at)
          .isGreaterThan(menu.getMaxY());
      assertThat(style.getMaxY())
          .as("style panel above the zoom bar at %s", at)
          .isLessThan(zoomBar.getMinY());
    }
  }

  @Test
  void theShortcutsSheetScrollsRatherThanCuttingAndSpeaksTheLanguage(FxRobot robot) {
    resize(800, 600);
    onFx(
        () ->
            window.applySettings(
                window.settings().get().withProfile("Me", null, "light", "zh-CN")));
    Node help = robot.lookup("#shortcuts-help").query();
    onFx(() -> help.setVisible(true));
    WaitForAsyncUtils.waitForFxEvents();
    List<Label> labels = fx(() -> help.lookupAll(".label").stream().map(n -> (Label) n).toList());
    assertThat(labels).hasSizeGreaterThan(30);
    for (Label l : labels) {
      String text = fx(l::getText);
      assertThat(fx(() -> l.getWidth() + 0.5 >= l.prefWidth(-1)))
          .as("\"%s\" shown whole", text)
          .isTrue();
      assertThat(text).doesNotContain("drag", "wheel", "👥");
    }
    assertThat(labels.stream().map(l -> fx(l::getText))).contains("空格 + 拖动", "Ctrl + 滚轮");
    assertThat(scene(robot, ".status-bar").getMaxY())
        .isLessThanOrEqualTo(fx(() -> stage.getScene().getHeight()));
    onFx(() -> help.setVisible(false));
  }

  @Test
  void aToastNeverHidesTheZoomBar(FxRobot robot) {
    for (double width : new double[] {800, 955, 1600}) {
      resize(width, 700);
      onFx(() -> view().showToast("Exported board.png to /home/someone/Pictures/boards", false));
      WaitForAsyncUtils.waitForFxEvents();
      WaitForAsyncUtils.waitForFxEvents();
      Bounds toast = scene(robot, "#toast");
      Bounds zoomBar = scene(robot, ".zoom-bar");
      assertThat(toast.intersects(zoomBar))
          .as("toast %s over the zoom bar %s at %s px", toast, zoomBar, width)
          .isFalse();
      assertThat(toast.getMaxY())
          .as("toast on the board at %s px", width)
          .isLessThan(scene(robot, ".status-bar").getMinY());
      onFx(() -> robot.lookup("#toast").query().setVisible(false));
    }
  }

  private void resize(double width, double height) {
    onFx(
        () -> {
          stage.setMinWidth(0);
          stage.setMinHeight(0);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Bounds scene(FxRobot robot, String query) {
    Node n = robot.lookup(query).query();
    return fx(() -> n.localToScene(n.getLayoutBounds()));
  }
}
