package dev.drawbridge.relay.auth;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code ratePerSecond}. Callers pass the time
 * in nanoseconds so tests need no clock. Not thread-safe: one per connection, used from that
 * connection's worker thread.
 */
public final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double ratePerSecond, double capacity, long nowNanos) {
    if (ratePerSecond <= 0 || capacity <= 0) {
      throw new IllegalArgumentException("rate and capacity must be positive");
    }
    this.capacity = capacity;
    this.perNano = ratePerSecond / 1e9;
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes {@code cost} tokens if there are enough; returns 0 then, else the wait in ms (> 0). */
  public long tryTake(double cost, long nowNanos) {
    refill(nowNanos);
    if (tokens >= cost) {
      tokens -= cost;
      return 0;
    }
    double missing = Math.min(cost, capacity) - tokens;
    return Math.max(1, (long) Math.ceil(missing / perNano / 1e6));
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * perNano);
      lastNanos = nowNanos;
    }
  }
}
