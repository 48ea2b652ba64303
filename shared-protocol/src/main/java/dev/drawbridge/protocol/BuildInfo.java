package dev.drawbridge.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version this build was made as: the root pom's {@code revision}, which a release build sets
 * from its tag. One place for the app's About line, the relay's {@code --version}, and diagnostics.
 */
public final class BuildInfo {
  private static final Properties PROPERTIES = read();
  private static final String VERSION = value("version", "unknown");
  private static final String UPDATE_FEED = value("updateFeed", "");

  private BuildInfo() {}

  /** For example {@code 1.2.0}, or {@code 1.2.0-SNAPSHOT} for a build that is not a release. */
  public static String version() {
    return VERSION;
  }

  /**
   * The address of the small JSON notice describing the newest release, which the app checks at
   * most daily (issue 20); empty for a build that does not check (development builds).
   */
  public static String updateFeed() {
    return UPDATE_FEED;
  }

  private static String value(String key, String fallback) {
    String v = PROPERTIES.getProperty(key, fallback);
    // Unfiltered (run from an IDE without Maven's resource step): the fallback, never "${…}".
    return v.startsWith("${") ? fallback : v;
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // No properties: every value is its fallback.
    }
    return p;
  }
}
