package dev.drawbridge.relay.runtime;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.relay.auth.OriginPolicy;
import dev.drawbridge.relay.auth.TokenVerifier;
import dev.drawbridge.relay.net.RelayWebSocketServer;
import dev.drawbridge.relay.net.TransportSettings;
import dev.drawbridge.relay.net.TrustedProxies;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import dev.drawbridge.relay.room.RoomRegistry;
import dev.drawbridge.relay.tls.TlsConfig;
import dev.drawbridge.relay.tls.TlsContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running relay core: the WebSocket server, the rooms, their timers and snapshot worker, and the
 * op log. {@link #start} returns once the port accepts connections; {@link #close} tells every
 * client 1001 (R23), lets the op log finish its writes and frees the port. The desktop app embeds
 * one for "Host on this computer"; the server application wraps one with its Redis op log and
 * Prometheus endpoint.
 */
public final class Relay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Relay.class);

  /** How often a relay on a shared op log looks for rooms another relay has taken over. */
  public static final Duration SHARED_LOG_CHECK = Duration.ofSeconds(2);

  /**
   * How often members waiting to hear that their ops are durable are told (R26). One notice then
   * covers every commit since the last: at the benchmark's load, one per op and author (a separate
   * send each, 20 ms after the ack) cost ~4 % of the relay's CPU. Only journal compaction waits.
   */
  public static final Duration DURABLE_NOTICES = Duration.ofMillis(250);

  private final RelayConfig config;
  private final OpLog opLog;
  private final ExecutorService snapshotWorker;
  private final ScheduledExecutorService roomTimers;
  private final RoomRegistry rooms;
  private final RelayWebSocketServer server;
  private boolean closed;
  // Whether it said "relay listening": then it says "shutting down" and "stopped" too.
  private volatile boolean announced;

  private Relay(
      RelayConfig config,
      OpLog opLog,
      ExecutorService snapshotWorker,
      ScheduledExecutorService roomTimers,
      RoomRegistry rooms,
      RelayWebSocketServer server) {
    this.config = config;
    this.opLog = opLog;
    this.snapshotWorker = snapshotWorker;
    this.roomTimers = roomTimers;
    this.rooms = rooms;
    this.server = server;
  }

  /** Starts a relay on plain ws://; returns once it accepts connections. */
  public static Relay start(RelayConfig config) throws IOException {
    return start(config, null);
  }

  /**
   * Starts a relay that serves wss:// itself when {@code tls} is given (plain ws:// when null),
   * with the op log the config names (in memory or SQLite) and meters kept in memory; returns once
   * it accepts connections.
   */
  public static Relay start(RelayConfig config, TlsConfig tls) throws IOException {
    return start(config, tls, openOpLog(config), new SimpleMeterRegistry());
  }

  /**
   * Starts a relay on {@code opLog} (which it closes with itself, or at once if it cannot start),
   * recording into {@code meters}; returns once it accepts connections.
   */
  public static Relay start(RelayConfig config, TlsConfig tls, OpLog opLog, MeterRegistry meters)
      throws IOException {
    Relay relay = startUnannounced(config, tls, opLog, meters);
    relay.announced = true;
    log.atInfo()
        .addKeyValue("port", relay.port())
        .addKeyValue("tls", tls != null)
        .addKeyValue("storage", opLog)
        .log("relay listening");
    return relay;
  }

  /**
   * As {@link #start(RelayConfig, TlsConfig, OpLog, MeterRegistry)}, without the "relay listening"
   * line: for a relay a process runs for itself (the serve command's warm-up), which scripts
   * waiting for that line must not take for the one serving.
   */
  public static Relay startUnannounced(
      RelayConfig config, TlsConfig tls, OpLog opLog, MeterRegistry meters) throws IOException {
    SSLContext sslContext;
    try {
      sslContext = tls == null ? null : TlsContexts.serverContext(tls);
    } catch (IOException | RuntimeException e) {
      opLog.close();
      throw e;
    }
    if (config.noAuth()) {
      log.warn(
          "AUTH IS OFF (--no-auth): anyone who can reach {}:{} can read and draw on every board",
          config.bindAddress(),
          config.port());
    }
    if (!config.limits().history().keep().keepsAll() && !opLog.trimsHistory()) {
      log.atWarn()
          .addKeyValue("historyKeep", config.limits().history().keep())
          .addKeyValue("storage", opLog)
          .log("this op log keeps every op: --history-keep is not applied");
    }
    ExecutorService snapshotWorker =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("room-snapshots").daemon(true).factory());
    RoomRegistry rooms = new RoomRegistry(opLog, config.limits(), meters, snapshotWorker);
    TransportSettings settings =
        new TransportSettings(
            new InetSocketAddress(config.bindAddress(), config.port()),
            config.noAuth() ? null : new TokenVerifier(config.secret()),
            new OriginPolicy(config.allowedOrigins()),
            config.maxFrameBytes(),
            config.maxConnectionsPerIp(),
            config.maxPendingBytes(),
            config.pingIntervalSeconds(),
            config.workerThreads(),
            config.helloTimeoutSeconds(),
            TrustedProxies.of(config.trustedProxies()),
            config.handshakeTimeoutSeconds());
    RelayWebSocketServer server = new RelayWebSocketServer(settings, rooms, meters);
    if (sslContext != null) {
      server.serveTls(sslContext);
    }
    try {
      server.startAndWait();
    } catch (IOException | RuntimeException e) {
      try {
        server.shutdown(1000);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
      finishSnapshots(snapshotWorker);
      opLog.close();
      throw e;
    }
    ScheduledExecutorService roomTimers = startRoomTimers(opLog, rooms);
    return new Relay(config, opLog, snapshotWorker, roomTimers, rooms, server);
  }

  /** The op log {@code config} names: in memory, or SQLite in its data directory. */
  public static OpLog openOpLog(RelayConfig config) {
    if (config.inMemory()) {
      return new InMemoryOpLog();
    }
    if (config.dataDir() == null) {
      throw new IllegalArgumentException("a data directory is required");
    }
    return new SqliteOpLog(
        config.dataDir(), config.durability(), Duration.ofMillis(config.commitIntervalMillis()));
  }

  /**
   * The rooms' periodic work: durable notices ({@link #DURABLE_NOTICES}), and for relays sharing
   * one op log, the check for rooms another relay has taken over. Relays sharing a log serve each
   * room from one relay at a time; after a fail-over and back, some members may still sit on the
   * relay that lost the room: every few seconds each relay checks its rooms against the log and
   * hands such members over (1012).
   */
  private static ScheduledExecutorService startRoomTimers(OpLog opLog, RoomRegistry rooms) {
    ScheduledExecutorService timers =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("room-timers").daemon(true).factory());
    timers.scheduleWithFixedDelay(
        rooms::sendDurableNotices,
        DURABLE_NOTICES.toMillis(),
        DURABLE_NOTICES.toMillis(),
        TimeUnit.MILLISECONDS);
    if (opLog.shared()) {
      timers.scheduleWithFixedDelay(
          rooms::checkSharedLog,
          SHARED_LOG_CHECK.toMillis(),
          SHARED_LOG_CHECK.toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return timers;
  }

  /** Lets snapshots already taken reach the op log before it closes (they are only a cache). */
  private static void finishSnapshots(ExecutorService snapshotWorker) {
    snapshotWorker.shutdown();
    try {
      if (!snapshotWorker.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("a board snapshot is still being saved; the op log has every op it covers");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The WebSocket port (the real one when the config said 0). */
  public int port() {
    return server.getPort();
  }

  public RelayConfig config() {
    return config;
  }

  /** The rooms in memory (diagnostics and tests). */
  public RoomRegistry rooms() {
    return rooms;
  }

  /** Closes clients with 1001, flushes the op log, frees the ports. Idempotent. */
  @Override
  public void close() {
    close(CloseCodes.GOING_AWAY, null);
  }

  /**
   * Like {@link #close()}, but tells every client {@code closeCode} with {@code reason} instead of
   * 1001: the embedded relay of a host who ends the board says 4015 (R86).
   */
  public synchronized void close(int closeCode, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    if (announced) {
      log.info("relay shutting down");
    }
    try {
      if (closeCode == CloseCodes.GOING_AWAY) {
        server.shutdown(5_000);
      } else {
        server.shutdown(5_000, closeCode, reason);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    roomTimers.shutdownNow();
    try {
      roomTimers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rooms.close();
    finishSnapshots(snapshotWorker);
    opLog.close();
    if (announced) {
      log.info("relay stopped");
    }
  }
}
