package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends this user's cursor and selection at most every 40 ms, as the relay throttles it anyway
 * (R18): between sends only the newest position is kept, and it goes out when the interval ends.
 * Presence is ephemeral, so nothing is sent or kept while the session is not synced.
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

  void send(Cursor cursor, List<String> selection) {
    toSend = new ClientMessage.Presence(cursor, selection);
    Duration since = Duration.between(lastSent, clock.instant());
    if (since.compareTo(INTERVAL) >= 0) {
      flush();
    } else {
      timer.cancel();
      timer = timers.later(INTERVAL.minus(since), this::flush);
    }
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
