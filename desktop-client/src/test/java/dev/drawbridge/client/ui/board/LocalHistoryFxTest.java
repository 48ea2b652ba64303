package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.ui.history.HistoryModel;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history panel on a fresh offline board: it keeps its own history, empty so far. */
@ExtendWith(ApplicationExtension.class)
class LocalHistoryFxTest extends FxBoardTestBase {
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  @Test
  void theZoomBarButtonOpensAnEmptyHistoryThatSaysWhy(FxRobot robot) {
    robot.clickOn("#history-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> robot.lookup("#history-panel").query().isVisible())).isTrue();
    HistoryModel model = fx(() -> view().historyPanel().model());
    assertThat(model.statusProperty().get()).isEqualTo(HistoryModel.Status.READY);
    assertThat(fx(() -> ((Label) robot.lookup("#history-status").query()).getText()))
        .isEqualTo("No changes yet");
    robot.clickOn("#history-back");
    robot.clickOn("#history-play");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().canvas().showsPast())).isFalse();
    robot.clickOn("#history-close");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> robot.lookup("#history-panel").query().isVisible())).isFalse();
  }
}
