package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends this user's presence at most every 40 ms, as the relay throttles it anyway (R18): between
 * sends only the newest presence is kept, and it goes out when the interval ends. A presence
 * replaces the previous one whole (R92) except for laser points, which are the points since the
 * previous send (R90): those of the presences folded together are kept, the newest {@value
 * ProtocolLimits#MAX_LASER_POINTS} of them. Presence is ephemeral, so nothing is sent or kept while
 * the session is not synced.
 */
final class PresenceThrottle {
  private static final Duration INTERVAL = Duration.ofMillis(40);

  private final Connection connection;
  private final Clock clock;
  private final UiTimers timers;
  private Instant lastSent = Instant.EPOCH;
  private ClientMessage.Presence toSend;
  private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;

  PresenceThrottle(Connection connection, Clock clock, UiTimers timers) {
    this.connection = connection;
    this.clock = clock;
    this.timers = timers;
  }

  void send(ClientMessage.Presence next) {
    toSend = toSend == null ? next : folded(toSend, next);
    Duration since = Duration.between(lastSent, clock.instant());
    if (since.compareTo(INTERVAL) >= 0) {
      flush();
    } else {
      timer.cancel();
      timer = timers.later(INTERVAL.minus(since), this::flush);
    }
  }

  /** {@code next}, with the laser points of {@code waiting} before its own (the newest kept). */
  static ClientMessage.Presence folded(
      ClientMessage.Presence waiting, ClientMessage.Presence next) {
    if (waiting.laser() == null) {
      return next;
    }
    float[] older = waiting.laser().toArray();
    float[] newer = next.laser() == null ? new float[0] : next.laser().toArray();
    float[] all = new float[older.length + newer.length];
    System.arraycopy(older, 0, all, 0, older.length);
    System.arraycopy(newer, 0, all, older.length, newer.length);
    int keep = Math.min(all.length, 2 * ProtocolLimits.MAX_LASER_POINTS);
    float[] kept = java.util.Arrays.copyOfRange(all, all.length - keep, all.length);
    return new ClientMessage.Presence(
        next.cursor(),
        next.selection(),
        next.view(),
        next.presenting(),
        Points.of(kept),
        next.draft());
  }

  void cancel() {
    timer.cancel();
  }

  private void flush() {
    if (toSend != null && connection.isSynced()) {
      connection.send(toSend);
      lastSent = clock.instant();
    }
    toSend = null;
  }
}
