package dev.drawbridge.relay.warmup;

import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenIssuer;
import dev.drawbridge.relay.bench.BenchReport;
import dev.drawbridge.relay.bench.BenchRun;
import dev.drawbridge.relay.bench.BenchSettings;
import dev.drawbridge.relay.bench.BenchTarget;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.room.RoomLimits;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import dev.drawbridge.relay.server.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the relay's own code once before the serving relay opens its port: a throwaway relay on a
 * loopback port with an op log of its own, fed a short pen-like load by the bench's client (hellos,
 * strokes added and appended to, acks, broadcasts, durable notices), then closed.
 *
 * <p>Why: the first ops a JVM handles pay once for linking call sites (pattern switches, record
 * methods, lambdas), initialising classes and the first compilations. The AOT cache takes class
 * loading out of that, not the rest: the first members of a freshly started relay waited ~250 ms
 * behind its first ops, which made the p99 of its first 15 s 3–4× the seed relay's
 * (docs/performance.md, "Cold relay"). A quarter of a second here, before anyone can connect, takes
 * it to the seed's or below.
 *
 * <p>It never stops the relay from starting: whatever goes wrong is logged and the serve goes on.
 * It touches nothing of the serving relay's: its SQLite file is in {@code .warm-up} under the data
 * directory (removed after, and before in case a killed start left it), a Redis relay warms up on
 * an in-memory log, and its port, secret and meters are its own.
 */
public final class RelayWarmUp {
  private static final Logger log = LoggerFactory.getLogger(RelayWarmUp.class);

  /** The default length of the load ({@code serve --warm-up}). */
  public static final int DEFAULT_MILLIS = 250;

  /** Connecting and draining on top of the load; past this the warm-up is abandoned. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private static final String DIR = ".warm-up";

  private RelayWarmUp() {}

  /**
   * Runs the warm-up for {@code length} of load on a relay configured like {@code serving} (its
   * workers, frame and queue limits, durability, commit interval); returns what the load did, or
   * null when it did not run to its end (logged).
   */
  public static BenchReport run(ServerConfig serving, Duration length) {
    long start = System.nanoTime();
    Path dir = serving.relay().inMemory() || serving.redisUri() != null ? null : warmUpDir(serving);
    String secret = randomSecret();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      RelayConfig config = configLike(serving.relay(), dir, secret);
      OpLog opLog = Relay.openOpLog(config);
      try (Relay relay = Relay.startUnannounced(config, null, opLog, meters)) {
        String token =
            new TokenIssuer(secret)
                .issue("*", Role.EDITOR, "warm-up", Duration.ofMinutes(5), Instant.now());
        BenchSettings load =
            new BenchSettings(
                URI.create("ws://127.0.0.1:" + relay.port()),
                token,
                4,
                1,
                80,
                200,
                length,
                BenchTarget.DRAWBRIDGE,
                0,
                Duration.ZERO,
                4);
        CompletableFuture<BenchReport> done = CompletableFuture.supplyAsync(() -> bench(load));
        BenchReport report = done.get(length.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        log.atInfo()
            .addKeyValue("ops", report.acked())
            .addKeyValue("deliveries", report.delivered())
            .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
            .log("warmed up on a loopback relay");
        return report;
      }
    } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
      log.atWarn().addKeyValue("problem", e.toString()).log("warm-up skipped");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      meters.close();
      if (dir != null) {
        delete(dir);
      }
      // The load grew the heap (G1 commits up to -Xmx under it); with the throwaway relay closed,
      // one collection gives that back before the serving relay starts.
      System.gc();
    }
  }

  private static BenchReport bench(BenchSettings load) {
    try {
      return BenchRun.run(load);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("warm-up load interrupted", e);
    }
  }

  /**
   * The serving relay's settings where they shape the hot path, on loopback with default room
   * limits (a self-hoster's low rate limits would refuse the load) and a secret only the warm-up
   * knows, so the token check runs too.
   */
  private static RelayConfig configLike(RelayConfig serving, Path dir, String secret) {
    return new RelayConfig(
        "127.0.0.1",
        0,
        dir,
        dir == null,
        false,
        secret,
        List.of(),
        serving.maxFrameBytes(),
        100,
        serving.maxPendingBytes(),
        serving.pingIntervalSeconds(),
        serving.workerThreads(),
        RoomLimits.defaults(),
        serving.helloTimeoutSeconds(),
        serving.durability(),
        List.of(),
        serving.commitIntervalMillis(),
        serving.handshakeTimeoutSeconds());
  }

  private static Path warmUpDir(ServerConfig serving) {
    Path dir = serving.relay().dataDir().resolve(DIR);
    delete(dir); // left by a start that was killed during its warm-up
    return dir;
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException | UncheckedIOException e) {
      log.atWarn()
          .addKeyValue("dir", dir)
          .addKeyValue("problem", e.toString())
          .log("cannot remove the warm-up's files");
    }
  }
}
