package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Found by hand: the history panel's title and buttons touched its edges. The islands' 4 px from
 * the stylesheet won over the padding set in code; islands of text and buttons now get theirs from
 * the stylesheet too.
 */
@ExtendWith(ApplicationExtension.class)
class IslandPaddingFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private double leftPadding(FxRobot robot, String id) {
    Region island = robot.lookup(id).queryAs(Region.class);
    return fx(
        () -> {
          island.applyCss();
          return island.getPadding().getLeft();
        });
  }

  @Test
  void islandsOfTextAndButtonsHaveRoomInside(FxRobot robot) {
    assertThat(leftPadding(robot, "#history-panel")).isGreaterThanOrEqualTo(10);
    assertThat(leftPadding(robot, "#view-only-banner")).isGreaterThanOrEqualTo(10);
    assertThat(leftPadding(robot, "#leave-guard")).isGreaterThanOrEqualTo(12);
  }
}
