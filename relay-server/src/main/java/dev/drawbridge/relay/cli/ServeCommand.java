package dev.drawbridge.relay.cli;

import dev.drawbridge.relay.auth.TokenSecrets;
import dev.drawbridge.relay.blob.BlobLimits;
import dev.drawbridge.relay.history.HistoryKeep;
import dev.drawbridge.relay.history.HistoryLimits;
import dev.drawbridge.relay.oplog.Durability;
import dev.drawbridge.relay.oplog.UnusableDataException;
import dev.drawbridge.relay.room.RoomLimits;
import dev.drawbridge.relay.runtime.RelayConfig;
import dev.drawbridge.relay.server.RelayServer;
import dev.drawbridge.relay.server.ServerConfig;
import dev.drawbridge.relay.tls.TlsConfig;
import dev.drawbridge.relay.warmup.RelayWarmUp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the relay until SIGTERM/SIGINT, then shuts down gracefully (R23). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the relay.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Option(
      names = "--bind",
      defaultValue = "${env:DRAWBRIDGE_BIND:-0.0.0.0}",
      description = "Interface to listen on (DRAWBRIDGE_BIND, default ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "${env:DRAWBRIDGE_PORT:-8080}",
      description =
          "WebSocket port; 0 = any free port (DRAWBRIDGE_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:DRAWBRIDGE_DATA_DIR:-./relay-data}",
      description =
          "Directory of the SQLite op log (DRAWBRIDGE_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--in-memory",
      defaultValue = "${env:DRAWBRIDGE_IN_MEMORY:-false}",
      description = "Keep ops in memory only (DRAWBRIDGE_IN_MEMORY).")
  boolean inMemory;

  @Option(
      names = "--durability",
      defaultValue = "${env:DRAWBRIDGE_DURABILITY:-disk}",
      converter = DurabilityConverter.class,
      description =
          "When an op is acked with the SQLite op log: disk = on disk (fsync per commit; survives"
              + " a power cut), os = in the OS cache (survives the relay being killed, not a power"
              + " cut) (DRAWBRIDGE_DURABILITY, default ${DEFAULT-VALUE}).")
  Durability durability;

  @Option(
      names = "--commit-interval",
      defaultValue =
          "${env:DRAWBRIDGE_COMMIT_INTERVAL:-" + RelayConfig.DEFAULT_COMMIT_INTERVAL_MILLIS + "}",
      description =
          "Milliseconds between SQLite commits under load: ops arriving meanwhile share one commit"
              + " and one fsync. Acks and broadcasts never wait for it; clients keep their ops until"
              + " the relay says they are durable. 0 commits as soon as possible"
              + " (DRAWBRIDGE_COMMIT_INTERVAL, default ${DEFAULT-VALUE}).")
  int commitInterval;

  /** Accepts the documented lower-case names. */
  static final class DurabilityConverter implements CommandLine.ITypeConverter<Durability> {
    @Override
    public Durability convert(String value) {
      return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "disk" -> Durability.DISK;
        case "os" -> Durability.OS;
        default -> throw new CommandLine.TypeConversionException("expected disk or os: " + value);
      };
    }
  }

  @Option(
      names = "--redis-url",
      defaultValue = "${env:DRAWBRIDGE_REDIS_URL}",
      description =
          "Store ops in Redis (redis://host:6379/0) instead of SQLite (DRAWBRIDGE_REDIS_URL).")
  String redisUrl;

  @Option(
      names = "--secret",
      defaultValue = "${env:DRAWBRIDGE_SECRET}",
      description =
          "HS256 token secret, at least 32 random bytes (DRAWBRIDGE_SECRET). Required unless --no-auth.")
  String secret;

  @Option(
      names = "--no-auth",
      defaultValue = "${env:DRAWBRIDGE_NO_AUTH:-false}",
      description = "Accept everyone as an editor (DRAWBRIDGE_NO_AUTH). Trusted networks only.")
  boolean noAuth;

  @Option(
      names = "--allowed-origins",
      split = ",",
      defaultValue = "${env:DRAWBRIDGE_ALLOWED_ORIGINS:-}",
      description =
          "Comma-separated Origin allow-list; empty allows all (DRAWBRIDGE_ALLOWED_ORIGINS).")
  List<String> allowedOrigins;

  @Option(
      names = "--trusted-proxies",
      split = ",",
      defaultValue = "${env:DRAWBRIDGE_TRUSTED_PROXIES:-127.0.0.0/8,::1}",
      description =
          "Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client for"
              + " --max-connections-per-ip; empty trusts none (DRAWBRIDGE_TRUSTED_PROXIES, default"
              + " ${DEFAULT-VALUE}).")
  List<String> trustedProxies;

  @Option(
      names = "--max-frame-bytes",
      defaultValue = "${env:DRAWBRIDGE_MAX_FRAME_BYTES:-262144}",
      description =
          "Larger frames close with 4009 (DRAWBRIDGE_MAX_FRAME_BYTES, default ${DEFAULT-VALUE}).")
  int maxFrameBytes;

  @Option(
      names = "--max-connections-per-ip",
      defaultValue = "${env:DRAWBRIDGE_MAX_CONNECTIONS_PER_IP:-32}",
      description =
          "HTTP 429 beyond this (DRAWBRIDGE_MAX_CONNECTIONS_PER_IP, default ${DEFAULT-VALUE}).")
  int maxConnectionsPerIp;

  @Option(
      names = "--max-pending-bytes",
      defaultValue = "${env:DRAWBRIDGE_MAX_PENDING_BYTES:-16777216}",
      description =
          "Unsent bytes per connection before close 4011 (DRAWBRIDGE_MAX_PENDING_BYTES, default ${DEFAULT-VALUE}).")
  long maxPendingBytes;

  @Option(
      names = "--max-blob-bytes",
      defaultValue = "${env:DRAWBRIDGE_MAX_BLOB_BYTES:-10485760}",
      description =
          "Largest image file stored, in bytes (1 to 1 GiB); sent to clients in every welcome, and"
              + " a bigger upload is refused with too_big (DRAWBRIDGE_MAX_BLOB_BYTES, default"
              + " ${DEFAULT-VALUE} = 10 MiB).")
  long maxBlobBytes;

  @Option(
      names = "--max-room-blob-bytes",
      defaultValue = "${env:DRAWBRIDGE_MAX_ROOM_BLOB_BYTES:-536870912}",
      description =
          "Bytes of image files one board may hold, each file counted once; an upload past it is"
              + " refused with room_full. Stored blobs are never deleted"
              + " (DRAWBRIDGE_MAX_ROOM_BLOB_BYTES, default ${DEFAULT-VALUE} = 512 MiB).")
  long maxRoomBlobBytes;

  @Option(
      names = "--history-keep",
      defaultValue = "${env:DRAWBRIDGE_HISTORY_KEEP:-all}",
      description =
          "Which ops each board keeps for its history: all, the newest N ops (e.g. 100000, at"
              + " least 1000) or those of the last N days (e.g. 30d). Older ops are deleted only"
              + " after a snapshot covering them is stored, which becomes where the history starts;"
              + " joining and reconnecting work as before. SQLite and in-memory only"
              + " (DRAWBRIDGE_HISTORY_KEEP, default ${DEFAULT-VALUE}).")
  String historyKeep;

  @Option(
      names = "--max-history-page",
      defaultValue = "${env:DRAWBRIDGE_MAX_HISTORY_PAGE:-2000}",
      description =
          "Most ops in one history page, 1 to 2000; sent to clients in every welcome"
              + " (DRAWBRIDGE_MAX_HISTORY_PAGE, default ${DEFAULT-VALUE}).")
  int maxHistoryPage;

  @Option(
      names = "--history-pages-per-second",
      defaultValue = "${env:DRAWBRIDGE_HISTORY_PAGES_PER_SECOND:-20}",
      description =
          "History pages one connection may ask for per second, after a burst of three seconds'"
              + " worth; beyond it history_refused{rate_limited}"
              + " (DRAWBRIDGE_HISTORY_PAGES_PER_SECOND, default ${DEFAULT-VALUE}).")
  double historyPagesPerSecond;

  @Option(
      names = "--ping-interval",
      defaultValue = "${env:DRAWBRIDGE_PING_INTERVAL:-30}",
      description =
          "Seconds between WebSocket pings (DRAWBRIDGE_PING_INTERVAL, default ${DEFAULT-VALUE}).")
  int pingInterval;

  @Option(
      names = "--workers",
      defaultValue = "${env:DRAWBRIDGE_WORKERS:-0}",
      description = "WebSocket worker threads; 0 = number of CPUs (DRAWBRIDGE_WORKERS).")
  int workers;

  @Option(
      names = "--metrics-bind",
      defaultValue = "${env:DRAWBRIDGE_METRICS_BIND:-127.0.0.1}",
      description =
          "Interface for /healthz and /metrics; a private one at most, never public"
              + " (DRAWBRIDGE_METRICS_BIND, default ${DEFAULT-VALUE}).")
  String metricsBind;

  @Option(
      names = "--metrics-port",
      defaultValue = "${env:DRAWBRIDGE_METRICS_PORT:-9090}",
      description =
          "Port for /healthz and /metrics; -1 disables (DRAWBRIDGE_METRICS_PORT, default ${DEFAULT-VALUE}).")
  int metricsPort;

  @Option(
      names = "--max-members",
      defaultValue = "${env:DRAWBRIDGE_MAX_MEMBERS:-100}",
      description =
          "Members per room; more close with 4010 (DRAWBRIDGE_MAX_MEMBERS, default ${DEFAULT-VALUE}).")
  int maxMembers;

  @Option(
      names = "--max-rooms",
      defaultValue = "${env:DRAWBRIDGE_MAX_ROOMS:-10000}",
      description =
          "Rooms in memory; more close with 4010 (DRAWBRIDGE_MAX_ROOMS, default ${DEFAULT-VALUE}).")
  int maxRooms;

  @Option(
      names = "--snapshot-every",
      defaultValue = "${env:DRAWBRIDGE_SNAPSHOT_EVERY:-1000}",
      description =
          "Store a snapshot every N ops, or every (elements / 4) ops on bigger boards"
              + " (DRAWBRIDGE_SNAPSHOT_EVERY, default ${DEFAULT-VALUE}).")
  int snapshotEvery;

  @Option(
      names = "--ops-per-second",
      defaultValue = "${env:DRAWBRIDGE_OPS_PER_SECOND:-200}",
      description =
          "Sustained ops per connection (DRAWBRIDGE_OPS_PER_SECOND, default ${DEFAULT-VALUE}).")
  double opsPerSecond;

  @Option(
      names = "--op-burst",
      defaultValue = "${env:DRAWBRIDGE_OP_BURST:-20000}",
      description = "Op burst per connection (DRAWBRIDGE_OP_BURST, default ${DEFAULT-VALUE}).")
  double opBurst;

  @Option(
      names = "--bytes-per-second",
      defaultValue = "${env:DRAWBRIDGE_BYTES_PER_SECOND:-1048576}",
      description =
          "Sustained op bytes per connection (DRAWBRIDGE_BYTES_PER_SECOND, default ${DEFAULT-VALUE}).")
  double bytesPerSecond;

  @Option(
      names = "--byte-burst",
      defaultValue = "${env:DRAWBRIDGE_BYTE_BURST:-4194304}",
      description =
          "Op byte burst per connection (DRAWBRIDGE_BYTE_BURST, default ${DEFAULT-VALUE}).")
  double byteBurst;

  @Option(
      names = "--rate-limit-strikes",
      defaultValue = "${env:DRAWBRIDGE_RATE_LIMIT_STRIKES:-50}",
      description =
          "Rate-limited ops tolerated before close 4008 (DRAWBRIDGE_RATE_LIMIT_STRIKES, default ${DEFAULT-VALUE}).")
  double strikes;

  @Option(
      names = "--presence-per-second",
      defaultValue = "${env:DRAWBRIDGE_PRESENCE_PER_SECOND:-30}",
      description =
          "Presence updates relayed per client (DRAWBRIDGE_PRESENCE_PER_SECOND, default ${DEFAULT-VALUE}).")
  double presencePerSecond;

  @Option(
      names = "--hello-timeout",
      defaultValue = "${env:DRAWBRIDGE_HELLO_TIMEOUT:-10}",
      description =
          "Seconds a connection may take to send hello before close 4002"
              + " (DRAWBRIDGE_HELLO_TIMEOUT, default ${DEFAULT-VALUE}).")
  int helloTimeout;

  @Option(
      names = "--handshake-timeout",
      defaultValue = "${env:DRAWBRIDGE_HANDSHAKE_TIMEOUT:-10}",
      description =
          "Seconds a connection may take to finish its WebSocket handshake before it is closed"
              + " (DRAWBRIDGE_HANDSHAKE_TIMEOUT, default ${DEFAULT-VALUE}).")
  int handshakeTimeout;

  @Option(
      names = "--warm-up",
      defaultValue = "${env:DRAWBRIDGE_WARM_UP:-" + RelayWarmUp.DEFAULT_MILLIS + "}",
      description =
          "Milliseconds of load the relay runs through itself on a loopback port before it opens"
              + " its own, so its first members get warm latencies; 0 = none"
              + " (DRAWBRIDGE_WARM_UP, default ${DEFAULT-VALUE}).")
  int warmUpMillis;

  @Option(
      names = "--tls-cert",
      defaultValue = "${env:DRAWBRIDGE_TLS_CERT}",
      description =
          "PEM certificate chain, e.g. certbot's fullchain.pem: serve wss:// (DRAWBRIDGE_TLS_CERT).")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      defaultValue = "${env:DRAWBRIDGE_TLS_KEY}",
      description = "PEM PKCS#8 private key for --tls-cert, e.g. privkey.pem (DRAWBRIDGE_TLS_KEY).")
  Path tlsKey;

  @Option(
      names = "--tls-keystore",
      defaultValue = "${env:DRAWBRIDGE_TLS_KEYSTORE}",
      description = "PKCS12 keystore instead of PEM files: serve wss:// (DRAWBRIDGE_TLS_KEYSTORE).")
  Path tlsKeystore;

  @Option(
      names = "--tls-keystore-password",
      defaultValue = "${env:DRAWBRIDGE_TLS_KEYSTORE_PASSWORD:-}",
      description = "Password of --tls-keystore (DRAWBRIDGE_TLS_KEYSTORE_PASSWORD).")
  String tlsKeystorePassword;

  /** The TLS settings the flags ask for; null for plain ws://. */
  TlsConfig tls() {
    if (tlsKeystore != null) {
      return new TlsConfig.Keystore(tlsKeystore, tlsKeystorePassword.toCharArray());
    }
    if (tlsCert != null || tlsKey != null) {
      if (tlsCert == null || tlsKey == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--tls-cert and --tls-key go together");
      }
      return new TlsConfig.Pem(tlsCert, tlsKey);
    }
    return null;
  }

  ServerConfig config() {
    RoomLimits defaults = RoomLimits.defaults();
    RoomLimits limits =
        new RoomLimits(
            maxMembers,
            maxRooms,
            snapshotEvery,
            opsPerSecond,
            opBurst,
            bytesPerSecond,
            Math.max(byteBurst, maxFrameBytes),
            strikes,
            defaults.strikesPerSecond(),
            presencePerSecond);
    if (maxRoomBlobBytes < 1) {
      throw new IllegalArgumentException("--max-room-blob-bytes must be at least 1");
    }
    if (maxBlobBytes < 1 || maxBlobBytes > BlobLimits.MAX_BLOB_BYTES_LIMIT) {
      throw new IllegalArgumentException("--max-blob-bytes must be 1 to 1073741824 (1 GiB)");
    }
    limits = limits.withBlobs(BlobLimits.of(maxBlobBytes, maxRoomBlobBytes));
    limits =
        limits.withHistory(
            new HistoryLimits(
                maxHistoryPage,
                historyPagesPerSecond,
                Math.max(1, 3 * historyPagesPerSecond),
                HistoryKeep.parse(historyKeep)));
    RelayConfig relay =
        new RelayConfig(
            bind,
            port,
            dataDir,
            inMemory,
            noAuth,
            noAuth ? null : secret,
            allowedOrigins == null ? List.of() : allowedOrigins,
            maxFrameBytes,
            maxConnectionsPerIp,
            maxPendingBytes,
            pingInterval,
            workers > 0 ? workers : Math.max(2, Runtime.getRuntime().availableProcessors()),
            limits,
            helloTimeout,
            durability,
            trustedProxies == null ? List.of() : trustedProxies,
            commitInterval,
            handshakeTimeout);
    return new ServerConfig(relay, redisUrl, metricsBind, metricsPort);
  }

  @Override
  public Integer call() throws Exception {
    if (!noAuth && (secret == null || secret.isEmpty())) {
      log.error("set --secret (or DRAWBRIDGE_SECRET), or run with --no-auth on a trusted network");
      return 2;
    }
    Optional<String> weakSecret = noAuth ? Optional.empty() : TokenSecrets.weakness(secret);
    if (weakSecret.isPresent()) {
      log.error("refusing to start: {}", weakSecret.get());
      return 2;
    }
    ServerConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      log.error("{}", e.getMessage());
      return 2;
    }
    if (warmUpMillis < 0 || warmUpMillis > 60_000) {
      log.error("--warm-up must be 0 to 60000 milliseconds");
      return 2;
    }
    if (warmUpMillis > 0) {
      RelayWarmUp.run(config, Duration.ofMillis(warmUpMillis));
    }
    RelayServer relay;
    try {
      relay = RelayServer.start(config, tls());
    } catch (UnusableDataException e) {
      // Restarting would fail the same way every 2 s (systemd): say what to do, once.
      log.error("refusing to start: {}", e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("relay-shutdown")
                .unstarted(
                    () -> {
                      relay.close();
                      stopped.countDown();
                    }));
    stopped.await();
    return 0;
  }
}
