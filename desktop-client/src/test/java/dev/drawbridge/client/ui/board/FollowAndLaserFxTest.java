package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.client.ui.canvas.RemoteDraft;
import dev.drawbridge.client.ui.canvas.RemoteSelection;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.message.TextDraft;
import dev.drawbridge.protocol.message.ViewCentre;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Seeing others work (R88–R92): selections, drafts, following, presenting and the laser. */
@ExtendWith(ApplicationExtension.class)
class FollowAndLaserFxTest extends FxBoardTestBase {
  private static final String ANN = "ann000000001";
  private static final String BO = "bo0000000001";
  private final FakeSharedSession shared = new FakeSharedSession();

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    window.settings().save(window.settings().get().withColor("#1971c2"));
    window.setHostPort(0);
    window.showBoard(shared);
  }

  private void twoPeers() {
    onFx(
        () ->
            shared.setPeers(
                List.of(
                    new Peer(ANN, "Ann", "#e03131", "editor"),
                    new Peer(BO, "Bo", "#2f9e44", "editor"))));
  }

  private static ServerMessage.PresenceBroadcast presence(
      String id, ViewCentre view, boolean presenting) {
    return new ServerMessage.PresenceBroadcast(id, null, List.of(), view, presenting, null, null);
  }

  private void awaitView(double x, double y, double zoom) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ViewCentre c = fx(() -> view().canvas().viewCentre());
              assertThat(c.x()).isCloseTo(x, within(2.0));
              assertThat(c.y()).isCloseTo(y, within(2.0));
              assertThat(c.zoom()).isCloseTo(zoom, within(0.01));
            });
  }

  @Test
  void othersSelectionsAndDraftsAreDrawnInTheirColour() {
    twoPeers();
    addRectangle("r1", 100, 100, 120, 80);
    onFx(
        () ->
            shared.presence(
                new ServerMessage.PresenceBroadcast(
                    ANN,
                    new Cursor(10, 10),
                    List.of("r1", "unknown-id"),
                    null,
                    null,
                    null,
                    new TextDraft(null, 300, 300, 20, "Hello"))));
    assertThat(fx(() -> view().canvas().remoteSelections()))
        .containsExactly(new RemoteSelection(ANN, "Ann", "#e03131", List.of("r1", "unknown-id")));
    assertThat(fx(() -> view().canvas().remoteDrafts()))
        .containsExactly(new RemoteDraft(ANN, "Ann", "#e03131", null, 300, 300, 20, "Hello"));
    onFx(() -> view().canvas().flush());
    // Ann's red frame a few pixels outside the rectangle's left edge.
    var shot = fx(() -> view().canvas().snapshot(null, null));
    int x = (int) Math.round(fx(() -> view().canvas().viewport().toScreenX(100)));
    int y = (int) Math.round(fx(() -> view().canvas().viewport().toScreenY(140)));
    boolean red = false;
    for (int dx = 2; dx <= 12; dx++) {
      Color c = shot.getPixelReader().getColor(x - dx, y);
      red |= c.getRed() > 0.7 && c.getGreen() < 0.4 && c.getBlue() < 0.4;
    }
    assertThat(red).as("a red frame left of the rectangle").isTrue();
    // A presence without them takes them away (R92).
    onFx(() -> shared.presence(presence(ANN, null, false)));
    assertThat(fx(() -> view().canvas().remoteSelections())).isEmpty();
    assertThat(fx(() -> view().canvas().remoteDrafts())).isEmpty();
  }

  @Test
  void clickingAPersonFollowsTheirViewAndPanningStopsIt(FxRobot robot) {
    twoPeers();
    onFx(() -> shared.presence(presence(ANN, new ViewCentre(600, -250, 2), false)));
    robot.clickOn("#people-toggle");
    robot.clickOn("#person-" + ANN);
    awaitView(600, -250, 2);
    assertThat(robot.lookup("#follow-bar").query().isVisible()).isTrue();
    assertThat(robot.lookup("#follow-text").queryLabeled().getText()).isEqualTo("Following Ann");
    // Ann moves on: the view goes along.
    onFx(() -> shared.presence(presence(ANN, new ViewCentre(-100, 50, 0.5), false)));
    awaitView(-100, 50, 0.5);
    // This user's view is shared too, as it glides (R88).
    assertThat(shared.sentPresences.getLast().view()).isNotNull();

    // A pan of one's own stops following.
    onFx(() -> view().canvas().fireEvent(scroll(40)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().follow().leader())).isNull();
    assertThat(robot.lookup("#follow-bar").query().isVisible()).isFalse();
    ViewCentre after = fx(() -> view().canvas().viewCentre());
    onFx(() -> shared.presence(presence(ANN, new ViewCentre(900, 900, 1), false)));
    WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
    assertThat(fx(() -> view().canvas().viewCentre())).isEqualTo(after);

    // Following again, and the bar's Stop.
    robot.clickOn("#person-" + ANN);
    awaitView(900, 900, 1);
    robot.clickOn("#follow-stop");
    assertThat(fx(() -> view().follow().leader())).isNull();
  }

  @Test
  void aPresenterIsFollowedUntilLeftAndDoesNotPullBack(FxRobot robot) {
    twoPeers();
    onFx(() -> shared.presence(presence(BO, new ViewCentre(400, 400, 1.5), true)));
    awaitView(400, 400, 1.5);
    assertThat(robot.lookup("#follow-text").queryLabeled().getText()).isEqualTo("Following Bo");
    robot.clickOn("#follow-stop");
    // Bo keeps presenting and moving: this user left, and stays out (R89).
    for (int i = 0; i < 20; i++) {
      int k = i;
      onFx(() -> shared.presence(presence(BO, new ViewCentre(k, k, 1), true)));
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> view().follow().leader())).isNull();
    // Presenting oneself: nobody is followed, and the room is told.
    robot.clickOn("#people-toggle");
    robot.clickOn("#present-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shared.sentPresences.getLast().asksToFollow()).isTrue();
    onFx(() -> shared.presence(presence(ANN, new ViewCentre(1, 1, 1), true)));
    assertThat(fx(() -> view().follow().leader())).isNull();
    robot.clickOn("#present-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shared.sentPresences.getLast().asksToFollow()).isFalse();
  }

  @Test
  void theLaserTrailIsSharedDrawnAndGoneInAboutASecond(FxRobot robot) {
    Point2D centre = screenInWindow(0, 0);
    robot.moveTo(centre);
    robot.type(KeyCode.K);
    assertThat(fx(() -> view().model().toolProperty().get())).isEqualTo(ToolKind.LASER);
    int before = shared.sentPresences.size();
    drag(robot, -100, -50, 100, 50);
    assertThat(fx(() -> view().canvas().laserPointCount())).isGreaterThan(3);
    List<ClientMessage.Presence> sent =
        shared.sentPresences.subList(before, shared.sentPresences.size());
    assertThat(sent.stream().filter(p -> p.laser() != null).mapToInt(p -> p.laser().size()).sum())
        .isGreaterThan(3);
    // Nothing of it is on the board, in the history or waiting to be sent.
    assertThat(elements()).isEmpty();
    assertThat(fx(() -> board().canUndo())).isFalse();
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> fx(() -> view().canvas().laserPointCount()) == 0);

    // Someone else's trail: drawn in their colour, then gone.
    twoPeers();
    onFx(
        () ->
            shared.presence(
                new ServerMessage.PresenceBroadcast(
                    ANN, null, List.of(), null, null, Points.of(0, 0, 40, 0, 80, 0), null)));
    onFx(() -> view().canvas().flush());
    var shot = fx(() -> view().canvas().snapshot(null, null));
    double x = fx(() -> view().canvas().viewport().toScreenX(40));
    double y = fx(() -> view().canvas().viewport().toScreenY(0));
    Color c = shot.getPixelReader().getColor((int) Math.round(x), (int) Math.round(y));
    assertThat(c.getRed()).isGreaterThan(0.6);
    assertThat(c.getGreen()).isLessThan(0.5);
    Awaitility.await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> fx(() -> view().canvas().laserPointCount()) == 0);
  }

  private static javafx.scene.input.ScrollEvent scroll(double dy) {
    return new javafx.scene.input.ScrollEvent(
        javafx.scene.input.ScrollEvent.SCROLL,
        100,
        100,
        100,
        100,
        false,
        false,
        false,
        false,
        false,
        false,
        0,
        dy,
        0,
        dy,
        javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE,
        0,
        javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE,
        0,
        0,
        null);
  }
}
