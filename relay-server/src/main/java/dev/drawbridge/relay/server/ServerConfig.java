package dev.drawbridge.relay.server;

import dev.drawbridge.relay.runtime.RelayConfig;
import java.util.function.UnaryOperator;

/**
 * What {@code serve} runs: the relay core's settings, and what only the server application has.
 *
 * @param relay the relay core's settings (ports, limits, auth, SQLite or in memory)
 * @param redisUri store ops in this Redis (e.g. {@code redis://host:6379/0}) instead; null for the
 *     core's op log. Several relays may share it, one relay per room at a time (route by room):
 *     relays do not fan out to each other
 * @param metricsBindAddress interface for /healthz and /metrics
 * @param metricsPort port for /healthz and /metrics; -1 disables them, 0 picks a free one
 */
public record ServerConfig(
    RelayConfig relay, String redisUri, String metricsBindAddress, int metricsPort) {

  public ServerConfig {
    if (relay == null) {
      throw new IllegalArgumentException("the relay settings are required");
    }
  }

  /** {@code relay} on its own op log, without a metrics endpoint. */
  public static ServerConfig of(RelayConfig relay) {
    return new ServerConfig(relay, null, "127.0.0.1", -1);
  }

  public ServerConfig withRelay(UnaryOperator<RelayConfig> change) {
    return new ServerConfig(change.apply(relay), redisUri, metricsBindAddress, metricsPort);
  }

  public ServerConfig withRedis(String uri) {
    return new ServerConfig(relay, uri, metricsBindAddress, metricsPort);
  }

  public ServerConfig withMetrics(String bind, int port) {
    return new ServerConfig(relay, redisUri, bind, port);
  }
}
