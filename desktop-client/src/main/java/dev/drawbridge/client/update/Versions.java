package dev.drawbridge.client.update;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Release versions {@code X.Y.Z} (the tag's scheme, docs/releasing.md) and their order. */
final class Versions {
  private static final Pattern RELEASE = Pattern.compile("(\\d{1,6})\\.(\\d{1,6})\\.(\\d{1,6})");
  private static final Pattern ANY = Pattern.compile("(\\d{1,6})\\.(\\d{1,6})\\.(\\d{1,6})(-.*)?");

  private Versions() {}

  /** Whether {@code version} is a release: three numbers, no suffix. */
  static boolean isRelease(String version) {
    return version != null && RELEASE.matcher(version).matches();
  }

  /**
   * Whether release {@code candidate} is newer than the running {@code current} version. A build of
   * {@code 1.2.0-SNAPSHOT} is older than {@code 1.2.0}; an unparseable current version (a build run
   * outside Maven) is never offered updates.
   */
  static boolean isNewer(String candidate, String current) {
    Matcher c = RELEASE.matcher(candidate == null ? "" : candidate);
    Matcher r = ANY.matcher(current == null ? "" : current);
    if (!c.matches() || !r.matches()) {
      return false;
    }
    for (int i = 1; i <= 3; i++) {
      int diff = Integer.compare(Integer.parseInt(c.group(i)), Integer.parseInt(r.group(i)));
      if (diff != 0) {
        return diff > 0;
      }
    }
    return r.group(4) != null; // same numbers: newer only than a pre-release of them
  }
}
