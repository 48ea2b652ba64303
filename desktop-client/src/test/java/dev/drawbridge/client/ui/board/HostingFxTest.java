package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.host.HostSecret;
import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.host.discovery.NetworkBoard;
import dev.drawbridge.client.invite.InviteLink;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import dev.drawbridge.client.ui.app.AppWindow;
import dev.drawbridge.client.ui.app.NetworkSessionOpener;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.relay.auth.TokenSecrets;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Host on this computer" for real: the hosted relay with tokens, invite and view-only links, a
 * guest without a token, and "Boards on your network" between two app windows (discovery over a
 * real multicast interface, as in DiscoveryTest).
 */
@ExtendWith(ApplicationExtension.class)
class HostingFxTest extends FxBoardTestBase {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The second person's window, when a test opens one. */
  private AppWindow guest;

  private Stage guestStage;

  @Start
  void start(Stage stage) {
    openWindow(stage);
    window.setHostPort(0);
    window.setOpener(
        new NetworkSessionOpener(home, Platform::runLater, JavaWebSocketTransport::new));
  }

  @AfterEach
  void closeGuest() {
    if (guestStage != null) {
      onFx(() -> guestStage.hide());
    }
    if (window != null) {
      onFx(() -> window.leaveBoard());
    }
  }

  /** Hosts a board from the start screen and waits until the host is connected to it. */
  private void hostFromStartScreen(FxRobot robot, boolean openToNetwork) {
    onFx(() -> window.showStart());
    Awaitility.await().atMost(WAIT).until(() -> !robot.lookup("#host-button").queryAll().isEmpty());
    if (openToNetwork) {
      robot.clickOn("#host-open");
    }
    robot.clickOn("#host-button");
    untilOnFx(() -> window.hosted() != null && window.boardView() != null);
    untilOnFx(() -> view().status().textProperty().get().equals("Connected"));
  }

  /**
   * A second app window with its own home, placed beside the host's (within the 1000×1000 screen).
   */
  private AppWindow openGuestWindow(boolean discovery) throws Exception {
    Path guestHome = Files.createDirectories(home.resolve("guest"));
    return fx(
        () -> {
          guestStage = new Stage();
          AppWindow w =
              new AppWindow(
                  guestStage,
                  new SettingsStore(guestHome),
                  900,
                  700,
                  new NetworkSessionOpener(
                      guestHome, Platform::runLater, JavaWebSocketTransport::new),
                  Platform::runLater);
          w.setDiscovery(discovery);
          w.showStart();
          guestStage.setX(0);
          guestStage.setY(0);
          guestStage.show();
          guestStage.toFront();
          guest = w;
          return w;
        });
  }

  /** Joins {@code link} in the guest's window as the start screen would. */
  private void guestJoins(String link) {
    InviteLink invite = InviteLink.parse(link).orElseThrow();
    // The LAN address may not route back to this machine in a container: the same relay on
    // loopback.
    JoinForm form =
        new JoinForm("ws://127.0.0.1:" + invite.port(), invite.room(), "Bo", invite.token());
    onFx(() -> guest.join(form));
  }

  /** Waits until {@code condition}, read on the FX thread, holds. */
  private static void untilOnFx(java.util.function.BooleanSupplier condition) {
    Awaitility.await().atMost(WAIT).until(() -> fx(condition::getAsBoolean));
  }

  private String hostPeopleCount() {
    return fx(
        () -> ((javafx.scene.control.Labeled) view().root().lookup("#people-toggle")).getText());
  }

  private String guestStatus() {
    return fx(
        () -> guest.boardView() == null ? "" : guest.boardView().status().textProperty().get());
  }

  @Test
  void theHostsSecretIsStrongPrivateAndKeptAcrossRestarts(FxRobot robot) throws Exception {
    hostFromStartScreen(robot, false);
    Path secretFile = home.resolve("hosted").resolve(HostSecret.FILE_NAME);
    String secret = Files.readString(secretFile).strip();
    assertThat(TokenSecrets.weakness(secret)).isEmpty();
    if (Files.getFileStore(secretFile).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
          .isEqualTo("rw-------");
    }
    String firstLink = fx(() -> view().editorLink());
    onFx(() -> window.leaveBoard());
    untilOnFx(() -> window.hosted() == null);

    // Hosting again uses the same secret: the link made before still opens its board.
    hostFromStartScreen(robot, false);
    assertThat(Files.readString(secretFile).strip()).isEqualTo(secret);
    openGuestWindow(false);
    // The test hosts on any free port (the app keeps 7464 when it is free): same room and token.
    InviteLink old = InviteLink.parse(firstLink).orElseThrow();
    int port = fx(() -> window.hosted().port());
    guestJoins(new InviteLink(old.host(), port, false, old.room(), old.token()).toString());
    Awaitility.await().atMost(WAIT).until(() -> guestStatus().equals("Connected"));
  }

