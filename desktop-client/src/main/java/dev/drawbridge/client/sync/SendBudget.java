package dev.drawbridge.client.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket pacing outgoing ops a little below the relay's per-connection rate limit (R17), so
 * replaying a long offline session streams steadily instead of being refused in bursts (and closed
 * with 4008 after too many refusals). A relay configured with a lower limit still refuses some ops:
 * each refusal halves the rate, each acknowledged op wins a little of it back (AIMD).
 */
final class SendBudget {
  private static final double MIN_PER_SECOND = 5;
  private final double maxPerSecond;
  private final double burst;
  private double perSecond;
  private double tokens;
  private Instant updated;

  SendBudget(double perSecond, double burst, Instant now) {
    this.maxPerSecond = perSecond;
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

  /** The relay refused an op for its rate: halve ours and drop what was saved up. */
  void slowDown(Instant now) {
    refill(now);
    perSecond = Math.max(MIN_PER_SECOND, perSecond / 2);
    tokens = Math.min(tokens, 1);
  }

  /** An op went through: recover towards the configured rate. */
  void speedUp() {
    perSecond = Math.min(maxPerSecond, perSecond + 1);
  }

  double perSecond() {
    return perSecond;
  }

  private void refill(Instant now) {
    if (now.isAfter(updated)) {
      double seconds = Duration.between(updated, now).toNanos() / 1e9;
      tokens = Math.min(burst, tokens + seconds * perSecond);
      updated = now;
    }
  }
}
