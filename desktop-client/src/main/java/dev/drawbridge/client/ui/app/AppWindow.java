package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.host.LanAddress;
import dev.drawbridge.client.host.discovery.Announcement;
import dev.drawbridge.client.host.discovery.BoardAnnouncer;
import dev.drawbridge.client.host.discovery.BoardBrowser;
import dev.drawbridge.client.host.discovery.NetworkBoard;
import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.io.BoardFileException;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.ui.board.BoardView;
import dev.drawbridge.client.ui.board.Shell;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.settings.SettingsDialog;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.client.ui.start.StartView;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.relay.auth.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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

  private final Stage stage;
  private final SettingsStore settings;
  private SessionOpener opener;
  private final Executor uiExecutor;
  private HostedRelay hosted;
  private int hostPort = HostedRelay.PREFERRED_PORT;
  private boolean discovery = !Boolean.getBoolean("drawbridge.noDiscovery");

  /** Start-screen generations: a browser that finishes starting after its screen left is closed. */
  private int startGeneration;

  private BoardBrowser browser;

  /** Announces an open hosted board; its JmDNS calls block, so they run here, in order. */
  private ExecutorService announcing;

  private BoardAnnouncer announcer;
  private SessionListener peopleCounter;
  private BoardSession announcedSession;
  private final Messages messages;
  private final Scene scene;
  private StartView startView;
  private BoardView boardView;
  private BoardSession session;

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
    this.messages = new Messages(Messages.localeFor(settings.get().language()));
    Theme.apply(settings.get().theme());
    this.scene = new Scene(new javafx.scene.layout.Pane(), width, height);
    scene.getStylesheets().add(AppWindow.class.getResource("/app.css").toExternalForm());
    stage.setScene(scene);
    stage.titleProperty().bind(messages.bind("app.title"));
    stage.setOnHidden(
        e -> {
          closeSession();
          stopBrowsing();
          // The app exits next: say goodbye on the network (a non-daemon thread finishes it) and
          // finish the relay's writes before the JVM goes.
          stopAnnouncing();
          if (hosted != null) {
            hosted.close();
            hosted = null;
          }
        });
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
    stopHosting();
    startView = new StartView(messages, settings.get(), this);
    stage.titleProperty().bind(messages.bind("app.title"));
    setRoot(startView.root());
    startBrowsing();
  }

  /** Shows {@code newSession} on the board screen. */
  public BoardView showBoard(BoardSession newSession) {
    closeSession();
    stopHosting();
    stopBrowsing();
    session = newSession;
    boardView = new BoardView(newSession, this);
    stage.titleProperty().bind(messages.bind("app.title").concat(" — " + newSession.title()));
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
    settings.save(
        settings.get().withJoin(form.serverUrl(), form.room(), form.name(), form.token()));
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
    settings.save(
        settings
            .get()
            .withRecent(
                new Settings.RecentBoard(
                    Settings.RecentBoard.ROOM, form.room(), String.valueOf(form.roomUrl()))));
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
    Path dataDir = settings.home().resolve("hosted");
    Thread starter =
        new Thread(
            () -> {
              try {
                HostedRelay relay = HostedRelay.start(dataDir, hostPort);
                String lan = LanAddress.find();
                uiExecutor.execute(() -> joinHosted(relay, room, lan, openToNetwork, whenOpen));
              } catch (IOException | RuntimeException e) {
                LOG.warn("Could not start hosting", e);
                uiExecutor.execute(() -> showError(messages.get("host.error.start")));
              }
            },
            "drawbridge-host-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void joinHosted(
      HostedRelay relay,
      String room,
      String lanHost,
      boolean openToNetwork,
      java.util.function.Consumer<BoardView> whenOpen) {
    Settings s = settings.get();
    JoinForm form = new JoinForm(relay.localUrl(), room, s.name(), relay.hostToken(room));
    BoardSession shared;
    try {
      shared = opener.open(form, s);
    } catch (RuntimeException e) {
      LOG.warn("Could not join the hosted board", e);
      closeInBackground(relay);
      showError(
          messages.get(
              e instanceof UnsupportedOperationException
                  ? "host.error.unavailable"
                  : "host.error.start"));
      return;
    }
    BoardView view = showBoard(shared);
    hosted = relay;
    view.setInvites(
        relay.invite(lanHost, room, Role.EDITOR).toString(),
        relay.invite(lanHost, room, Role.VIEWER).toString(),
        openToNetwork);
    if (openToNetwork) {
      announce(relay, room, lanHost, shared);
    }
    whenOpen.accept(view);
  }

  /**
   * Announces the hosted board with an editor token for its room only, and follows the people
   * count. The relay keeps checking tokens, so the host's other (private) rooms stay closed.
   */
  private void announce(HostedRelay relay, String room, String lanHost, BoardSession shared) {
    ExecutorService exec =
        Executors.newSingleThreadExecutor(
            r -> {
              // Not a daemon: the goodbye queued when the app closes must still go out.
              Thread t = new Thread(r, "drawbridge-announce");
              t.setDaemon(false);
              return t;
            });
    announcing = exec;
    String hostName = settings.get().name();
    AtomicInteger people = new AtomicInteger(1);
    exec.execute(
        () -> {
          try {
            announcer =
                BoardAnnouncer.start(
                    InetAddress.getByName(lanHost),
                    new Announcement(
                        room,
                        hostName,
                        people.get(),
                        relay.port(),
                        relay.invite(lanHost, room, Role.EDITOR).token()));
          } catch (IOException | RuntimeException e) {
            LOG.warn("Could not announce the board on the network", e);
            uiExecutor.execute(() -> showError(messages.get("host.error.announce")));
          }
        });
    peopleCounter =
        new SessionListener() {
          @Override
          public void peersChanged(Collection<Peer> peers) {
            if (announcing != exec) {
              return;
            }
            int count =
                1
                    + (int)
                        peers.stream().filter(p -> !p.clientId().equals(shared.clientId())).count();
            people.set(count);
            exec.execute(
                () -> {
                  BoardAnnouncer a = announcer;
                  // Updates re-register the service (seconds): only the latest count is sent.
                  if (a == null || a.current().people() == people.get()) {
                    return;
                  }
                  try {
                    a.update(
                        a.current()
                            .with(people.get(), relay.invite(lanHost, room, Role.EDITOR).token()));
                  } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not update the board's announcement", e);
                  }
                });
          }
        };
    shared.addListener(peopleCounter);
    announcedSession = shared;
  }

  private void stopAnnouncing() {
    if (peopleCounter != null && announcedSession != null) {
      announcedSession.removeListener(peopleCounter);
    }
    peopleCounter = null;
    announcedSession = null;
    ExecutorService exec = announcing;
    announcing = null;
    if (exec != null) {
      exec.execute(
          () -> {
            if (announcer != null) {
              announcer.close();
              announcer = null;
            }
          });
      exec.shutdown();
    }
  }

  /** The board announced on the network now, or null (read from any thread). */
  public Announcement announced() {
    BoardAnnouncer a = announcer;
    return a == null ? null : a.current();
  }

  // ---- boards on the network ------------------------------------------------------------

  /** Switches "Boards on your network" on or off for start screens shown from now on. */
  public void setDiscovery(boolean on) {
    discovery = on;
  }

  private void startBrowsing() {
    int generation = ++startGeneration;
    if (!discovery || browser != null) {
      return;
    }
    Thread starter =
        new Thread(
            () -> {
              String lan = LanAddress.find();
              if ("localhost".equals(lan)) {
                uiExecutor.execute(() -> showNetworkBoards(generation, null));
                return;
              }
              try {
                BoardBrowser started =
                    BoardBrowser.start(
                        InetAddress.getByName(lan),
                        boards -> uiExecutor.execute(() -> showNetworkBoards(generation, boards)));
                uiExecutor.execute(
                    () -> {
                      if (generation == startGeneration && startView != null && browser == null) {
                        browser = started;
                        showNetworkBoards(generation, started.boards());
                      } else {
                        closeInBackground(started);
                      }
                    });
              } catch (IOException | RuntimeException e) {
                LOG.info("Cannot look for boards on the network: {}", e.toString());
                uiExecutor.execute(() -> showNetworkBoards(generation, null));
              }
            },
            "drawbridge-browse-start");
    starter.setDaemon(true);
    starter.start();
  }

  /** {@code boards} null: discovery is not available here. */
  private void showNetworkBoards(int generation, List<NetworkBoard> boards) {
    if (generation == startGeneration && startView != null) {
      startView.showNetworkBoards(boards);
    }
  }

  private void stopBrowsing() {
    startGeneration++;
    if (browser != null) {
      closeInBackground(browser);
      browser = null;
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
    int generation = startGeneration;
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
                    if (generation != startGeneration || startView == null) {
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
    this.hostPort = port;
  }

  /** Replaces how shared boards are opened (tests use fakes). */
  public void setOpener(SessionOpener opener) {
    this.opener = opener;
  }

  /** The relay this window hosts, or null. */
  public HostedRelay hosted() {
    return hosted;
  }

  private void stopHosting() {
    stopAnnouncing();
    if (hosted != null) {
      closeInBackground(hosted);
      hosted = null;
    }
  }

  private static void closeInBackground(AutoCloseable closeable) {
    // Closing tells clients 1001 and flushes the op log, or says goodbye on the network: not on
    // the UI thread.
    Thread closer =
        new Thread(
            () -> {
              try {
                closeable.close();
              } catch (Exception e) {
                LOG.warn("Closing {} failed", closeable, e);
              }
            },
            "drawbridge-host-stop");
    closer.setDaemon(false);
    closer.start();
  }

  @Override
  public void workOffline() {
    LocalBoard board = new LocalBoard();
    if (Boolean.getBoolean("drawbridge.demo")) {
      DemoBoard.populate(board, settings.get().clientId());
    }
    BoardView view =
        showBoard(
            new LocalOnlySession(board, messages.get("board.offline"), settings.get().clientId()));
    // Kept in the app's folder (and listed under recent boards) until saved elsewhere.
    String stamp =
        java.time.LocalDateTime.now()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
    view.setFile(settings.home().resolve("boards").resolve("board-" + stamp + BoardFile.EXTENSION));
  }

  @Override
  public void openFile(Path file) {
    BoardSnapshot snapshot;
    try {
      snapshot = new BoardFile().open(file);
    } catch (BoardFileException e) {
      LOG.info("Could not open {}: {}", file, e.getMessage());
      showError(
          switch (e.reason()) {
            case NOT_A_BOARD -> messages.get("error.notABoard", file.getFileName());
            case TOO_NEW -> messages.get("error.tooNew", file.getFileName());
            case IO -> messages.get("error.read", file.getFileName());
          });
      return;
    }
    LocalBoard board = new LocalBoard();
    board.restore(snapshot, List.of());
    BoardView view =
        showBoard(
            new LocalOnlySession(board, file.getFileName().toString(), settings.get().clientId()));
    view.setFile(file);
    settings.save(
        settings
            .get()
            .withRecent(
                new Settings.RecentBoard(
                    Settings.RecentBoard.FILE,
                    file.getFileName().toString(),
                    file.toAbsolutePath().toString())));
  }

  @Override
  public void showSettings() {
    SettingsDialog.show(stage, messages, settings.get()).ifPresent(this::applySettings);
  }

  @Override
  public void leaveBoard() {
    showStart();
  }

  /** Saves and applies settings: language and theme switch at once. */
  public void applySettings(Settings updated) {
    settings.save(updated);
    messages.setLocale(Messages.localeFor(updated.language()));
    Theme.apply(updated.theme());
    if (boardView != null) {
      boardView.canvas().darkProperty().set(Theme.isDark(updated.theme()));
    }
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
