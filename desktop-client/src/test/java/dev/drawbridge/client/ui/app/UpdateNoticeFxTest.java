package dev.drawbridge.client.ui.app;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.client.ui.settings.UiScale;
import dev.drawbridge.client.update.UpdateCheck;
import dev.drawbridge.client.update.UpdatePreferences;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
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
 * Issue 20: the notify-only update notice on the start screen (a real HTTP feed on 127.0.0.1) and
 * the installation's own Settings rows (update check, Linux UI scale).
 */
@ExtendWith(ApplicationExtension.class)
class UpdateNoticeFxTest {
  static {
    System.setProperty("drawbridge.noDiscovery", "true");
  }

  private Path home;
  private AppWindow window;
  private HttpServer server;
  private final List<String> opened = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) throws IOException {
    home = Files.createTempDirectory("drawbridge-update-test");
    window = new AppWindow(stage, new SettingsStore(home), 900, 700);
    window.showStart();
    stage.show();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private URI feed(String json) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/latest.json",
        exchange -> {
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/latest.json");
  }

  private void check(URI feed) {
    UpdateCheck check =
        new UpdateCheck(feed, "1.0.0", UpdatePreferences.file(home), Clock.systemUTC());
    onFx(() -> window.checkForUpdates(check, opened::add));
  }

  private static void awaitNotice(FxRobot robot) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> !robot.lookup("#update-bar").queryAll().isEmpty());
  }

  @Test
  void aNewerReleaseIsOfferedAndCanBeDownloadedOrSkipped(FxRobot robot) throws IOException {
    check(feed("{\"version\":\"1.4.0\",\"url\":\"https://example.org/releases/tag/v1.4.0\"}"));
    awaitNotice(robot);
    assertThat(robot.lookup("#update-bar .label").queryLabeled().getText())
        .isEqualTo("Drawbridge 1.4.0 is available.");

    onFx(() -> robot.lookup("#update-download").queryButton().fire());
    assertThat(opened).containsExactly("https://example.org/releases/tag/v1.4.0");

    onFx(() -> robot.lookup("#update-skip").queryButton().fire());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#update-bar").queryAll()).isEmpty();
    assertThat(UpdatePreferences.load(UpdatePreferences.file(home)).skippedVersion())
        .isEqualTo("1.4.0");
    // Back on the start screen later: the skipped notice does not come back.
    onFx(() -> window.showStart());
    assertThat(robot.lookup("#update-bar").queryAll()).isEmpty();
  }

  @Test
  void closingTheNoticeHidesItUntilTheNextStart(FxRobot robot) throws IOException {
    check(feed("{\"version\":\"2.0.0\",\"url\":\"https://example.org/r\"}"));
    awaitNotice(robot);
    onFx(() -> robot.lookup("#update-dismiss").queryButton().fire());
    onFx(() -> window.showStart());
    assertThat(robot.lookup("#update-bar").queryAll()).isEmpty();
    assertThat(UpdatePreferences.load(UpdatePreferences.file(home)).skippedVersion()).isNull();
  }

  @Test
  void settingsSwitchTheCheckOffAndChooseTheUiScale(FxRobot robot) {
    Platform.runLater(() -> window.showSettings());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    CheckBox updates = (CheckBox) pane.lookup("#settings-updates");
    assertThat(fx(updates::isSelected)).isTrue();
    onFx(() -> updates.setSelected(false));
    @SuppressWarnings("unchecked")
    ChoiceBox<Double> scale = (ChoiceBox<Double>) pane.lookup("#settings-ui-scale");
    assertThat(scale != null).isEqualTo(UiScale.applies());
    if (scale != null) {
      onFx(() -> scale.setValue(1.5));
    }
    onFx(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(UpdatePreferences.load(UpdatePreferences.file(home)).isEnabled()).isFalse();
    if (UiScale.applies()) {
      assertThat(UiScale.load(home)).contains(1.5);
    }
  }
}
