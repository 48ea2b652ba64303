package dev.drawbridge.client.history;

import dev.drawbridge.protocol.message.ServerMessage;
import java.util.concurrent.CompletableFuture;

/**
 * Where a board's stored ops come from, a page at a time (R117): the relay's {@code history} pages,
 * or the ops a local board recorded. Pages have the relay's form whatever the source, so {@link
 * BoardHistory} reads both the same way.
 */
public interface HistorySource {
  /**
   * Whether pages can be asked for: false for a relay that serves no history (its welcome has no
   * {@code maxHistoryPage}, R120) and for a board that records none.
   */
  boolean available();

  /**
   * The page of stored ops from seq {@code from}, at most {@code limit} of them. Completes on any
   * thread; exceptionally with {@link HistoryUnavailableException} when no page can come (not
   * connected, the relay refused for good, the source closed). A source retries refusals with a
   * {@code retryAfterMs} above 0 itself.
   */
  CompletableFuture<ServerMessage.History> page(long from, int limit);

  /** A board with no history to show. */
  HistorySource NONE =
      new HistorySource() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public CompletableFuture<ServerMessage.History> page(long from, int limit) {
          return CompletableFuture.failedFuture(
              new HistoryUnavailableException("this board keeps no history"));
        }
      };
}
