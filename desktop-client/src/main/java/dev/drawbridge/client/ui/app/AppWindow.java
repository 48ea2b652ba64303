package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.host.discovery.Announcement;
import dev.drawbridge.client.host.discovery.NetworkBoard;
import dev.drawbridge.client.instance.SingleInstance;
import dev.drawbridge.client.invite.InviteLink;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.sync.UnsentBoards;
import dev.drawbridge.client.ui.board.BoardView;
import dev.drawbridge.client.ui.board.Shell;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.settings.SettingsDialog;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.client.ui.start.StartView;
import dev.drawbridge.client.update.UpdateCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: shows the start screen or a board, and owns the open session. Everything the
 * screens ask of the window (navigation, files, settings) goes through here.
 */
public final class AppWindow implements Shell, StartView.Actions {
  private static final Logger LOG = LoggerFactory.getLogger(AppWindow.class);

  /** The app icon (512 px; window managers scale it), also in src/packaging for the installers. */
  static final java.net.URL APP_ICON = AppWindow.class.getResource("drawbridge.png");

  private final Stage stage;
  private final SettingsStore settings;
  private SessionOpener opener;
  private final Executor uiExecutor;
  private boolean discovery = !Boolean.getBoolean("drawbridge.noDiscovery");

  private final NetworkBoardsWatch networkBoards;
  private final Hosting hosting;
  private final OfflineBoards offline;
  private final Messages messages;
  private final Scene scene;
  private StartView startView;
  private BoardView boardView;
  private BoardSession session;

  /** Release notices for the start screen; null until {@link #checkForUpdates} is called. */
  private UpdateNotices updates;

  /** The room of the open shared board, as joined; null for none. */
  private JoinForm joined;

  /**
   * The last join form sent, kept for the start screen: after "Back" from a board that never
   * connected (a typo in the address) it is corrected, not typed again. Only what connected is
   * remembered across launches (issue 14).
   */
  private JoinForm lastTried;

  public AppWindow(Stage stage, SettingsStore settings, double width, double height) {
    this(stage, settings, width, height, SessionOpener.UNAVAILABLE, Platform::runLater);
  }

  /**
   * @param opener opens shared boards (the sync layer)
   * @param uiExecutor runs work from background threads on the UI thread
   */
  public AppWindow(
      Stage stage,
      SettingsStore settings,
      double width,
      double height,
      SessionOpener opener,
      Executor uiExecutor) {
    this.stage = stage;
    this.settings = settings;
    this.opener = opener;
    this.uiExecutor = uiExecutor;
    this.networkBoards = new NetworkBoardsWatch(uiExecutor);
    this.hosting = new Hosting(this, uiExecutor);
    this.messages = new Messages(Messages.localeFor(settings.get().language()));
    useLanguage(settings.get().language());
    // JavaFX picks the UI's fonts for the language it starts in; a switch names them (UiFonts).
    Theme.apply(settings.get().theme(), null);
    this.scene = new Scene(new javafx.scene.layout.Pane(), width, height);
    scene.getStylesheets().add(AppWindow.class.getResource("/app.css").toExternalForm());
    stage.setScene(scene);
    stage.titleProperty().bind(messages.bind("app.title"));
    // The window's own icon (task bars, Alt+Tab); the installers' icon only reaches menus.
    stage.getIcons().add(new javafx.scene.image.Image(APP_ICON.toExternalForm()));
    // Closing the window while hosting with guests ends the board for them: ask first.
    stage.setOnCloseRequest(
        e -> {
          String question = hosting.guestsQuestion(session);
          if (question != null && boardView != null) {
            e.consume();
            boardView.askBeforeLeaving(question, messages.get("leave.endBoard"), stage::hide);
          }
        });
    stage.setOnHidden(
        e -> {
          closeSession();
          networkBoards.stop();
          // The app exits next: say goodbye on the network (a non-daemon thread finishes it) and
          // finish the relay's writes before the JVM goes.
          hosting.stopNow();
        });
    this.offline = new OfflineBoards(this);
    showStart();
  }

  @Override
  public Messages messages() {
    return messages;
  }

  @Override
  public SettingsStore settings() {
    return settings;
  }

  public Scene scene() {
    return scene;
  }

  /** The board screen, or null while the start screen shows. */
  public BoardView boardView() {
    return boardView;
  }

  public StartView startView() {
    return startView;
  }

  public void showStart() {
    closeSession();
    hosting.stop();
    startView = new StartView(messages, settings.get(), this);
    if (lastTried != null) {
      startView.fill(lastTried);
    }
    stage.titleProperty().bind(messages.bind("app.title"));
    setRoot(startView.root());
    if (updates != null) {
      updates.showOn(startView);
    }
    showUnsentWork(startView);
    startBrowsing();
  }

