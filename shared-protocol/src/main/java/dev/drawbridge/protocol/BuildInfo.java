package dev.drawbridge.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version this build was made as: the root pom's {@code revision}, which a release build sets
 * from its tag. One place for the app's About line, the relay's {@code --version}, and diagnostics.
 */
public final class BuildInfo {
  private static final String VERSION = read();

  private BuildInfo() {}

  /** For example {@code 1.2.0}, or {@code 1.2.0-SNAPSHOT} for a build that is not a release. */
  public static String version() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // Unfiltered (run from an IDE without Maven's resource step): say so rather than show "${…}".
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
