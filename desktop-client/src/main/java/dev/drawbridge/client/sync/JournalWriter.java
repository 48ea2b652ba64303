package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.board.BoardSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps disk work off the UI thread: journal appends, acks and board-cache writes run in order on
 * one IO executor. Appends are group-committed (every op queued while an fsync ran shares the next
 * one), then {@code onDurable} hears the index of the newest op on disk, and only then is it sent.
 *
 * <p>Acked ops leave the journal once both the cached board holds them and the relay said they are
 * durable (R26): compaction runs up to the lower of the two seqs, whenever either grows.
 */
final class JournalWriter {
  private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

  private record Queued(PendingOp op, long index) {}

  private final OfflineJournal journal;
  private final ConfirmedCache cache;
  private final Executor io;
  private final LongConsumer onDurable;
  private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushQueued = new AtomicBoolean();

  // ---- touched on the IO executor only ----
  private long cachedSeq;
  private long relayDurableSeq;
  private long compactedTo;

  /**
   * @param cachedSeq the seq of the board cache on disk (what the journal was restored against)
   */
  JournalWriter(
      OfflineJournal journal,
      ConfirmedCache cache,
      long cachedSeq,
      Executor io,
      LongConsumer onDurable) {
    this.journal = journal;
    this.cache = cache;
    this.cachedSeq = cachedSeq;
    this.io = io;
    this.onDurable = onDurable;
  }

  /** Queues {@code op} (the session's {@code index}-th local op) for a durable append. */
  void append(PendingOp op, long index) {
    queue.add(new Queued(op, index));
    if (flushQueued.compareAndSet(false, true)) {
      io.execute(this::flush);
    }
  }

  private void flush() {
    flushQueued.set(false);
    List<PendingOp> batch = new ArrayList<>();
    long newest = -1;
    for (Queued q; (q = queue.poll()) != null; ) {
      batch.add(q.op());
      newest = q.index();
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      journal.append(batch);
    } catch (IOException e) {
      // Sending anyway beats holding the user's work hostage to a full or failing disk; the ops
      // are still in memory and the relay will store them.
      log.error("Could not write {} ops to the offline journal", batch.size(), e);
    }
    onDurable.accept(newest);
  }

  void acked(String id, long seq) {
    io.execute(
        () -> {
          try {
            journal.acked(id, seq);
          } catch (IOException e) {
            log.warn("Could not record ack of {} in the journal", id, e);
          }
        });
  }

  void dropped(String id) {
    io.execute(
        () -> {
          try {
            journal.dropped(id);
          } catch (IOException e) {
            log.warn("Could not record refusal of {} in the journal", id, e);
          }
        });
  }

  /** Acked ops the relay lost (a reset) are pending again; see {@link OfflineJournal}. */
  void pendingAgain(List<String> ids) {
    io.execute(
        () -> {
          try {
            journal.pendingAgain(ids);
          } catch (IOException e) {
            log.warn("Could not record {} ops as pending again in the journal", ids.size(), e);
          }
        });
  }

  /**
   * Caches the confirmed board and the id of the op at its seq, then forgets journal ops it
   * contains that the relay has made durable (in that order).
   */
  void cacheConfirmed(BoardSnapshot snapshot, String lastOpId) {
    io.execute(
        () -> {
          try {
            cache.write(snapshot, lastOpId);
            cachedSeq = snapshot.seq();
            compact();
          } catch (IOException e) {
            log.warn("Could not cache the board at seq {}", snapshot.seq(), e);
          }
        });
  }

  /** The relay stored every op of the room up to {@code seq} durably (R26). */
  void relayDurable(long seq) {
    io.execute(
        () -> {
          relayDurableSeq = Math.max(relayDurableSeq, seq);
          try {
            compact();
          } catch (IOException e) {
            log.warn("Could not compact the journal at seq {}", seq, e);
          }
        });
  }

  /**
   * The relay replaced the room's history (a reset): its durable seq and the board cached before
   * count for nothing until they are heard or written again.
   */
  void relayReset() {
    io.execute(
        () -> {
          relayDurableSeq = 0;
          cachedSeq = 0;
          compactedTo = 0;
        });
  }

  private void compact() throws IOException {
    long upTo = Math.min(cachedSeq, relayDurableSeq);
    if (upTo > compactedTo) {
      journal.compact(upTo);
      compactedTo = upTo;
    }
  }

  /** Flushes anything queued and closes the journal; runs after every task queued before it. */
  void close() {
    io.execute(
        () -> {
          flush();
          try {
            journal.close();
          } catch (IOException e) {
            log.warn("Could not close the journal", e);
          }
        });
  }
}
