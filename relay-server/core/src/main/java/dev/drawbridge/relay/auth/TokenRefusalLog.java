package dev.drawbridge.relay.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's log line for each refused token, naming the failed check, which the client's answer
 * never does. At most {@code perSecond} lines a second (bursts of {@code burst}), so a client
 * spraying bad tokens cannot flood the log; the next line written counts the ones left out.
 * Thread-safe.
 */
final class TokenRefusalLog {
  private static final Logger log = LoggerFactory.getLogger(TokenVerifier.class);

  private final TokenBucket lines;
  private long left;

  TokenRefusalLog(double perSecond, double burst, long nowNanos) {
    this.lines = new TokenBucket(perSecond, burst, nowNanos);
  }

  /** Logs the refusal unless over the rate; true if a line was written. */
  synchronized boolean record(String room, String detail, long nowNanos) {
    if (lines.tryTake(1, nowNanos) != 0) {
      left++;
      return false;
    }
    log.atWarn()
        .addKeyValue("room", room)
        .addKeyValue("check", detail)
        .addKeyValue("suppressed", left)
        .log("token refused");
    left = 0;
    return true;
  }
}
