package dev.drawbridge.client.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks, at most once a day, whether a newer release exists (issue 20): one GET of the feed's small
 * JSON notice, bounded in time and size, and an answer only for a newer, not skipped release.
 * Failures are quiet (logged): a user offline on a train must not see errors about it. Blocking;
 * run it off the UI thread.
 */
public final class UpdateCheck {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateCheck.class);
  static final Duration INTERVAL = Duration.ofDays(1);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A notice is a few dozen bytes; anything longer is not one. */
  static final int MAX_BYTES = 16 * 1024;

  private final URI feed;
  private final String currentVersion;
  private final Path preferencesFile;
  private final Clock clock;

  public UpdateCheck(URI feed, String currentVersion, Path preferencesFile, Clock clock) {
    this.feed = feed;
    this.currentVersion = currentVersion;
    this.preferencesFile = preferencesFile;
    this.clock = clock;
  }

  /**
   * The newer release to tell the user about, if the check is on and due, the feed answers with a
   * valid notice, and its version is newer than this build's and not skipped.
   */
  public Optional<ReleaseNotice> runIfDue() {
    UpdatePreferences prefs = UpdatePreferences.load(preferencesFile);
    long now = clock.millis();
    if (!prefs.isEnabled() || now - prefs.lastCheckMillis() < INTERVAL.toMillis()) {
      return Optional.empty();
    }
    try {
      // Recorded before asking, so a feed that hangs or fails is still asked only daily.
      prefs.checkedAt(now).save(preferencesFile);
    } catch (IOException e) {
      LOG.warn("Could not record the update check; skipping it: {}", e.toString());
      return Optional.empty();
    }
    Optional<ReleaseNotice> notice = fetch().flatMap(ReleaseNotice::parse);
    if (notice.isEmpty()) {
      return Optional.empty();
    }
    String version = notice.get().version();
    if (!Versions.isNewer(version, currentVersion) || version.equals(prefs.skippedVersion())) {
      return Optional.empty();
    }
    return notice;
  }

  private Optional<String> fetch() {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(feed)
            .timeout(TIMEOUT)
            .header("User-Agent", "Drawbridge/" + currentVersion)
            .GET()
            .build();
    try (client) {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          LOG.info("Update check: the feed answered {}", response.statusCode());
          return Optional.empty();
        }
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          LOG.info("Update check: the feed's answer is too long to be a release notice");
          return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      LOG.info("Update check failed: {}", e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