  /**
   * Looks for shared boards with changes never sent (their journals) off the UI thread, and lists
   * them on {@code view} if it is still showing.
   */
  private void showUnsentWork(StartView view) {
    Path dataDir = settings.home();
    Thread scan =
        new Thread(
            () -> {
              List<UnsentBoards.Board> boards = UnsentBoards.find(dataDir);
              if (!boards.isEmpty()) {
                uiExecutor.execute(
                    () -> {
                      if (startView == view) {
                        view.showUnsent(boards);
                      }
                    });
              }
            },
            "drawbridge-unsent-scan");
    scan.setDaemon(true);
    scan.start();
  }

  /**
   * Checks once, in the background, whether a newer release exists (at most daily, unless switched
   * off in Settings) and offers it on the start screen; Download hands its page to {@code browser}.
   */
  public void checkForUpdates(UpdateCheck check, java.util.function.Consumer<String> browser) {
    updates = new UpdateNotices(settings.home(), browser);
    updates.checkInBackground(check, uiExecutor, () -> updates.showOn(startView));
  }

  /** Shows {@code newSession} on the board screen. */
  public BoardView showBoard(BoardSession newSession) {
    closeSession();
    hosting.stop();
    networkBoards.stop();
    session = newSession;
    boardView = new BoardView(newSession, this);
    stage
        .titleProperty()
        .bind(messages.bind("app.title").concat(" — ").concat(boardView.titleProperty()));
    boardView.canvas().darkProperty().set(Theme.isDark(settings.get().theme()));
    setRoot(boardView.root());
    startView = null;
    return boardView;
  }

  private void setRoot(Parent root) {
    root.getStyleClass().add("app-root");
    scene.setRoot(root);
  }

  private void closeSession() {
    joined = null;
    if (boardView != null) {
      boardView.dispose();
      boardView = null;
    }
    if (session != null) {
      try {
        session.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing the board session failed", e);
      }
      session = null;
    }
  }

  // ---- start screen actions -------------------------------------------------------------

  @Override
  public void join(JoinForm form) {
    lastTried = form;
    BoardSession shared;
    try {
      shared = opener.open(form, settings.get());
    } catch (UnsupportedOperationException e) {
      showError(messages.get("join.error.unavailable"));
      return;
    } catch (IllegalArgumentException e) {
      showError(messages.get("join.error.address", e.getMessage()));
      return;
    } catch (RuntimeException e) {
      LOG.warn("Could not open the board {}", form.roomUrl(), e);
      showError(messages.get("join.error.open"));
      return;
    }
    showBoard(shared);
    joined = form;
    rememberOnceConnected(shared, form);
  }

  /**
   * Makes {@code form}'s address the remembered server and a recent board once the board connected
   * (reached synced): an address that never worked is not offered again (issue 14).
   */
  private void rememberOnceConnected(BoardSession shared, JoinForm form) {
    shared.addListener(
        new SessionListener() {
          private boolean remembered;

          @Override
          public void stateChanged(ConnectionState state) {
            if (remembered || !(state instanceof ConnectionState.Synced)) {
              return;
            }
            remembered = true;
            settings.save(
                settings
                    .get()
                    .withJoin(form.serverUrl(), form.room(), form.name(), form.token())
                    .withRecent(
                        new Settings.RecentBoard(
                            Settings.RecentBoard.ROOM,
                            form.room(),
                            String.valueOf(form.roomUrl()))));
          }
        });
  }

  // ---- opened from outside: invite links and board files (issue 14, ADR 0009) ------------

  /**
   * Passes every launch the single-instance lock sends here to {@link #openHandedOver}, on the UI
   * thread.
   */
  public void receiveHandOffs(SingleInstance instance) {
    instance.deliverTo(arguments -> uiExecutor.execute(() -> openHandedOver(arguments)));
  }

  /** A later launch's arguments: the window comes to the front and opens what they name. */
  public void openHandedOver(List<String> arguments) {
    bringToFront();
    open(LaunchRequest.of(arguments));
  }

  public void bringToFront() {
    stage.setIconified(false);
    stage.show();
    stage.toFront();
    stage.requestFocus();
  }

  /** Opens an invite link or a board file, or says why a link does not work. */
  public void open(LaunchRequest request) {
    if (request.link() != null) {
      openLink(request.link());
    } else if (request.file() != null) {
      confirmLeaving(() -> openFile(request.file()));
    } else if (request.badLink() != null) {
      showError(messages.get(JoinForm.refusalKey(request.badLink())));
    }
  }

  /**
   * Joins the board {@code link} invites to, with the name from the settings. Already on that
   * board: nothing changes. On another shared board: asks before leaving it.
   */
  public void openLink(InviteLink link) {
    if (joined != null && sameRoom(joined, link)) {
      return;
    }
    confirmLeaving(
        () -> {
          if (startView == null) {
            showStart();
          }
          startView.fill(link);
          startView.submitJoin();
        });
  }

  private static boolean sameRoom(JoinForm form, InviteLink link) {
    return String.valueOf(form.roomUrl()).equals(String.valueOf(form.with(link).roomUrl()));
  }

  @Override
  public void host(String room, boolean openToNetwork) {
    host(room, openToNetwork, view -> {});
  }

  /** Hosts a private board in a new room. */
  public void host() {
    host(HostedRelay.newRoom(), false);
  }

