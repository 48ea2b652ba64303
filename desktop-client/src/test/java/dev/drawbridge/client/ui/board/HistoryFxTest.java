package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.history.HistoryUnavailableException;
import dev.drawbridge.client.history.PastActions;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.ui.history.HistoryModel;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history panel on a shared board whose relay keeps history (issue 17). */
@ExtendWith(ApplicationExtension.class)
class HistoryFxTest extends FxBoardTestBase {
  private static final long T0 = 1_764_000_000_000L;
  private final FakeSharedSession shared = new FakeSharedSession();
  private final List<HistoryOp> stored = new ArrayList<>();
  private boolean relayDown;

  /** The relay: its stored ops a page at a time, or "not connected". */
  private final HistorySource relay =
      new HistorySource() {
        @Override
        public boolean available() {
          return true;
        }

        @Override
        public CompletableFuture<ServerMessage.History> page(long from, int limit) {
          if (relayDown) {
            return CompletableFuture.failedFuture(new HistoryUnavailableException("offline"));
          }
          int start = (int) Math.min(stored.size(), from - 1);
          int end = Math.min(stored.size(), start + limit);
          return CompletableFuture.completedFuture(
              new ServerMessage.History(
                  from, null, List.copyOf(stored.subList(start, end)), null, stored.size()));
        }
      };

