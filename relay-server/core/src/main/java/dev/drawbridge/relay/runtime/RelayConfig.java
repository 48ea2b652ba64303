package dev.drawbridge.relay.runtime;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.relay.blob.BlobLimits;
import dev.drawbridge.relay.history.HistoryLimits;
import dev.drawbridge.relay.net.TrustedProxies;
import dev.drawbridge.relay.oplog.Durability;
import dev.drawbridge.relay.room.RoomLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the relay core needs to start (the server application adds its op log choice and
 * metrics endpoint: {@code ServerConfig}). Defaults are in docs/relay.md.
 *
 * @param bindAddress interface to listen on ("0.0.0.0" for all)
 * @param port WebSocket port; 0 picks a free one
 * @param dataDir where the SQLite op log lives (unused when the op log is handed to {@link
 *     Relay#start(RelayConfig, dev.drawbridge.relay.tls.TlsConfig,
 *     dev.drawbridge.relay.oplog.OpLog, io.micrometer.core.instrument.MeterRegistry)})
 * @param inMemory keep ops in memory only (tests, throwaway relays)
 * @param noAuth accept every handshake as an editor (LAN hosting); otherwise {@code secret} is
 *     required
 * @param secret HS256 secret for tokens
 * @param allowedOrigins Origin allow-list; empty allows every origin
 * @param maxFrameBytes frames above this close with 4009
 * @param maxConnectionsPerIp further handshakes from one address get HTTP 429
 * @param maxPendingBytes unsent bytes per connection before it is closed with 4011
 * @param pingIntervalSeconds WebSocket ping interval (dead peers are dropped after ~1.5×)
 * @param workerThreads WebSocket decoder threads
 * @param limits room limits (members, rooms, rates, snapshots, blobs: {@link #withBlobLimits},
 *     history: {@link #withHistoryLimits})
 * @param durability what an ack promises with the SQLite op log (disk by default)
 * @param trustedProxies reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the
 *     client for the per-address connection limit; loopback by default
 * @param commitIntervalMillis the SQLite op log commits at most this often under load (ops arriving
 *     meanwhile share the commit and its fsync); an op arriving after a quiet spell is committed at
 *     once. Acks and broadcasts do not wait for it (R26); 0 commits as soon as possible
 * @param handshakeTimeoutSeconds a connection whose WebSocket handshake has not finished this long
 *     after it was accepted is closed (R75)
 */
public record RelayConfig(
    String bindAddress,
    int port,
    Path dataDir,
    boolean inMemory,
    boolean noAuth,
    String secret,
    List<String> allowedOrigins,
    int maxFrameBytes,
    int maxConnectionsPerIp,
    long maxPendingBytes,
    int pingIntervalSeconds,
    int workerThreads,
    RoomLimits limits,
    int helloTimeoutSeconds,
    Durability durability,
    List<String> trustedProxies,
    int commitIntervalMillis,
    int handshakeTimeoutSeconds) {

  public RelayConfig {
    allowedOrigins = List.copyOf(allowedOrigins);
    trustedProxies = List.copyOf(trustedProxies);
    TrustedProxies.of(trustedProxies); // throws for an entry that is no address or range
    if (durability == null) {
      throw new IllegalArgumentException("durability is required");
    }
    if (commitIntervalMillis < 0 || commitIntervalMillis > 1_000) {
      throw new IllegalArgumentException("the commit interval must be 0–1000 ms");
    }
    if (handshakeTimeoutSeconds < 1) {
      throw new IllegalArgumentException("the handshake timeout must be at least 1 s");
    }
    if (!noAuth && (secret == null || secret.isEmpty())) {
      throw new IllegalArgumentException("a secret is required unless noAuth is set");
    }
  }

  /**
   * 20 ms: at the benchmark's 1,500 ops/s that is ~30 ops per commit instead of one or two, which
   * takes the fsyncs' CPU out of the relay's cost per delivery; an op's durability then lags its
   * ack by at most that plus one commit (docs/performance.md, "Relay").
   */
  public static final int DEFAULT_COMMIT_INTERVAL_MILLIS = 20;

  /** The server defaults ({@code serve}): port 8080, auth on, a worker thread per CPU. */
  public static RelayConfig serverDefaults(Path dataDir, String secret) {
    return localDefaults(dataDir)
        .edit(
            d -> {
              d.port = 8080;
              d.noAuth = false;
              d.secret = secret;
              d.workerThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
            });
  }

  /**
   * "Host on this computer": all interfaces so others on the LAN can join, a free port, no auth,
   * SQLite in {@code dataDir}.
   */
  public static RelayConfig localDefaults(Path dataDir) {
    return new RelayConfig(
        "0.0.0.0",
        0,
        dataDir,
        false,
        true,
        null,
        List.of(),
        ProtocolLimits.MAX_CLIENT_FRAME_BYTES,
        32,
        16L << 20,
        30,
        2,
        RoomLimits.defaults(),
        10,
        Durability.DISK,
        TrustedProxies.LOOPBACK,
        DEFAULT_COMMIT_INTERVAL_MILLIS,
        10);
  }

  public RelayConfig withBindAddress(String v) {
    return edit(d -> d.bindAddress = v);
  }

  public RelayConfig withPort(int v) {
    return edit(d -> d.port = v);
  }

  public RelayConfig withDataDir(Path v) {
    return edit(d -> d.dataDir = v);
  }

  public RelayConfig withInMemory(boolean v) {
    return edit(d -> d.inMemory = v);
  }

  public RelayConfig withNoAuth(boolean v) {
    return edit(d -> d.noAuth = v);
  }

  /** Sets the token secret (and turns auth on). */
  public RelayConfig withSecret(String v) {
    return edit(
        d -> {
          d.noAuth = v == null;
          d.secret = v;
        });
  }

  public RelayConfig withAllowedOrigins(List<String> v) {
    return edit(d -> d.allowedOrigins = v);
  }

  public RelayConfig withTrustedProxies(List<String> v) {
    return edit(d -> d.trustedProxies = v);
  }

  public RelayConfig withMaxFrameBytes(int v) {
    return edit(d -> d.maxFrameBytes = v);
  }

  public RelayConfig withMaxConnectionsPerIp(int v) {
    return edit(d -> d.maxConnectionsPerIp = v);
  }

  public RelayConfig withMaxPendingBytes(long v) {
    return edit(d -> d.maxPendingBytes = v);
  }

  public RelayConfig withPingIntervalSeconds(int v) {
    return edit(d -> d.pingIntervalSeconds = v);
  }

  public RelayConfig withWorkerThreads(int v) {
    return edit(d -> d.workerThreads = v);
  }

  public RelayConfig withHelloTimeoutSeconds(int v) {
    return edit(d -> d.helloTimeoutSeconds = v);
  }

  public RelayConfig withDurability(Durability v) {
    return edit(d -> d.durability = v);
  }

  public RelayConfig withCommitIntervalMillis(int v) {
    return edit(d -> d.commitIntervalMillis = v);
  }

  public RelayConfig withHandshakeTimeoutSeconds(int v) {
    return edit(d -> d.handshakeTimeoutSeconds = v);
  }

  public RelayConfig withLimits(RoomLimits v) {
    return edit(d -> d.limits = v);
  }

  /** The bounds on image files (R109–R113), which travel with the room limits. */
  public RelayConfig withBlobLimits(BlobLimits v) {
    return withLimits(limits.withBlobs(v));
  }

  /** The bounds on history: page size and rate, retention (R117–R119). */
  public RelayConfig withHistoryLimits(HistoryLimits v) {
    return withLimits(limits.withHistory(v));
  }

  /** This config with {@code change} applied to a mutable copy: the withers' one mechanism. */
  private RelayConfig edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** A mutable copy of a config; checked again when built. */
  private static final class Draft {
    String bindAddress;
    int port;
    Path dataDir;
    boolean inMemory;
    boolean noAuth;
    String secret;
    List<String> allowedOrigins;
    int maxFrameBytes;
    int maxConnectionsPerIp;
    long maxPendingBytes;
    int pingIntervalSeconds;
    int workerThreads;
    RoomLimits limits;
    int helloTimeoutSeconds;
    Durability durability;
    List<String> trustedProxies;
    int commitIntervalMillis;
    int handshakeTimeoutSeconds;

    Draft(RelayConfig from) {
      bindAddress = from.bindAddress;
      port = from.port;
      dataDir = from.dataDir;
      inMemory = from.inMemory;
      noAuth = from.noAuth;
      secret = from.secret;
      allowedOrigins = from.allowedOrigins;
      maxFrameBytes = from.maxFrameBytes;
      maxConnectionsPerIp = from.maxConnectionsPerIp;
      maxPendingBytes = from.maxPendingBytes;
      pingIntervalSeconds = from.pingIntervalSeconds;
      workerThreads = from.workerThreads;
      limits = from.limits;
      helloTimeoutSeconds = from.helloTimeoutSeconds;
      durability = from.durability;
      trustedProxies = from.trustedProxies;
      commitIntervalMillis = from.commitIntervalMillis;
      handshakeTimeoutSeconds = from.handshakeTimeoutSeconds;
    }

    RelayConfig build() {
      return new RelayConfig(
          bindAddress,
          port,
          dataDir,
          inMemory,
          noAuth,
          secret,
          allowedOrigins,
          maxFrameBytes,
          maxConnectionsPerIp,
          maxPendingBytes,
          pingIntervalSeconds,
          workerThreads,
          limits,
          helloTimeoutSeconds,
          durability,
          trustedProxies,
          commitIntervalMillis,
          handshakeTimeoutSeconds);
    }
  }
}
