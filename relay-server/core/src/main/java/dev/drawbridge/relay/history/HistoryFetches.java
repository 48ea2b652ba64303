package dev.drawbridge.relay.history;

import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.TokenBucket;
import dev.drawbridge.relay.blob.BlobSender;
import dev.drawbridge.relay.blob.FetchSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's {@code history_get}s (R117, R119): at most one unanswered, rate limited per
 * connection, each answered with one page or one refusal. A page is read and queued on the history
 * sender's thread, once the connection's send queue has drained below {@link BlobSender#LOW_WATER}
 * as for blob data (R112): live ops queued meanwhile never wait behind more than one page, and a
 * page never pushes its reader over the slow-consumer limit (R24). {@link #request} is called by
 * the connection's session; the rest runs on the sender thread.
 */
public final class HistoryFetches {
  private static final Logger log = LoggerFactory.getLogger(HistoryFetches.class);

  /** When to ask again while a page is under way: about one page's read and send. */
  public static final long BUSY_RETRY_MS = 100;

  /** When to ask again after the op log failed a read. */
  public static final long UNAVAILABLE_RETRY_MS = 1_000;

  private final BlobSender sender;
  private final HistoryPages pages;
  private final String room;
  private final FetchSink sink;
  private final HistoryMetrics metrics;
  private final TokenBucket bucket;

  /** Whether a request is unanswered. Guarded by this. */
  private boolean pending;

  // The sender thread's: how long to wait before looking at a full send queue again.
  private long pause = BlobSender.PAUSE_MILLIS;

  public HistoryFetches(
      BlobSender sender,
      HistoryPages pages,
      HistoryLimits limits,
      String room,
      FetchSink sink,
      HistoryMetrics metrics,
      long nowNanos) {
    this.sender = sender;
    this.pages = pages;
    this.room = room;
    this.sink = sink;
    this.metrics = metrics;
    this.bucket = new TokenBucket(limits.pagesPerSecond(), limits.pageBurst(), nowNanos);
  }

  /**
   * Queues {@code get}, or returns the refusal to send for it: {@code busy} while one is unanswered
   * (a refused request costs no page of the rate), else {@code rate_limited}.
   */
  public synchronized ServerMessage.HistoryRefused request(
      ClientMessage.HistoryGet get, long nowNanos) {
    if (pending) {
      return new ServerMessage.HistoryRefused("busy", BUSY_RETRY_MS);
    }
    long wait = bucket.tryTake(1, nowNanos);
    if (wait > 0) {
      return new ServerMessage.HistoryRefused("rate_limited", wait);
    }
    pending = true;
    sender.execute(() -> step(get));
    return null;
  }

  /** Reads and sends the page once the connection's queue has room, else comes back later. */
  private void step(ClientMessage.HistoryGet get) {
    if (!sink.isOpen()) {
      answered(); // gone: nothing to read for it
      return;
    }
    if (sink.pendingBytes() >= BlobSender.LOW_WATER) {
      pause = Math.min(2 * pause, BlobSender.MAX_PAUSE_MILLIS);
      sender.later(() -> step(get), pause);
      return;
    }
    pause = BlobSender.PAUSE_MILLIS;
    HistoryPages.Page page;
    long started = System.nanoTime();
    try {
      page = pages.page(room, get.from(), get.limit());
      metrics.served(page.ops(), System.nanoTime() - started);
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("room", room)
          .addKeyValue("from", get.from())
          .setCause(e)
          .log("history read failed");
      answered();
      sink.send(new ServerMessage.HistoryRefused("unavailable", UNAVAILABLE_RETRY_MS));
      return;
    }
    // Answered before it is queued: a client that asks for the next page as soon as this one
    // arrives is never refused busy.
    answered();
    sink.sendJson(page.json());
  }

  private synchronized void answered() {
    pending = false;
  }
}
