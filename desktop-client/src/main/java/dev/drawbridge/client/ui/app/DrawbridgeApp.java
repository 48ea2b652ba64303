package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.sync.Transport;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import dev.drawbridge.client.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one window, sized to the screen. */
public final class DrawbridgeApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(DrawbridgeApp.class);
  private dev.drawbridge.client.sync.BoardSession guest;

  @Override
  public void stop() {
    if (guest != null) {
      guest.close();
    }
  }

  /** The first argument naming an existing file, or null: how a double-clicked board arrives. */
  static Path boardFileArgument(List<String> args) {
    for (String arg : args) {
      if (arg.startsWith("--")) {
        continue;
      }
      try {
        Path path = Path.of(arg);
        if (Files.isRegularFile(path)) {
          return path.toAbsolutePath();
        }
      } catch (InvalidPathException e) {
        LOG.warn("Ignoring an argument that is not a path: {}", arg);
      }
    }
    return null;
  }

  @Override
  public void start(Stage stage) {
    SettingsStore settings = new SettingsStore(AppDirs.home());
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double width = Math.min(1280, screen.getWidth());
    double height = Math.min(800, screen.getHeight());
    // The one place that picks the socket library: every shared board gets its own transport.
    Supplier<Transport> transports = JavaWebSocketTransport::new;
    AppWindow window =
        new AppWindow(
            stage,
            settings,
            width,
            height,
            new NetworkSessionOpener(settings.home(), Platform::runLater, transports),
            Platform::runLater);
    // Hidden switches for screenshots and manual checks: a sample board, offline or hosted.
    String demo = System.getProperty("drawbridge.demo", "");
    Path fileToOpen = boardFileArgument(getParameters().getUnnamed());
    if (fileToOpen != null) {
      // Opened from the file manager (.drawbridge is associated with the app by its installer).
      window.openFile(fileToOpen);
    } else if (demo.equals("true")) {
      window.workOffline();
    } else if (demo.equals("host")) {
      window.host(
          HostedRelay.DEFAULT_ROOM,
          false,
          view -> {
            if (view.session().board().view().visibleElements().isEmpty()) {
              DemoBoard.populate(view.session().board(), view.session().clientId());
            }
            view.canvas().zoomToFit();
            guest =
                DemoGuest.join(
                    window.hosted().localUrl(),
                    window.hosted().hostToken(HostedRelay.DEFAULT_ROOM),
                    settings.home().resolve("demo-guest"),
                    Platform::runLater,
                    transports);
          });
    }
    stage.setMinWidth(Math.min(720, width));
    stage.setMinHeight(Math.min(480, height));
    stage.show();
    if (Boolean.getBoolean(Launcher.SMOKE_TEST_PROPERTY)) {
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          stop();
          LOG.info("Smoke test: the main window rendered its first pulse");
          Platform.exit();
        }
      }.start();
    }
  }
}
