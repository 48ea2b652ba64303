package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.instance.SingleInstance;
import dev.drawbridge.client.ui.settings.UiScale;
import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain {@code main} the app starts from. JavaFX refuses to launch an Application subclass that
 * is itself the main class when it sits on the classpath, so this class launches it.
 *
 * <p>Arguments: an invite link or a {@code .drawbridge} file to open ({@link LaunchRequest}). When
 * the app already runs for the same home directory, a launch with one of those hands it to the
 * running app and exits (ADR 0009); a launch with nothing to open still opens another window.
 *
 * <p>{@code --smoke-test} opens the main window, waits for its first rendered pulse and exits 0
 * (the installer's smoke test). {@code -Ddrawbridge.demo=true} opens a sample board.
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  static final String SMOKE_TEST_PROPERTY = "drawbridge.smokeTest";

  /** How long a second launch keeps trying to reach a running app that is still starting. */
  private static final Duration HAND_OFF_PATIENCE = Duration.ofSeconds(10);

  private static volatile SingleInstance instance;

  private Launcher() {}

  public static void main(String[] args) {
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--smoke-test")) {
      System.setProperty(SMOKE_TEST_PROPERTY, "true");
    } else if (handedToRunningApp(AppDirs.home(), arguments)) {
      System.exit(0);
      return;
    }
    receiveMacOsOpenEvents();
    UiScale.applyAtStart(AppDirs.home());
    try {
      Application.launch(DrawbridgeApp.class, args);
    } finally {
      if (instance != null) {
        instance.close();
      }
    }
    // The window is closed: end background threads (a hosted relay, sockets) with it.
    System.exit(0);
  }

  /**
   * macOS starts the app for a clicked link or an opened file without arguments and sends the link
   * or file as an event, to a running app as well: pass those on like a hand-off. Elsewhere they
   * arrive as arguments, and this does nothing.
   */
  private static void receiveMacOsOpenEvents() {
    SingleInstance running = instance;
    if (running == null || !System.getProperty("os.name", "").startsWith("Mac")) {
      return;
    }
    try {
      if (!Desktop.isDesktopSupported()) {
        return;
      }
      Desktop desktop = Desktop.getDesktop();
      if (desktop.isSupported(Desktop.Action.APP_OPEN_URI)) {
        desktop.setOpenURIHandler(e -> running.receive(List.of(e.getURI().toString())));
      }
      if (desktop.isSupported(Desktop.Action.APP_OPEN_FILE)) {
        desktop.setOpenFileHandler(
            e -> running.receive(e.getFiles().stream().map(File::getAbsolutePath).toList()));
      }
    } catch (RuntimeException e) {
      LOG.warn("Links and files opened from the Finder will not reach the app", e);
    }
  }

  /** The single-instance lock this process holds, if it is the running app for its home. */
  static Optional<SingleInstance> instance() {
    return Optional.ofNullable(instance);
  }

  /**
   * Becomes the running app for {@code home}, or, when another process is, hands it the link or
   * file this launch was given. True when the running app took it (this launch then exits).
   */
  static boolean handedToRunningApp(Path home, List<String> arguments) {
    try {
      instance = SingleInstance.claim(home).orElse(null);
    } catch (IOException e) {
      LOG.warn("Cannot lock {}: links open in new windows instead of this one", home, e);
      return false;
    }
    List<String> handOff = LaunchRequest.forHandOff(arguments);
    if (instance != null || LaunchRequest.of(handOff).isEmpty()) {
      return false;
    }
    if (SingleInstance.handOff(home, handOff, HAND_OFF_PATIENCE)) {
      LOG.info("Handed the link or file to the running Drawbridge"); // not the link: its token
      return true;
    }
    LOG.warn("The running Drawbridge did not answer: opening a second window");
    return false;
  }
}