  /** Ten rectangles in a row, r0 at x 0 … r9 at x 450, one every 2 s by two people. */
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    shared.history = relay;
    window.showBoard(shared);
    shared.setState(new ConnectionState.Synced());
    for (int i = 0; i < 10; i++) {
      relayOp(rect("r" + i, i * 50 - 250));
    }
  }

  private static Op rect(String id, double x) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, x, -15, 40, 30, Style.DEFAULT, 1));
  }

  /** An op the relay sequences now: stored, on the board, heard by the view. */
  private void relayOp(Op op) {
    long seq = stored.size() + 1;
    HistoryOp h =
        new HistoryOp(
            seq, "op-" + seq, seq % 2 == 0 ? "ben0000001" : "ana0000001", T0 + 2_000 * seq, op);
    stored.add(h);
    onFx(() -> shared.sequenced(h));
  }

  private HistoryModel model() {
    return fx(() -> view().historyPanel().model());
  }

  private BoardState shown() {
    return fx(() -> view().canvas().shownBoard());
  }

  private boolean shows(String id) {
    return fx(
        () -> {
          Element e = view().canvas().shownBoard().get(id);
          return e != null && !e.deleted();
        });
  }

  private void openWithShortcut(FxRobot robot) {
    onFx(() -> view().canvas().requestFocus());
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Node node(FxRobot robot, String query) {
    return robot.lookup(query).query();
  }

  private String text(FxRobot robot, String query) {
    return fx(() -> ((Label) node(robot, query)).getText());
  }

  /** Presses the scrubber at fraction {@code f} of its width. */
  private void scrubTo(FxRobot robot, double f) {
    javafx.scene.robot.Robot glass = fx(javafx.scene.robot.Robot::new);
    Node track = node(robot, "#history-track");
    Bounds b = fx(() -> track.localToScreen(track.getBoundsInLocal()));
    double x = b.getMinX() + 8 + (b.getWidth() - 16) * f;
    onFx(
        () -> {
          glass.mouseMove(x, b.getCenterY());
          glass.mouseClick(MouseButton.PRIMARY);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theShortcutOpensThePanelAndScrubbingShowsThePastReadOnly(FxRobot robot) {
    openWithShortcut(robot);
    assertThat(fx(() -> node(robot, "#history-panel").isVisible())).isTrue();
    assertThat(model().statusProperty().get()).isEqualTo(HistoryModel.Status.READY);
    assertThat(model().timeline().size()).isEqualTo(10);
    assertThat(fx(() -> view().canvas().showsPast())).isFalse();

    scrubTo(robot, 0.35);
    int point = model().pointProperty().get();
    assertThat(point).isBetween(3, 5);
    assertThat(fx(() -> view().canvas().showsPast())).isTrue();
    for (int i = 0; i < 10; i++) {
      assertThat(shows("r" + i)).as("r" + i).isEqualTo(i < point);
    }
    assertThat(elements()).hasSize(10); // the live board is untouched
    assertThat(fx(() -> node(robot, "#history-banner").isVisible())).isTrue();
    assertThat(text(robot, "#history-banner-text"))
        .startsWith("Viewing the board as it was at")
        .endsWith("— read-only");
    assertThat(text(robot, "#history-at")).startsWith(point % 2 == 0 ? "ben00000" : "ana00000");

    // Read-only: tools are off and a drag draws nothing, Delete deletes nothing.
    assertThat(fx(() -> node(robot, "#tool-PEN").isDisabled())).isTrue();
    onFx(() -> view().model().toolProperty().set(dev.drawbridge.client.ui.tool.ToolKind.PEN));
    drag(robot, -200, 150, 100, 200);
    robot.push(KeyCode.DELETE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(elements()).hasSize(10);

    // Esc: back to now.
    robot.push(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().canvas().showsPast())).isFalse();
    assertThat(fx(() -> node(robot, "#history-banner").isVisible())).isFalse();
    assertThat(fx(() -> node(robot, "#tool-PEN").isDisabled())).isFalse();
    assertThat(shows("r9")).isTrue();
  }

  @Test
  void stepButtonsAndArrowKeysMoveOneChange(FxRobot robot) {
    openWithShortcut(robot);
    robot.clickOn("#history-back");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model().pointProperty().get()).isEqualTo(9);
    assertThat(shows("r9")).isFalse();
    assertThat(shows("r8")).isTrue();
    // The panel has the focus after a click on it: ← and → step.
    robot.push(KeyCode.LEFT);
    robot.push(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model().pointProperty().get()).isEqualTo(7);
    assertThat(shows("r7")).isFalse();
    robot.push(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model().pointProperty().get()).isEqualTo(8);
    assertThat(shows("r7")).isTrue();
    robot.clickOn("#history-forward");
    robot.clickOn("#history-forward");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model().inPastProperty().get()).isFalse();
    assertThat(fx(() -> view().canvas().showsPast())).isFalse();
  }

  @Test
  void playbackReplaysTheChangesFrameByFrame(FxRobot robot) {
    openWithShortcut(robot);
    robot.clickOn("#history-speed");
    robot.clickOn("#history-speed");
    assertThat(model().speedProperty().get()).isEqualTo(4);
    // Frames with made-up times, all in one go on the FX thread (the panel's own timer never
    // runs in between): 0.5 s at 4× is 2 s of the board's time, one change.
    List<Integer> points = new ArrayList<>();
    onFx(
        () -> {
          HistoryModel m = view().historyPanel().model();
          m.play();
          points.add(m.pointProperty().get());
          long t = 10_000_000_000L;
          m.frame(t);
          for (int i = 0; i < 5; i++) {
            t += 100_000_000L;
            m.frame(t);
          }
          points.add(m.pointProperty().get());
          m.pause();
        });
    assertThat(points).containsExactly(0, 1);
    assertThat(shows("r0")).isTrue();
    assertThat(shows("r1")).isFalse();
    assertThat(model().playingProperty().get()).isFalse();
  }

  @Test
  void liveOpsArrivingWhileInThePastExtendTheTimelineAndStayOffTheCanvas(FxRobot robot) {
    openWithShortcut(robot);
    onFx(() -> view().historyPanel().model().seek(3));
    relayOp(rect("late", 300));
    relayOp(new Op.DeleteElement("r0"));
    assertThat(model().timeline().size()).isEqualTo(12);
    assertThat(model().scale().points()).isEqualTo(13);
    assertThat(model().pointProperty().get()).isEqualTo(3);
    assertThat(shows("late")).isFalse();
    assertThat(shows("r0")).isTrue();
    assertThat(fx(() -> board().view().get("late"))).isNotNull();

    robot.clickOn("#history-banner-now");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shows("late")).isTrue();
    assertThat(shows("r0")).isFalse();
    assertThat(model().pointProperty().get()).isEqualTo(12);
  }

  @Test
  void pastElementsCanBeSelectedAndCopied(FxRobot robot) {
    List<Collection<String>> copied = new ArrayList<>();
    onFx(
        () ->
            view()
                .setPastActions(
                    new PastActions() {
                      @Override
                      public void restore(BoardState past) {}

                      @Override
                      public void copy(BoardState past, Collection<String> ids) {
                        copied.add(ids);
                      }
                    }));
    openWithShortcut(robot);
    assertThat(fx(() -> node(robot, "#history-copy").isDisabled())).isTrue();
    relayOp(new Op.DeleteElement("r0"));
    onFx(() -> view().historyPanel().model().seek(5));
    click(robot, -250, 0); // the edge of r0 (not filled), deleted now, there in the past
    assertThat(fx(() -> view().model().selection().ordered())).containsExactly("r0");
    assertThat(fx(() -> node(robot, "#history-copy").isDisabled())).isFalse();
    robot.clickOn("#history-copy");
    assertThat(copied).containsExactly(List.of("r0"));
    // Ctrl+C on the past copies the past too.
    robot.push(KeyCode.CONTROL, KeyCode.C);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(copied).hasSize(2);
    // Nobody else sees a selection of elements that are not on the board.
    assertThat(shared.sentPresences.getLast().selection()).isEmpty();
  }

  @Test
  void restoreThroughTheBoardsOwnActionsBringsThePastBackAndShowsNow(FxRobot robot) {
    List<Integer> asked = new ArrayList<>();
    onFx(() -> view().pastActions().setConfirmation(n -> asked.add(n) && false));
    openWithShortcut(robot);
    onFx(() -> view().historyPanel().model().seek(7));
    robot.clickOn("#history-restore");
    WaitForAsyncUtils.waitForFxEvents();
    // Asked, and cancelled: nothing changed and the past is still shown.
    assertThat(asked).containsExactly(3);
    assertThat(model().inPastProperty().get()).isTrue();
    assertThat(elements()).hasSize(10);

    onFx(() -> view().pastActions().setConfirmation(n -> true));
    robot.clickOn("#history-restore");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model().inPastProperty().get()).isFalse();
    assertThat(elements())
        .extracting(Element::id)
        .containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4", "r5", "r6");
  }

  @Test
  void withoutAConnectionThePanelSaysSoAndLoadsOnceBack(FxRobot robot) {
    relayDown = true;
    openWithShortcut(robot);
    assertThat(model().statusProperty().get()).isEqualTo(HistoryModel.Status.FAILED);
    assertThat(text(robot, "#history-status")).isEqualTo("History needs a connection");
    assertThat(fx(() -> node(robot, "#history-play").isDisabled())).isTrue();
    relayDown = false;
    onFx(() -> shared.setState(new ConnectionState.Reconnecting(1, java.time.Instant.now())));
    onFx(() -> shared.setState(new ConnectionState.Synced()));
    assertThat(model().statusProperty().get()).isEqualTo(HistoryModel.Status.READY);
    assertThat(text(robot, "#history-status")).isEmpty();
    // The menu item closes and opens it too.
    robot.clickOn("#main-menu");
    robot.clickOn("#menu-history");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> node(robot, "#history-panel").isVisible())).isFalse();
  }
}
