package dev.drawbridge.client.sync;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: attempt n waits a uniformly random time in [0, min(cap,
 * base·2^(n-1))]. Jitter spreads a room's clients out after a relay restart, so they do not all
 * reconnect in the same instant; the cap keeps a long outage from making the user wait minutes.
 */
public final class ReconnectPolicy {
  private final Duration base;
  private final Duration cap;
  private final Random random;
  private int attempts;

  public ReconnectPolicy(Duration base, Duration cap, Random random) {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap");
    }
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /** Counts one more attempt and returns how long to wait before it. */
  public Duration nextDelay() {
    attempts++;
    return Duration.ofNanos((long) (random.nextDouble() * ceiling(attempts).toNanos()));
  }

  /** The longest wait attempt {@code attempt} (1-based) may get. */
  public Duration ceiling(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 40);
    long nanos = base.toNanos();
    for (int i = 0; i < doublings && nanos < cap.toNanos(); i++) {
      nanos *= 2;
    }
    return Duration.ofNanos(Math.min(nanos, cap.toNanos()));
  }

  /** Attempts since the last reset. */
  public int attempts() {
    return attempts;
  }

  /** The connection proved healthy: the next drop starts from the base delay again. */
  public void reset() {
    attempts = 0;
  }
}
