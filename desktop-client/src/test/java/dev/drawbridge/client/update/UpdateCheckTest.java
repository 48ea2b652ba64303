package dev.drawbridge.client.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update check against a real HTTP server on 127.0.0.1 (issue 20). */
class UpdateCheckTest {
  private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

  @TempDir Path home;
  private HttpServer server;
  private final AtomicReference<String> answer = new AtomicReference<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/latest.json",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private UpdateCheck check(String current, Instant now) {
    URI feed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/latest.json");
    return new UpdateCheck(
        feed, current, UpdatePreferences.file(home), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String notice(String version) {
    return "{\"version\":\""
        + version
        + "\",\"url\":\"https://example.org/releases/v"
        + version
        + "\"}";
  }

  @Test
  void aNewerReleaseIsAnnouncedOnceADay() {
    answer.set(notice("1.3.0"));
    assertThat(check("1.2.0", NOON).runIfDue())
        .hasValueSatisfying(n -> assertThat(n.version()).isEqualTo("1.3.0"));
    assertThat(check("1.2.0", NOON.plus(Duration.ofHours(23))).runIfDue()).isEmpty();
    assertThat(requests).hasValue(1);
    assertThat(check("1.2.0", NOON.plus(Duration.ofHours(25))).runIfDue()).isPresent();
    assertThat(requests).hasValue(2);
  }

  @Test
  void theSameOrAnOlderReleaseIsNotAnnounced() {
    answer.set(notice("1.2.0"));
    assertThat(check("1.2.0", NOON).runIfDue()).isEmpty();
    answer.set(notice("1.1.9"));
    assertThat(check("1.2.0", NOON.plus(Duration.ofDays(2))).runIfDue()).isEmpty();
    // A development build of 1.2.0 is older than the 1.2.0 release.
    answer.set(notice("1.2.0"));
    assertThat(check("1.2.0-SNAPSHOT", NOON.plus(Duration.ofDays(4))).runIfDue()).isPresent();
  }

  @Test
  void aSkippedVersionStaysQuietButTheNextOneIsAnnounced() throws IOException {
    Path file = UpdatePreferences.file(home);
    UpdatePreferences.load(file).skipping("1.3.0").save(file);
    answer.set(notice("1.3.0"));
    assertThat(check("1.2.0", NOON).runIfDue()).isEmpty();
    answer.set(notice("1.3.1"));
    assertThat(check("1.2.0", NOON.plus(Duration.ofDays(1))).runIfDue()).isPresent();
  }

  @Test
  void switchedOffItAsksNobody() throws IOException {
    Path file = UpdatePreferences.file(home);
    UpdatePreferences.load(file).withEnabled(false).save(file);
    answer.set(notice("9.0.0"));
    assertThat(check("1.2.0", NOON).runIfDue()).isEmpty();
    assertThat(requests).hasValue(0);
  }

  @Test
  void brokenOrHostileAnswersAreIgnoredAndStillCountAsTheDaysCheck() {
    String[] answers = {
      "",
      "not json",
      "[]",
      "{\"version\":\"1.3\"}",
      "{\"version\":\"1.3.0\"}",
      "{\"version\":\"1.3.0\",\"url\":\"http://example.org/plain\"}",
      "{\"version\":\"1.3.0\",\"url\":\"file:///etc/passwd\"}",
      "{\"version\":\"1.3.0\",\"url\":\"javascript:alert(1)\"}",
      "{\"version\":\"99999999999.0.0\",\"url\":\"https://example.org/x\"}",
      "{\"version\":\"1.3.0-rc1\",\"url\":\"https://example.org/x\"}",
      notice("1.3.0") + " ".repeat(UpdateCheck.MAX_BYTES),
    };
    Instant when = NOON;
    for (String a : answers) {
      answer.set(a);
      assertThat(check("1.2.0", when).runIfDue())
          .as(a.length() > 80 ? "a long answer" : a)
          .isEmpty();
      when = when.plus(Duration.ofDays(1));
    }
    status.set(404);
    answer.set(notice("1.3.0"));
    assertThat(check("1.2.0", when).runIfDue()).isEmpty();
    assertThat(UpdatePreferences.load(UpdatePreferences.file(home)).lastCheckMillis())
        .isEqualTo(when.toEpochMilli());
  }

  @Test
  void anUnreachableFeedIsQuiet() {
    server.stop(0);
    answer.set(notice("1.3.0"));
    assertThat(check("1.2.0", NOON).runIfDue()).isEmpty();
  }

  @Test
  void aDamagedPreferencesFileStartsOver() throws IOException {
    Files.writeString(UpdatePreferences.file(home), "{{{{");
    answer.set(notice("1.3.0"));
    assertThat(check("1.2.0", NOON).runIfDue()).isPresent();
  }

  @Test
  void versionsCompareByNumberNotByText() {
    assertThat(Versions.isNewer("1.10.0", "1.9.0")).isTrue();
    assertThat(Versions.isNewer("2.0.0", "10.0.0")).isFalse();
    assertThat(Versions.isNewer("1.0.0", "unknown")).isFalse();
    assertThat(Versions.isNewer("1.0.1", "1.0.0")).isTrue();
  }
}
