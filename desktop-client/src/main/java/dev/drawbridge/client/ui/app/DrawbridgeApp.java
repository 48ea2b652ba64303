package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.host.HostedRelay;
import dev.drawbridge.client.sync.Transport;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.client.update.UpdateCheck;
import dev.drawbridge.client.update.UpdatePreferences;
import dev.drawbridge.protocol.BuildInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
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

  /** The narrowest window whose board screen shows its whole top row (menu, tools, people). */
  static final double MIN_WIDTH = 780;

  private dev.drawbridge.client.sync.BoardSession guest;

  @Override
  public void stop() {
    if (guest != null) {
      guest.close();
    }
  }

  @Override
  public void start(Stage stage) {
    // Before any paste: what other programs put on the clipboard is deserialized by JavaFX.
    dev.drawbridge.client.ui.clipboard.ClipboardSerialFilter.install();
    SettingsStore settings = new SettingsStore(AppDirs.home());
    // One app per home runs (SingleInstance): unfinished puts of an earlier, crashed run are
    // garbage. Walking the picture store is kept off the first frame's path (issue 19).
    Instant started = Instant.now();
    Thread.ofPlatform()
        .daemon()
        .name("picture-leftovers")
        .start(() -> BlobStore.in(AppDirs.home()).cleanLeftovers(started));
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
    // Opened from the file manager or a browser: the installers associate .drawbridge files and
    // drawbridge:// links with the app (docs/invite-links.md).
    LaunchRequest request = LaunchRequest.of(getParameters().getUnnamed());
    if (!request.isEmpty()) {
      window.open(request);
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
    // The board's top row (menu, tool bar, people bar with its words dropped) needs ~760 px; at 720
    // the menu covered the Select tool (found by hand). 480 px tall still shows every island: the
    // style panel scrolls.
    stage.setMinWidth(Math.min(MIN_WIDTH, width));
    stage.setMinHeight(Math.min(480, height));
    stage.show();
    // Notify-only update check (issue 20): release builds name a feed; development builds none.
    if (!BuildInfo.updateFeed().isBlank() && !Boolean.getBoolean(Launcher.SMOKE_TEST_PROPERTY)) {
      window.checkForUpdates(
          new UpdateCheck(
              URI.create(BuildInfo.updateFeed()),
              BuildInfo.version(),
              UpdatePreferences.file(settings.home()),
              Clock.systemUTC()),
          getHostServices()::showDocument);
    }
    // Later launches with a link or a file hand it to this window (ADR 0009).
    Launcher.instance().ifPresent(window::receiveHandOffs);
    if (Boolean.getBoolean(Launcher.SMOKE_TEST_PROPERTY)) {
      new SmokeTest(window::boardView).start();
    }
  }
}