  /**
   * Hosts a board in {@code room} and, once it shows, hands its screen to {@code whenOpen}.
   *
   * @param openToNetwork announce the board on the local network with an editor token, so anyone
   *     there can join it from their start screen
   */
  public void host(
      String room, boolean openToNetwork, java.util.function.Consumer<BoardView> whenOpen) {
    if (startView != null) {
      startView.showHostStatus(messages.get("host.starting"));
    }
    hosting.start(settings.home().resolve("hosted"), room, openToNetwork, whenOpen);
  }

  /** The board announced on the network now, or null (read from any thread). */
  public Announcement announced() {
    return hosting.announced();
  }

  // ---- boards on the network ------------------------------------------------------------

  /** Switches "Boards on your network" on or off for start screens shown from now on. */
  public void setDiscovery(boolean on) {
    discovery = on;
  }

  private void startBrowsing() {
    if (discovery) {
      networkBoards.start(
          boards -> {
            if (startView != null) {
              startView.showNetworkBoards(boards);
            }
          });
    }
  }

  @Override
  public void joinNetworkBoard(NetworkBoard board) {
    String name = startView == null ? settings.get().name() : startView.form().name();
    JoinForm form = new JoinForm(board.serverUrl(), board.room(), name, board.token());
    if (!form.problems().isEmpty()) {
      showError(String.join(" ", form.problems().stream().map(messages::get).toList()));
      return;
    }
    int generation = networkBoards.generation();
    // An announcement can outlive its host (a crash sends no goodbye): check before opening.
    Thread probe =
        new Thread(
            () -> {
              boolean reachable;
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(board.address(), board.port()), 3_000);
                reachable = true;
              } catch (IOException | RuntimeException e) {
                reachable = false;
              }
              boolean ok = reachable;
              uiExecutor.execute(
                  () -> {
                    if (generation != networkBoards.generation() || startView == null) {
                      return;
                    }
                    if (ok) {
                      join(form);
                    } else {
                      showError(
                          messages.get(
                              "network.error.unreachable",
                              board.room(),
                              board.address() + ":" + board.port()));
                    }
                  });
            },
            "drawbridge-network-join");
    probe.setDaemon(true);
    probe.start();
  }

  /** The port hosting tries first (0: any free port, as tests use). */
  public void setHostPort(int port) {
    hosting.setPort(port);
  }

  /** Replaces how shared boards are opened (tests use fakes). */
  public void setOpener(SessionOpener opener) {
    this.opener = opener;
  }

  /** The relay this window hosts, or null. */
  public HostedRelay hosted() {
    return hosting.relay();
  }

  /** How shared boards are opened now. */
  SessionOpener opener() {
    return opener;
  }

  @Override
  public void workOffline() {
    offline.startNew();
  }

  @Override
  public void openFile(Path file) {
    offline.open(file);
  }

  @Override
  public void showSettings() {
    SettingsDialog.show(stage, messages, settings.get(), LogDirectory.resolve(), settings.home())
        .ifPresent(this::applySettings);
  }

  @Override
  public void leaveBoard() {
    String question = hosting.guestsQuestion(session);
    if (question == null || boardView == null) {
      showStart();
    } else {
      boardView.askBeforeLeaving(question, messages.get("leave.endBoard"), this::showStart);
    }
  }

  /**
   * Opening a file from the board leaves it: a hosted board with guests says it ends the board for
   * them, a shared board that it is left (its changes stay and are sent next time).
   */
  @Override
  public void confirmLeaving(Runnable leave) {
    String question = hosting.guestsQuestion(session);
    String confirm = messages.get("leave.endBoard");
    if (question == null && session != null && !(session instanceof LocalOnlySession)) {
      question = messages.get("leave.shared", session.title());
      confirm = messages.get("leave.confirm");
    }
    if (question == null || boardView == null) {
      leave.run();
    } else {
      boardView.askBeforeLeaving(question, confirm, leave);
    }
  }

  /**
   * Saves and applies settings: language, the UI's fonts for it and theme switch at once, in every
   * open window.
   */
  public void applySettings(Settings updated) {
    settings.save(updated);
    useLanguage(updated.language());
    Theme.apply(updated.theme(), messages.locale());
    if (boardView != null) {
      boardView.canvas().darkProperty().set(Theme.isDark(updated.theme()));
      boardView.settingsChanged();
    }
  }

  /**
   * Our texts follow {@code language}, and so do JavaFX's own (dialog buttons such as OK and
   * Cancel, the colour picker's dialog, text fields' context menus): JavaFX reads those from its
   * bundles in the JVM's default locale each time, so the app's language becomes the default.
   */
  private void useLanguage(String language) {
    Locale locale = Messages.localeFor(language);
    messages.setLocale(locale);
    Locale.setDefault(locale);
  }

  /** Shows an error in plain words on whichever screen is open. */
  public void showError(String message) {
    if (boardView != null) {
      boardView.showToast(message, true);
    } else if (startView != null) {
      startView.showError(message);
    }
  }
}
