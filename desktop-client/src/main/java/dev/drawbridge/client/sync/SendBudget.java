package dev.drawbridge.client.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket pacing outgoing ops a little below the relay's per-connection rate limit (R17), so
 * replaying a long offline session streams steadily instead of being refused in bursts (and closed
 * with 4008 after too many refusals).
 */
final class SendBudget {
  private final double perSecond;
  private final double burst;
  private double tokens;
  private Instant updated;

  SendBudget(double perSecond, double burst, Instant now) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.updated = now;
  }

  /** Takes one token if there is one. */
  boolean tryTake(Instant now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** How long until one token is available. */
  Duration untilNext(Instant now) {
    refill(now);
    if (tokens >= 1) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
  }

  private void refill(Instant now) {
    if (now.isAfter(updated)) {
      double seconds = Duration.between(updated, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * perSecond);
      updated = now;
    }
  }
}
