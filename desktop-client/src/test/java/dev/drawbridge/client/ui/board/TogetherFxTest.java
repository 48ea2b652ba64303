package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import dev.drawbridge.client.ui.app.NetworkSessionOpener;
import dev.drawbridge.client.ui.canvas.RemoteCursor;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.op.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Remote cursors, the people panel, the status bar and hosting, with hand-driven sessions. */
@ExtendWith(ApplicationExtension.class)
class TogetherFxTest extends FxBoardTestBase {
  private final FakeSharedSession shared = new FakeSharedSession();

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    // A colour none of the test's peers has (a fresh installation picks one at random).
    window.settings().save(window.settings().get().withColor("#1971c2"));
    window.setHostPort(0);
    window.showBoard(shared);
  }

  @Test
  void othersAppearWithCursorsNamesAndColours(FxRobot robot) {
    onFx(
        () ->
            shared.setPeers(
                List.of(
                    new Peer("me0000000001", "Me", "#6965db", "editor"),
                    new Peer("ann000000001", "Ann", "#e03131", "editor"),
                    new Peer("bo0000000001", "Bo", "#2f9e44", "viewer"))));
    robot.clickOn("#people-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    ListView<Peer> people = robot.lookup("#people-panel .list-view").queryAs(ListView.class);
    assertThat(people.getItems())
        .extracting(Peer::name)
        .containsExactly(window.settings().get().name(), "Ann", "Bo");
    assertThat(robot.lookup("#people-toggle").queryLabeled().getText()).isEqualTo("3");

    onFx(() -> shared.presence("ann000000001", new Cursor(10, 20)));
    assertThat(fx(() -> view().canvas().remoteCursors()))
        .containsExactly(new RemoteCursor("ann000000001", "Ann", "#e03131", null, 10, 20));
    onFx(() -> shared.presence("ann000000001", null));
    assertThat(fx(() -> view().canvas().remoteCursors())).isEmpty();
    // Someone who left takes their cursor along.
    onFx(() -> shared.presence("bo0000000001", new Cursor(0, 0)));
    onFx(() -> shared.setPeers(List.of(new Peer("ann000000001", "Ann", "#e03131", "editor"))));
    assertThat(fx(() -> view().canvas().remoteCursors())).isEmpty();
  }

  /**
   * Found by hand: joined as "Ben" with "root" still in the settings (a first join), the list said
   * "root (you)" while everyone else saw Ben; the settings learn the name only once the board has
   * connected, after the welcome's list of members has been shown.
   */
  @Test
  void theListNamesThisUserAsTheyJoinedNotAsTheSettingsStillSay(FxRobot robot) {
    var settings = window.settings().get();
    window
        .settings()
        .save(
            settings.withProfile("root", settings.color(), settings.theme(), settings.language()));
    shared.memberName = "Ben";
    onFx(() -> shared.setPeers(List.of(new Peer("ann000000001", "Ann", "#e03131", "editor"))));
    robot.clickOn("#people-toggle");
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    ListView<Peer> people = robot.lookup("#people-panel .list-view").queryAs(ListView.class);
    assertThat(people.getItems()).extracting(Peer::name).containsExactly("Ben", "Ann");
  }

  @Test
  void othersStrokesShowWhileTheyAreDrawn() {
    onFx(
        () -> {
          shared.board.applyRemote(
              1,
              "op1",
              new Op.AddElement(
                  Element.freehand(
                      "s1", ElementKind.STROKE, 0, 0, Points.of(0, 0), Style.DEFAULT, 1)));
          shared.board.applyRemote(2, "op2", new Op.AppendPoints("s1", Points.of(40, 0, 80, 0)));
          view().canvas().flush();
        });
    assertThat(elements())
        .singleElement()
        .satisfies(e -> assertThat(e.points().size()).isEqualTo(3));
    var shot = fx(() -> view().canvas().snapshot(null, null));
    double x = fx(() -> view().canvas().viewport().toScreenX(40));
    double y = fx(() -> view().canvas().viewport().toScreenY(0));
    assertThat(shot.getPixelReader().getColor((int) x, (int) y).getBrightness()).isLessThan(0.5);
  }

  @Test
  void theStatusBarSaysWhatTheConnectionIsDoing(FxRobot robot) {
    onFx(() -> shared.setState(new ConnectionState.Synced()));
    assertThat(robot.lookup("#status-text").queryLabeled().getText()).isEqualTo("Connected");
    robot.clickOn("#go-offline");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shared.offlines).isEqualTo(1);
    assertThat(robot.lookup("#status-room").queryLabeled().getText()).isEqualTo("team-room");
    onFx(
        () ->
            shared.setState(
                new ConnectionState.Reconnecting(3, Instant.now().plus(Duration.ofSeconds(20)))));
    assertThat(robot.lookup("#status-text").queryLabeled().getText())
        .matches("Connection lost, reconnecting in (19|20) s");
    robot.clickOn("#reconnect-now");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shared.reconnects).isEqualTo(1);
    onFx(
        () -> {
          shared.setState(new ConnectionState.Offline());
          shared.pending(4);
        });
    assertThat(robot.lookup("#status-text").queryLabeled().getText())
        .isEqualTo("Offline — 4 changes waiting to sync");
    onFx(
        () ->
            shared.setState(
                new ConnectionState.Failed(
                    ConnectionState.Failed.Kind.UNAUTHORIZED, "token refused")));
    assertThat(robot.lookup("#status-text").queryLabeled().getText())
        .isEqualTo("Sign-in failed: the server refused the token — 4 changes waiting to sync");
  }

  /** The view hands every position, in board units, to the session; the session throttles. */
  @Test
  void movingThePointerSharesItsBoardPosition(FxRobot robot) {
    robot.moveTo(screen(0, 0));
    robot.moveTo(screen(30, 30));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shared.sentCursors).isNotEmpty();
    Cursor last = shared.sentCursors.getLast();
    assertThat(last.x()).isCloseTo(30, within(1.0));
    assertThat(last.y()).isCloseTo(30, within(1.0));
  }

  /** Shows the start screen with an opener that records the form and hands back a fake. */
  private AtomicReference<JoinForm> startScreenRecordingJoins() {
    AtomicReference<JoinForm> joined = new AtomicReference<>();
    onFx(
        () -> {
          window.showStart();
          window.setOpener(
              (form, settings) -> {
                joined.set(form);
                return new FakeSharedSession();
              });
        });
    return joined;
  }

  @Test
  void hostingStartsARelayAndShowsTheAddressOthersJoin(FxRobot robot) {
    AtomicReference<JoinForm> joined = startScreenRecordingJoins();
    onFx(() -> window.host());
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fx(() -> window.hosted() != null));
    HostedRelay relay = fx(() -> window.hosted());
    // A new unguessable room, and the host joins its own relay with a token.
    assertThat(joined.get().roomUrl().toString())
        .matches("ws://127\\.0\\.0\\.1:" + relay.port() + "/v1/rooms/[a-z0-9]{14}");
    assertThat(joined.get().token()).isNotBlank();
    assertThat(fx(() -> view().editorLink()))
        .matches("drawbridge://[^/]+:" + relay.port() + "/[a-z0-9]{14}\\?plain&token=.+");
    assertThat(fx(() -> robot.lookup("#copy-invite").query().isVisible())).isTrue();
    onFx(() -> window.leaveBoard());
    assertThat(fx(() -> window.hosted())).isNull();
  }

  @Test
  void theHostNamesTheRoomAndANameTheRelayWouldRefuseIsExplained(FxRobot robot) {
    AtomicReference<JoinForm> joined = startScreenRecordingJoins();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !robot.lookup("#host-room").queryAll().isEmpty());
    assertThat(fx(() -> robot.lookup("#host-room").queryTextInputControl().getText()))
        .matches("[a-z0-9]{14}");

    onFx(() -> robot.lookup("#host-room").queryTextInputControl().setText("team room!"));
    robot.clickOn("#host-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(fx(() -> robot.lookup("#start-error").queryLabeled().getText()))
        .isEqualTo("The room name may use letters, digits, - and _ (up to 64).");
    assertThat(fx(() -> window.hosted())).isNull();
    assertThat(fx(() -> robot.lookup("#host-button").query().isDisabled())).isFalse();

    onFx(() -> robot.lookup("#host-room").queryTextInputControl().setText(" design-review "));
    robot.clickOn("#host-button");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fx(() -> window.hosted() != null && window.boardView() != null));
    HostedRelay relay = fx(() -> window.hosted());
    assertThat(joined.get().roomUrl().toString())
        .isEqualTo("ws://127.0.0.1:" + relay.port() + "/v1/rooms/design-review");
    assertThat(fx(() -> view().editorLink()))
        .matches("drawbridge://[^/]+:" + relay.port() + "/design-review\\?plain&token=.+");
    onFx(() -> window.leaveBoard());
  }

  @Test
  void aHostedBoardIsSharedWithSomeoneWhoJoinsIt(FxRobot robot) throws Exception {
    onFx(
        () -> {
          window.showStart();
          window.setOpener(
              new NetworkSessionOpener(
                  home, javafx.application.Platform::runLater, JavaWebSocketTransport::new));
          window.host();
        });
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fx(() -> window.hosted() != null && window.boardView() != null));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> fx(() -> view().status().textProperty().get()).equals("Connected"));
    drag(robot, -100, 0, 100, 40);
    assertThat(elements()).hasSize(1);

    // A second person joins with the invite link the host copies.
    robot.clickOn("#copy-invite");
    WaitForAsyncUtils.waitForFxEvents();
    String copied = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertThat(copied).isEqualTo(fx(() -> view().editorLink()));
    dev.drawbridge.client.invite.InviteLink link =
        dev.drawbridge.client.invite.InviteLink.parse(copied).orElseThrow();
    assertThat(link.tls()).isFalse();
    JoinForm form = new JoinForm("ws://127.0.0.1:" + link.port(), link.room(), "Bo", link.token());
    java.nio.file.Path otherHome = java.nio.file.Files.createDirectories(home.resolve("bo"));
    dev.drawbridge.client.sync.BoardSession bo =
        fx(
            () ->
                new NetworkSessionOpener(
                        otherHome,
                        javafx.application.Platform::runLater,
                        JavaWebSocketTransport::new)
                    .open(form, Settings.defaults()));
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> fx(() -> bo.board().view().visibleElements().size()) == 1);
      assertThat(fx(() -> bo.board().view().hash())).isEqualTo(fx(() -> board().view().hash()));
      // Bo shows up in the host's people panel.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> robot.lookup("#people-toggle").queryLabeled().getText().equals("2"));
    } finally {
      onFx(bo::close);
      onFx(() -> window.leaveBoard());
    }
  }

  @Test
  void aViewerCanLookButNotDraw(FxRobot robot) {
    onFx(
        () -> {
          shared.setState(new ConnectionState.Synced());
          view().setViewOnly(true);
        });
    drag(robot, -100, 0, 100, 0);
    assertThat(elements()).isEmpty();
    assertThat(robot.lookup("#status-text").queryLabeled().getText())
        .isEqualTo("Connected — view only");
    assertThat(robot.lookup("#toolbar").query().isDisabled()).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.V);
    assertThat(elements()).isEmpty();
  }
}
