package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.bench.BenchHistory;
import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.ui.history.HistoryModel;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A 100,000-op history in the panel: it loads in pages, and the scrubber jumps anywhere. */
@ExtendWith(ApplicationExtension.class)
class BigHistoryFxTest extends FxBoardTestBase {
  private static final List<HistoryOp> STORED = BenchHistory.ops(100_000);
  private final FakeSharedSession shared = new FakeSharedSession();
  private int pages;

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    shared.history =
        new HistorySource() {
          @Override
          public boolean available() {
            return true;
          }

          @Override
          public CompletableFuture<ServerMessage.History> page(long from, int limit) {
            pages++;
            int start = (int) Math.min(STORED.size(), from - 1);
            int end = Math.min(STORED.size(), start + limit);
            Long next = end < STORED.size() ? (long) end + 1 : null;
            return CompletableFuture.completedFuture(
                new ServerMessage.History(
                    from, null, STORED.subList(start, end), next, STORED.size()));
          }
        };
    window.showBoard(shared);
    shared.setState(new ConnectionState.Synced());
  }

  @Test
  void loadsInPagesAndTheScrubberJumpsAnywhere(FxRobot robot) {
    robot.clickOn("#history-button");
    WaitForAsyncUtils.waitForFxEvents();
    HistoryModel model = fx(() -> view().historyPanel().model());
    // Each page comes back through Platform.runLater: 50 of them.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> fx(() -> model.statusProperty().get()) == HistoryModel.Status.READY);
    assertThat(model.timeline().size()).isEqualTo(100_000);
    assertThat(pages).isEqualTo(50);

    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Node track = robot.lookup("#history-track").query();
    Bounds b = fx(() -> track.localToScreen(track.getBoundsInLocal()));
    for (double f : new double[] {0.5, 0.1, 0.9}) {
      onFx(
          () -> {
            glass.mouseMove(b.getMinX() + 8 + (b.getWidth() - 16) * f, b.getCenterY());
            glass.mouseClick(MouseButton.PRIMARY);
          });
      WaitForAsyncUtils.waitForFxEvents();
      int point = model.pointProperty().get();
      assertThat(point).isBetween(1, 99_999);
      assertThat(fx(() -> view().canvas().shownBoard().hash()))
          .isEqualTo(fx(() -> model.timeline().boardAt(point).hash()));
    }
    // The night off half way is a short break: the track is 10,000 s of drawing, not 22 hours.
    assertThat(model.scale().breakBefore(50_001)).isTrue();
    assertThat(model.scale().length()).isLessThan(10_100_000L);
    robot.clickOn("#history-now");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().canvas().showsPast())).isFalse();
  }
}
