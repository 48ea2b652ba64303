package dev.drawbridge.client.sync;

import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.history.HistoryUnavailableException;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's history pages (R117–R120) as a {@link HistorySource}: {@code history_get} through the
 * connection, one unanswered at a time as the relay wants (further asks wait in a queue), a refusal
 * with a retry-after asked again after it, and everything under way failed when the connection
 * drops (the caller asks again once it is back).
 *
 * <p>Touched on the session's UI executor only; {@link #page} hops onto it.
 */
final class RelayHistory implements HistorySource {
  private static final Logger log = LoggerFactory.getLogger(RelayHistory.class);

  /** One ask: what it wants and who waits for it. */
  private record Request(long from, int limit, CompletableFuture<ServerMessage.History> result) {}

  private final Connection connection;
  private final UiTimers timers;
  private final Executor ui;
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private Request inFlight;
  private Scheduler.Cancellable retry = Scheduler.Cancellable.NONE;
  // The last welcome's page size; null before one, or from a relay that serves no history (R120).
  private volatile Integer maxPage;
  private boolean connected;

  RelayHistory(Connection connection, UiTimers timers, Executor ui) {
    this.connection = connection;
    this.timers = timers;
    this.ui = ui;
  }

  /**
   * Whether the relay's last welcome said it serves history. It stays true while disconnected, so a
   * look at the past then fails as "not connected" instead of showing a history recorded here.
   */
  @Override
  public boolean available() {
    return maxPage != null;
  }

  @Override
  public CompletableFuture<ServerMessage.History> page(long from, int limit) {
    CompletableFuture<ServerMessage.History> result = new CompletableFuture<>();
    ui.execute(() -> ask(new Request(Math.max(1, from), Math.max(1, limit), result)));
    return result;
  }

  // ---- the connection's events (UI thread) ----------------------------------------------------

  /** A welcome: with {@code maxHistoryPage} this connection may ask (R120). */
  void welcomed(Integer maxHistoryPage) {
    maxPage = maxHistoryPage;
    connected = true;
    if (maxHistoryPage == null) {
      failAll("this relay keeps no history");
    }
    pump();
  }

  /** The connection dropped: nothing under way will be answered. */
  void connectionDropped() {
    connected = false;
    failAll("not connected");
  }

  /** A {@code history} page: completes the ask under way when it answers it. */
  void received(ServerMessage.History page) {
    if (inFlight == null || page.from() != inFlight.from()) {
      log.debug("Ignoring a history page from {} nobody asked for", page.from());
      return;
    }
    Request done = inFlight;
    inFlight = null;
    done.result().complete(page);
    pump();
  }

  /** A {@code history_refused} for the ask under way (R119). */
  void refused(ServerMessage.HistoryRefused refused) {
    if (inFlight == null) {
      log.debug("Ignoring a history refusal nobody asked for: {}", refused.reason());
      return;
    }
    if (refused.retryAfterMs() <= 0) {
      Request done = inFlight;
      inFlight = null;
      done.result()
          .completeExceptionally(
              new HistoryUnavailableException("the relay refused: " + refused.reason()));
      pump();
      return;
    }
    // Still in flight: no other ask goes out before this one is answered.
    int gen = connection.generation();
    Request waiting = inFlight;
    retry =
        timers.later(
            Duration.ofMillis(refused.retryAfterMs()),
            () -> {
              if (gen == connection.generation() && inFlight == waiting) {
                send(waiting);
              }
            });
  }

  // ---- inside ---------------------------------------------------------------------------------

  private void ask(Request request) {
    if (!connected || maxPage == null) {
      request
          .result()
          .completeExceptionally(
              new HistoryUnavailableException(
                  maxPage == null ? "this relay keeps no history" : "not connected"));
      return;
    }
    queue.add(request);
    pump();
  }

  private void pump() {
    if (inFlight != null || queue.isEmpty() || !connected || maxPage == null) {
      return;
    }
    inFlight = queue.poll();
    send(inFlight);
  }

  private void send(Request request) {
    int limit = Math.min(request.limit(), maxPage);
    if (!connection.send(new ClientMessage.HistoryGet(request.from(), limit))) {
      // The socket closed underneath; its close event fails the rest.
      inFlight = null;
      request.result().completeExceptionally(new HistoryUnavailableException("not connected"));
    }
  }

  private void failAll(String why) {
    retry.cancel();
    if (inFlight != null) {
      queue.addFirst(inFlight);
      inFlight = null;
    }
    while (!queue.isEmpty()) {
      queue.poll().result().completeExceptionally(new HistoryUnavailableException(why));
    }
  }
}