  @Test
  void aGuestWithoutATokenCannotJoinAndIsNotShownAsConnected(FxRobot robot) throws Exception {
    hostFromStartScreen(robot, false);
    InviteLink link = InviteLink.parse(fx(() -> view().editorLink())).orElseThrow();
    openGuestWindow(false);
    guestJoins(link.withToken(null).toString());
    // The relay answers the handshake with 401 (R2, R76): the guest never gets in.
    untilOnFx(
        () ->
            guest.boardView() != null
                && guest.boardView().session().state() instanceof ConnectionState.Failed);
    BoardSession session = fx(() -> guest.boardView().session());
    assertThat(fx(session::state))
        .isInstanceOfSatisfying(
            ConnectionState.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(ConnectionState.Failed.Kind.INVITATION_NEEDED));
    assertThat(guestStatus()).isNotEqualTo("Connected");
    // And the host's board has nobody else on it.
    assertThat(hostPeopleCount()).isEqualTo("1");
    // A token for another room of the same relay is refused the same way.
    guestJoins(
        new InviteLink("127.0.0.1", link.port(), false, HostedRelay.newRoom(), link.token())
            .toString());
    untilOnFx(() -> guest.boardView().session().state() instanceof ConnectionState.Failed);
  }

  @Test
  void aViewOnlyLinkShowsTheBoardWithToolsDisabledAndSaysWhy(FxRobot robot) throws Exception {
    hostFromStartScreen(robot, false);
    drag(robot, -100, 0, 100, 40);
    robot.clickOn("#copy-view-link");
    WaitForAsyncUtils.waitForFxEvents();
    String copied = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
    assertThat(copied)
        .isEqualTo(fx(() -> view().viewerLink()))
        .isNotEqualTo(fx(() -> view().editorLink()));
    openGuestWindow(false);
    guestJoins(copied);
    Awaitility.await().atMost(WAIT).until(() -> guestStatus().equals("Connected — view only"));
    BoardView guestView = fx(() -> guest.boardView());
    untilOnFx(() -> guestView.session().board().view().visibleElements().size() == 1);
    Node toolbar = fx(() -> guestView.root().lookup("#toolbar"));
    Node banner = fx(() -> guestView.root().lookup("#view-only-banner"));
    assertThat(fx(toolbar::isDisabled)).isTrue();
    assertThat(fx(banner::isVisible)).isTrue();
    assertThat(fx(() -> ((javafx.scene.control.Label) banner).getText()))
        .startsWith("View only — ")
        .contains("invite link");
    // The host's own board says nothing of the sort.
    assertThat(fx(() -> view().root().lookup("#view-only-banner").isVisible())).isFalse();
  }

  @Test
  void anOpenBoardIsListedOnTheNetworkAndJoinsWithAClick(FxRobot robot) throws Exception {
    dev.drawbridge.client.host.discovery.MulticastInterfaceAccess.require();
    // The app announces and browses on its LAN address, never on loopback.
    boolean lan = !"localhost".equals(dev.drawbridge.client.host.LanAddress.find());
    if (!lan && System.getenv("CI") != null) {
      throw new AssertionError("no LAN address with multicast for discovery");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(lan, "no LAN address");
    hostFromStartScreen(robot, true);
    assertThat(fx(() -> robot.lookup("#open-badge").query().isVisible())).isTrue();
    String room = InviteLink.parse(fx(() -> view().editorLink())).orElseThrow().room();
    Awaitility.await().atMost(WAIT).until(() -> window.announced() != null);

    openGuestWindow(true);
    Node entry =
        Awaitility.await()
            .atMost(WAIT)
            .until(
                () -> fx(() -> guest.startView().root().lookup("#network-board-" + room)),
                java.util.Objects::nonNull);
    assertThat(fx(() -> ((javafx.scene.control.Hyperlink) entry).getText()))
        .contains(room)
        .contains(window.settings().get().name())
        .endsWith("1 person");
    onFx(() -> ((javafx.scene.control.Hyperlink) entry).fire());
    Awaitility.await().atMost(WAIT).until(() -> guestStatus().equals("Connected"));
    // The host's people count follows, on the screen and in the announcement.
    Awaitility.await().atMost(WAIT).until(() -> hostPeopleCount().equals("2"));
    Awaitility.await().atMost(WAIT).until(() -> window.announced().people() == 2);

    // Hosting stops (the guest is still there, so the leave guard asks first): the announcement
    // goes with it.
    onFx(() -> window.leaveBoard());
    onFx(
        () ->
            ((javafx.scene.control.Button) window.scene().getRoot().lookup("#leave-confirm"))
                .fire());
    Awaitility.await().atMost(WAIT).until(() -> window.announced() == null);
  }

  @Test
  void aListedBoardWhoseHostIsGoneSaysSoInsteadOfOpening(FxRobot robot) throws Exception {
    openGuestWindow(false);
    int deadPort;
    try (ServerSocket s = new ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    NetworkBoard gone =
        new NetworkBoard("gone", "gone-board", "Ann", 2, "127.0.0.1", deadPort, null);
    onFx(() -> guest.startView().showNetworkBoards(List.of(gone)));
    onFx(
        () ->
            ((javafx.scene.control.Hyperlink)
                    guest.startView().root().lookup("#network-board-gone-board"))
                .fire());
    untilOnFx(
        () ->
            String.valueOf(
                    ((javafx.scene.control.Label) guest.startView().root().lookup("#start-error"))
                        .getText())
                .contains("no longer answers at 127.0.0.1:" + deadPort));
    assertThat(fx(() -> guest.boardView())).isNull();
  }
}
