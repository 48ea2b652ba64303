package dev.drawbridge.relay.net;

import dev.drawbridge.relay.auth.TokenBucket;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.NOPLoggingEventBuilder;

/**
 * WARN lines about faults a peer caused, at most {@link #BURST} at once and {@link
 * #LINES_PER_SECOND} after that for the whole process (docs/reliability.md, Frames): a peer that
 * reconnects to send one bad frame after another must not be able to fill the disk. The next line
 * written says how many were left out ({@code suppressed=K}); the rejects counter still counts
 * every one.
 */
final class PeerFaultLog {
  static final int BURST = 20;
  static final int LINES_PER_SECOND = 1;

  private final Logger log;
  private final LongSupplier nanoClock;
  private final TokenBucket lines;
  private long suppressed;

  PeerFaultLog(Logger log) {
    this(log, System::nanoTime);
  }

  PeerFaultLog(Logger log, LongSupplier nanoClock) {
    this.log = log;
    this.nanoClock = nanoClock;
    this.lines = new TokenBucket(LINES_PER_SECOND, BURST, nanoClock.getAsLong());
  }

  /** A WARN event to fill in and log, or one that discards everything when over the rate. */
  LoggingEventBuilder atWarn() {
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
