package dev.drawbridge.client.sync.bench;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.JoinRequest;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.client.sync.SyncSession;
import dev.drawbridge.client.sync.SyncSessions;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.room.RoomLimits;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replay and catch-up figures on real sockets against an in-process relay (SQLite in a temp dir).
 * Not a test: run it, read the numbers.
 *
 * <pre>
 * ./mvnw -q -pl desktop-client -am test-compile exec:exec -Dexec.classpathScope=test \
 *   -Dapp.mainClass=dev.drawbridge.client.sync.bench.ReplayBenchmark
 * </pre>
 *
 * <p>Sizes: arguments {@code <offlineOps> <boardOps>}, or the environment variables {@code
 * BENCH_OFFLINE_OPS} and {@code BENCH_BOARD_OPS} (defaults 10,000 and 100,000).
 *
 * <ol>
 *   <li>{@code offlineOps} ops drawn offline (strokes: one add + nine appends), then reconnect:
 *       time from "reconnect" until every op is acknowledged; once against a relay with its default
 *       rate limit (200 ops/s per connection, R17; the client paces itself just below it), once
 *       against a relay without that limit (client pacing off too).
 *   <li>A board of {@code boardOps} ops, then a late joiner with an empty data dir: time from open
 *       until synced (the relay sends its newest snapshot plus the ops after it, R11).
 * </ol>
 */
public final class ReplayBenchmark {
  private static final String ROOM = "bench";

  private ReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int offlineOps = size(args, 0, "BENCH_OFFLINE_OPS", 10_000);
    int boardOps = size(args, 1, "BENCH_BOARD_OPS", 100_000);
    Path tmp = Files.createTempDirectory("drawbridge-bench");
    try {
      System.out.printf(
          "java %s, %d cpus%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
      replay(tmp.resolve("a"), offlineOps, true);
      replay(tmp.resolve("b"), offlineOps, false);
      lateJoiner(tmp.resolve("c"), boardOps);
    } finally {
      deleteTree(tmp);
    }
    System.exit(0);
  }

  private static int size(String[] args, int index, String env, int fallback) {
    if (args.length > index) {
      return Integer.parseInt(args[index]);
    }
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  /** Ops drawn offline, then one reconnect: time until all are acknowledged. */
  private static void replay(Path dir, int ops, boolean relayRateLimit) throws Exception {
    try (Relay relay = Relay.start(relayConfig(dir.resolve("relay"), relayRateLimit))) {
      SyncConfig config =
          relayRateLimit ? SyncConfig.defaults() : SyncConfig.defaults().withSendRate(1e9, 1e9);
      Client c = new Client(relay, dir.resolve("client"), config);
      c.await(() -> c.session.state() instanceof ConnectionState.Synced);
      c.call(
          () -> {
            c.session.goOffline();
            return null;
          });
      long drawStart = System.nanoTime();
      draw(c, ops, "off");
      c.await(c.session::journalFlushed);
      double drawSeconds = seconds(drawStart);
      long start = System.nanoTime();
      c.call(
          () -> {
            c.session.reconnectNow();
            return null;
          });
      c.await(() -> c.session.pendingCount() == 0);
      double replaySeconds = seconds(start);
      System.out.printf(
          "offline replay (%s): %d ops drawn+journaled in %.2f s; reconnect -> all acked in %.2f s"
              + " (%.0f ops/s)%n",
          relayRateLimit ? "relay default rate limit 200 ops/s" : "relay rate limit off",
          ops,
          drawSeconds,
          replaySeconds,
          ops / replaySeconds);
      c.close();
    }
  }

  /** A board of {@code ops} ops; then a new member joins: time until synced. */
  private static void lateJoiner(Path dir, int ops) throws Exception {
    try (Relay relay = Relay.start(relayConfig(dir.resolve("relay"), false))) {
      Client writer =
          new Client(relay, dir.resolve("writer"), SyncConfig.defaults().withSendRate(1e9, 1e9));
      writer.await(() -> writer.session.state() instanceof ConnectionState.Synced);
      long fill = System.nanoTime();
      for (int done = 0; done < ops; ) {
        int chunk = Math.min(2_000, ops - done);
        draw(writer, chunk, "w" + done);
        done += chunk;
        writer.await(() -> writer.session.pendingCount() < 500);
      }
      writer.await(() -> writer.session.pendingCount() == 0);
      String hash = writer.call(() -> writer.session.board().view().hash());
      System.out.printf("board of %d ops built through the relay in %.1f s%n", ops, seconds(fill));

      long start = System.nanoTime();
      Client joiner = new Client(relay, dir.resolve("joiner"), SyncConfig.defaults());
      joiner.await(() -> joiner.session.state() instanceof ConnectionState.Synced);
      double joinSeconds = seconds(start);
      String joinedHash = joiner.call(() -> joiner.session.board().view().hash());
      int elements = joiner.call(() -> joiner.session.board().view().size());
      System.out.printf(
          "late joiner on a %d-op board (%d elements): open -> synced in %.2f s; hash %s%n",
          ops, elements, joinSeconds, hash.equals(joinedHash) ? "matches" : "DIFFERS");
      joiner.close();
      writer.close();
    }
  }

  /** Strokes: one add then nine appends of four points each. */
  private static void draw(Client c, int ops, String prefix) throws Exception {
    c.call(
        () -> {
          LocalBoard board = c.session.board();
          String stroke = null;
          for (int i = 0; i < ops; i++) {
            if (i % 10 == 0) {
              stroke = prefix + "-" + i;
              board.submit(
                  new Op.AddElement(
                      Element.freehand(
                          stroke,
                          ElementKind.STROKE,
                          i % 1000,
                          i / 1000,
                          Points.of(0, 0, 1, 1),
                          Style.DEFAULT,
                          i + 1)));
            } else {
              board.submit(
                  new Op.AppendPoints(stroke, Points.of(i, i, i + 1, i, i + 2, i, i + 3, i)));
            }
          }
          return null;
        });
  }

  private static RelayConfig relayConfig(Path dir, boolean rateLimit) {
    RelayConfig d = RelayConfig.localDefaults(dir).withBindAddress("127.0.0.1");
    if (rateLimit) {
      return d;
    }
    RoomLimits l = d.limits();
    return d.withLimits(
        new RoomLimits(
            l.maxMembersPerRoom(),
            l.maxRooms(),
            l.snapshotEvery(),
            1e9,
            1e9,
            1e12,
            1e12,
            l.rateLimitStrikes(),
            l.strikesPerSecond(),
            l.presencePerSecond()));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A session with its own UI thread. */
  private static final class Client {
    final ExecutorService ui = Executors.newSingleThreadExecutor();
    final SyncSession session;

    Client(Relay relay, Path dataDir, SyncConfig config) throws Exception {
      JoinRequest request =
          new JoinRequest("ws://127.0.0.1:" + relay.port(), ROOM, "bench", "#123456", null);
      session =
          call(() -> SyncSessions.open(request, dataDir, ui, config, new JavaWebSocketTransport()));
    }

    <T> T call(Callable<T> task) throws Exception {
      return ui.submit(task).get(10, TimeUnit.MINUTES);
    }

    void await(Callable<Boolean> condition) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (!call(condition)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("timed out");
        }
        Thread.sleep(5);
      }
    }

    void close() throws Exception {
      call(
          () -> {
            session.close();
            return null;
          });
      ui.shutdown();
    }
  }
}
