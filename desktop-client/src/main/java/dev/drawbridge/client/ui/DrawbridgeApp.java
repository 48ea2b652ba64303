package dev.drawbridge.client.ui;

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

  @Override
  public void start(Stage stage) {
    SettingsStore settings = new SettingsStore(AppDirs.home());
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double width = Math.min(1280, screen.getWidth());
    double height = Math.min(800, screen.getHeight());
    AppWindow window =
        new AppWindow(
            stage,
            settings,
            width,
            height,
            new NetworkSessionOpener(settings.home(), Platform::runLater),
            Platform::runLater);
    if (Boolean.getBoolean("drawbridge.demo")) {
      window.workOffline();
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
