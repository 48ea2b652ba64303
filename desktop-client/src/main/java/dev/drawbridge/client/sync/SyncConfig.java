package dev.drawbridge.client.sync;

import java.time.Duration;

/**
 * Timing and flow-control knobs of a sync session. Tests shorten them; the defaults suit people on
 * ordinary networks.
 *
 * @param pingInterval how often to send an application ping while connected
 * @param heartbeatTimeout silence (no frame at all) after which the connection counts as dead
 * @param backoffBase first reconnect delay ceiling
 * @param backoffCap largest reconnect delay
 * @param healthyAfter a connection synced at least this long resets the backoff
 * @param sendWindow ops sent but not yet acknowledged, at most
 * @param cacheInterval how often the confirmed board is cached to disk (when it changed)
 * @param opsPerSecond sustained send rate, kept below the relay's per-connection limit (200/s)
 * @param opBurst ops that may go out at once (the relay allows 20,000, so an offline session of
 *     that size replays without pacing)
 */
public record SyncConfig(
    Duration pingInterval,
    Duration heartbeatTimeout,
    Duration backoffBase,
    Duration backoffCap,
    Duration healthyAfter,
    int sendWindow,
    Duration cacheInterval,
    double opsPerSecond,
    double opBurst) {

  public SyncConfig {
    if (heartbeatTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException("heartbeatTimeout must exceed pingInterval");
    }
    if (opsPerSecond <= 0 || opBurst < 1) {
      throw new IllegalArgumentException("opsPerSecond must be positive and opBurst at least 1");
    }
    if (sendWindow < 1) {
      throw new IllegalArgumentException("sendWindow must be at least 1");
    }
  }

  public static SyncConfig defaults() {
    return new SyncConfig(
        Duration.ofSeconds(10),
        Duration.ofSeconds(25),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        32,
        Duration.ofSeconds(15),
        180,
        18_000);
  }

  public SyncConfig withHeartbeat(Duration ping, Duration timeout) {
    return new SyncConfig(
        ping,
        timeout,
        backoffBase,
        backoffCap,
        healthyAfter,
        sendWindow,
        cacheInterval,
        opsPerSecond,
        opBurst);
  }

  public SyncConfig withBackoff(Duration base, Duration cap) {
    return new SyncConfig(
        pingInterval,
        heartbeatTimeout,
        base,
        cap,
        healthyAfter,
        sendWindow,
        cacheInterval,
        opsPerSecond,
        opBurst);
  }

  public SyncConfig withCacheInterval(Duration interval) {
    return new SyncConfig(
        pingInterval,
        heartbeatTimeout,
        backoffBase,
        backoffCap,
        healthyAfter,
        sendWindow,
        interval,
        opsPerSecond,
        opBurst);
  }

  public SyncConfig withSendRate(double perSecond, double burst) {
    return new SyncConfig(
        pingInterval,
        heartbeatTimeout,
        backoffBase,
        backoffCap,
        healthyAfter,
        sendWindow,
        cacheInterval,
        perSecond,
        burst);
  }

  public SyncConfig withHealthyAfter(Duration after) {
    return new SyncConfig(
        pingInterval,
        heartbeatTimeout,
        backoffBase,
        backoffCap,
        after,
        sendWindow,
        cacheInterval,
        opsPerSecond,
        opBurst);
  }

  public SyncConfig withSendWindow(int window) {
    return new SyncConfig(
        pingInterval,
        heartbeatTimeout,
        backoffBase,
        backoffCap,
        healthyAfter,
        window,
        cacheInterval,
        opsPerSecond,
        opBurst);
  }
}
