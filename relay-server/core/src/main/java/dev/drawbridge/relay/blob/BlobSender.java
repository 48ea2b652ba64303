package dev.drawbridge.relay.blob;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The relay's one thread for sending fetched blobs (R112): it reads their chunks from the op log
 * and queues them to each connection only while that connection's send queue is nearly empty
 * ({@link #LOW_WATER}), so an op queued meanwhile waits behind at most two chunks (~130 KB) and a
 * 10 MiB picture never counts toward the slow-consumer cap (R24, {@code --max-pending-bytes}).
 * Reads happen here, off the rooms' ordering path and off the transport's workers. The thread is
 * made at the first fetch. History pages (R117) are paced the same way on a sender of their own
 * ({@code history-sender}), so a page read never waits behind a picture nor the other way round.
 */
public final class BlobSender implements AutoCloseable {
  /**
   * A connection gets its next chunk only while fewer bytes than this wait to be written: two
   * frames of a full chunk, so the network always has the next one ready.
   */
  public static final long LOW_WATER = 2L * 65_600;

  /**
   * How long a fetch first waits before it looks at a full send queue again; each look that finds
   * it still full doubles the wait, up to {@link #MAX_PAUSE_MILLIS}, so a fast reader is fed at
   * once and a slow one costs the thread a few wake-ups a second, not hundreds.
   */
  public static final long PAUSE_MILLIS = 2;

  public static final long MAX_PAUSE_MILLIS = 64;

  private final String threadName;
  private ScheduledExecutorService thread;
  private boolean closed;

  public BlobSender() {
    this("blob-sender");
  }

  /** A sender whose thread is called {@code threadName}. */
  public BlobSender(String threadName) {
    this.threadName = threadName;
  }

  /** Runs {@code step} on the sender thread soon; nothing once the sender is closed. */
  public synchronized void execute(Runnable step) {
    if (!closed) {
      executor().execute(step);
    }
  }

  /** Runs {@code step} after {@code millis}; nothing once the sender is closed. */
  public synchronized void later(Runnable step, long millis) {
    if (!closed) {
      executor().schedule(step, millis, TimeUnit.MILLISECONDS);
    }
  }

  private ScheduledExecutorService executor() {
    if (thread == null) {
      thread =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name(threadName).daemon(true).factory());
    }
    return thread;
  }

  /** Stops sending; fetches not finished are dropped with their connections. */
  @Override
  public synchronized void close() {
    closed = true;
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
