package dev.drawbridge.relay.auth;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

/**
 * WARN lines about faults a peer caused (bad frames, refused handshakes, refused tokens), at most
 * {@code burst} at once and {@code perSecond} after that for the whole process
 * (docs/reliability.md): a peer that reconnects to send one bad frame or token after another must
 * not be able to fill the disk. The next line written says how many were left out ({@code
 * suppressed=K}); the rejects counter still counts every one. Thread-safe.
 */
public final class PeerFaultLog {
  /** Lines at once, by default. */
  public static final int BURST = 20;

  /** Lines a second after a burst, by default. */
  public static final int LINES_PER_SECOND = 1;

  private final Logger log;
  private final LongSupplier nanoClock;
  private final TokenBucket lines;
  private long suppressed;

  public PeerFaultLog(Logger log) {
    this(log, LINES_PER_SECOND, BURST, System::nanoTime);
  }

  public PeerFaultLog(Logger log, double perSecond, double burst, LongSupplier nanoClock) {
    this.log = log;
    this.nanoClock = nanoClock;
    this.lines = new TokenBucket(perSecond, burst, nanoClock.getAsLong());
  }

  /** A WARN event to fill in and log, or one that discards everything when over the rate. */
  public LoggingEventBuilder atWarn() {
    long left;
    synchronized (this) {
      if (lines.tryTake(1, nanoClock.getAsLong()) > 0) {
        suppressed++;
        return NOPLoggingEventBuilder.singleton();
      }
      left = suppressed;
      suppressed = 0;
    }
    LoggingEventBuilder event = log.atWarn();
    return left == 0 ? event : event.addKeyValue("suppressed", left);
  }
}
