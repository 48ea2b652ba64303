package dev.drawbridge.relay.server;

import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.redis.RedisOpLog;
import dev.drawbridge.relay.room.RoomRegistry;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.tls.TlsConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay {@code serve} runs: relay-core's {@link Relay} on the op log the config chose (Redis,
 * or the core's SQLite / in-memory log), recording into Prometheus meters that {@code /metrics}
 * serves beside {@code /healthz}. {@link #start} returns once both ports accept connections.
 */
public final class RelayServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelayServer.class);

  /** The key prefix of every relay's data in a shared Redis. */
  static final String REDIS_PREFIX = "drawbridge:";

  private final Relay relay;
  private final PrometheusMeterRegistry meters;
  private final MetricsEndpoint metrics;
  private boolean closed;

  private RelayServer(Relay relay, PrometheusMeterRegistry meters, MetricsEndpoint metrics) {
    this.relay = relay;
    this.meters = meters;
    this.metrics = metrics;
  }

  /** Starts a plain ws:// relay server. */
  public static RelayServer start(ServerConfig config) throws IOException {
    return start(config, null);
  }

  /** Starts a relay server, serving wss:// itself when {@code tls} is given. */
  public static RelayServer start(ServerConfig config, TlsConfig tls) throws IOException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    OpLog opLog =
        config.redisUri() != null
            ? new RedisOpLog(config.redisUri(), REDIS_PREFIX)
            : Relay.openOpLog(config.relay());
    Relay relay = Relay.start(config.relay(), tls, opLog, meters);
    MetricsEndpoint metrics = null;
    if (config.metricsPort() >= 0) {
      try {
        metrics =
            new MetricsEndpoint(
                new InetSocketAddress(config.metricsBindAddress(), config.metricsPort()), meters);
      } catch (IOException | RuntimeException e) {
        relay.close();
        meters.close();
        throw e;
      }
      log.atInfo().addKeyValue("metricsPort", metrics.port()).log("metrics listening");
    }
    return new RelayServer(relay, meters, metrics);
  }

  /** The WebSocket port (the real one when the config said 0). */
  public int port() {
    return relay.port();
  }

  /** The /healthz and /metrics port, or -1 when disabled. */
  public int metricsPort() {
    return metrics == null ? -1 : metrics.port();
  }

  /** The rooms in memory (diagnostics and tests). */
  public RoomRegistry rooms() {
    return relay.rooms();
  }

  /** The Prometheus text the /metrics endpoint serves. */
  public String scrapeMetrics() {
    return meters.scrape();
  }

  /** Closes clients with 1001, flushes the op log, frees both ports. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    relay.close();
    if (metrics != null) {
      metrics.close();
    }
    meters.close();
  }
}
