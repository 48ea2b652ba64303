package dev.drawbridge.client.ui.app;

import ch.qos.logback.core.PropertyDefinerBase;
import java.nio.file.Path;

/**
 * Where the app's log file goes, for logback.xml ({@code <define name="LOG_DIR" …>}): {@code
 * -Ddrawbridge.logDir} if set, else {@code logs} in the app's home ({@link AppDirs#home()}).
 * Logback asks when the first logger is made, before the app's own start-up code runs.
 */
public final class LogDirectory extends PropertyDefinerBase {
  @Override
  public String getPropertyValue() {
    return resolve().toString();
  }

  public static Path resolve() {
    String dir = System.getProperty("drawbridge.logDir");
    return dir != null && !dir.isBlank() ? Path.of(dir) : AppDirs.home().resolve("logs");
  }
}
