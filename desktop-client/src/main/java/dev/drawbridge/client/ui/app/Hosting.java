package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.host.LanAddress;
import dev.drawbridge.client.host.discovery.Announcement;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.board.BoardView;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.relay.auth.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board a window hosts: the relay started off the UI thread, the window joined to it with the
 * host's token, the invites handed to the board screen and, when asked, the board announced on the
 * local network. At most one at a time; a window showing another board or the start screen has
 * stopped it first. Called on the UI thread.
 */
final class Hosting {
  private static final Logger LOG = LoggerFactory.getLogger(Hosting.class);

  private final AppWindow window;
  private final Executor uiExecutor;
  private final HostedBoardAnnouncement announcement = new HostedBoardAnnouncement();
  private HostedRelay relay;
  private int port = HostedRelay.PREFERRED_PORT;

  Hosting(AppWindow window, Executor uiExecutor) {
    this.window = window;
    this.uiExecutor = uiExecutor;
  }

  /** The port tried first (0: any free port, as tests use). */
  void setPort(int port) {
    this.port = port;
  }

  /** The relay hosted now, or null. */
  HostedRelay relay() {
    return relay;
  }

  /** The board announced on the network now, or null (read from any thread). */
  Announcement announced() {
    return announcement.current();
  }

  /**
   * Starts a relay keeping its rooms in {@code dataDir}, then shows {@code room} on it and hands
   * the board screen to {@code whenOpen}; says in the window why when it cannot.
   */
  void start(Path dataDir, String room, boolean openToNetwork, Consumer<BoardView> whenOpen) {
    Thread starter =
        new Thread(
            () -> {
              try {
                HostedRelay started = HostedRelay.start(dataDir, port);
                String lan = LanAddress.find();
                uiExecutor.execute(() -> join(started, room, lan, openToNetwork, whenOpen));
              } catch (IOException | RuntimeException e) {
                LOG.warn("Could not start hosting", e);
                uiExecutor.execute(
                    () -> window.showError(window.messages().get("host.error.start")));
              }
            },
            "drawbridge-host-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void join(
      HostedRelay started,
      String room,
      String lanHost,
      boolean openToNetwork,
      Consumer<BoardView> whenOpen) {
    Settings s = window.settings().get();
    JoinForm form = new JoinForm(started.localUrl(), room, s.name(), started.hostToken(room));
    BoardSession shared;
    try {
      shared = window.opener().open(form, s);
    } catch (RuntimeException e) {
      LOG.warn("Could not join the hosted board", e);
      BackgroundClose.of(started);
      window.showError(
          window
              .messages()
              .get(
                  e instanceof UnsupportedOperationException
                      ? "host.error.unavailable"
                      : "host.error.start"));
      return;
    }
    // Showing a board stops what was hosted before, so the new relay is kept only after it.
    BoardView view = window.showBoard(shared);
    relay = started;
    view.setInvites(
        started.invite(lanHost, room, Role.EDITOR).toString(),
        started.invite(lanHost, room, Role.VIEWER).toString(),
        openToNetwork);
    if (openToNetwork) {
      announcement.start(
          started,
          room,
          lanHost,
          shared,
          s.name(),
          () ->
              uiExecutor.execute(
                  () -> window.showError(window.messages().get("host.error.announce"))));
    }
    whenOpen.accept(view);
  }

  /**
   * The question to ask before leaving the hosted board while guests are on {@code session}, or
   * null when there is nobody to leave behind.
   */
  String guestsQuestion(BoardSession session) {
    if (relay == null || session == null) {
      return null;
    }
    int guests = session.peers().size();
    return guests == 0 ? null : window.messages().get("leave.hosted", guests);
  }

  /** Ends the hosted board: the announcement says goodbye, the relay closes in the background. */
  void stop() {
    announcement.stop();
    if (relay != null) {
      BackgroundClose.of(relay);
      relay = null;
    }
  }

  /** Ends it as the app exits: the relay's writes finish before the JVM goes. */
  void stopNow() {
    announcement.stop();
    if (relay != null) {
      relay.close();
      relay = null;
    }
  }
}
