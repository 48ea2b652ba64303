package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The history panel numbers its points by whole user actions (R129), as its step buttons move: on a
 * history without times (a relay before R116), "change n of N" counts a group move once.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryStepsFxTest extends FxBoardTestBase {
  private final FakeSharedSession shared = new FakeSharedSession();
  private final List<HistoryOp> stored = new ArrayList<>();

  private final HistorySource relay =
      new HistorySource() {
        @Override
        public boolean available() {
          return true;
        }

        @Override
        public CompletableFuture<ServerMessage.History> page(long from, int limit) {
          int start = (int) Math.min(stored.size(), from - 1);
          int end = Math.min(stored.size(), start + limit);
          return CompletableFuture.completedFuture(
              new ServerMessage.History(
                  from, null, List.copyOf(stored.subList(start, end)), null, stored.size()));
        }
      };

  /**
   * Ana adds four rectangles and moves three of them as one action of three ops, Ben adding one
   * while the relay sequences the move, then one more: nine ops, six steps. No op has a time.
   */
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    shared.history = relay;
    window.showBoard(shared);
    shared.setState(new ConnectionState.Synced());
    for (int i = 0; i < 4; i++) {
      relayOp(
          "op-r" + i,
          "ana0000001",
          new Op.AddElement(
              Element.shape("r" + i, ElementKind.RECTANGLE, i * 50, 0, 40, 30, Style.DEFAULT, 1)));
    }
    relayOp("mv:0:3", "ana0000001", move("r0"));
    relayOp(
        "op-b",
        "ben0000001",
        new Op.AddElement(
            Element.shape("b", ElementKind.RECTANGLE, 0, 200, 40, 30, Style.DEFAULT, 1)));
    relayOp("mv:1:3", "ana0000001", move("r1"));
    relayOp("mv:2:3", "ana0000001", move("r2"));
    relayOp("op-last", "ben0000001", move("b"));
  }

  private static Op move(String id) {
    return new Op.UpdateElement(id, ElementPatch.NONE.withPosition(300, 300));
  }

  private void relayOp(String id, String client, Op op) {
    HistoryOp h = new HistoryOp(stored.size() + 1, id, client, null, op);
    stored.add(h);
    onFx(() -> shared.sequenced(h));
  }

  private String atCursor(FxRobot robot) {
    return fx(() -> ((Label) robot.lookup("#history-at").query()).getText());
  }

  @Test
  void theChangeNumberCountsWholeActions(FxRobot robot) {
    robot.clickOn("#history-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().historyPanel().model().timeline().size())).isEqualTo(9);
    assertThat(atCursor(robot)).endsWith("change 6 of 6");

    robot.clickOn("#history-back");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(atCursor(robot)).endsWith("change 5 of 6");
    assertThat(fx(() -> ((Label) robot.lookup("#history-banner-text").query()).getText()))
        .contains("change 5 of 6");
    // One step back passes the whole move: the number goes down by one, as the step did.
    robot.push(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().historyPanel().model().pointProperty().get())).isEqualTo(4);
    assertThat(atCursor(robot)).endsWith("change 4 of 6");
    robot.clickOn("#history-close");
  }
}
