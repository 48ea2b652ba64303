package dev.drawbridge.client.ui.app;

import java.nio.file.Path;

/**
 * Where the app keeps its settings, journals and hosted boards: {@code -Ddrawbridge.home} if set
 * (tests point it at a temporary directory), else {@code $XDG_DATA_HOME/drawbridge}, else {@code
 * ~/.drawbridge}.
 */
public final class AppDirs {
  private AppDirs() {}

  public static Path home() {
    String override = System.getProperty("drawbridge.home");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "drawbridge");
    }
    return Path.of(System.getProperty("user.home"), ".drawbridge");
  }
}
