package dev.drawbridge.client.ui.app;

import java.util.Arrays;
import javafx.application.Application;

/**
 * The plain {@code main} the app starts from. JavaFX refuses to launch an Application subclass that
 * is itself the main class when it sits on the classpath, so this class launches it.
 *
 * <p>{@code --smoke-test} opens the main window, waits for its first rendered pulse and exits 0
 * (the installer's smoke test). {@code -Ddrawbridge.demo=true} opens a sample board.
 */
public final class Launcher {
  static final String SMOKE_TEST_PROPERTY = "drawbridge.smokeTest";

  private Launcher() {}

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--smoke-test")) {
      System.setProperty(SMOKE_TEST_PROPERTY, "true");
    }
    Application.launch(DrawbridgeApp.class, args);
    // The window is closed: end background threads (a hosted relay, sockets) with it.
    System.exit(0);
  }
}
