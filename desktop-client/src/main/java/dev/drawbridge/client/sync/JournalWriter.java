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

  JournalWriter(OfflineJournal journal, ConfirmedCache cache, Executor io, LongConsumer onDurable) {
    this.journal = journal;
    this.cache = cache;
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

  /** Caches the confirmed board, then forgets journal ops it contains (in that order). */
  void cacheConfirmed(BoardSnapshot snapshot) {
    io.execute(
        () -> {
          try {
            cache.write(snapshot);
            journal.compact(snapshot.seq());
          } catch (IOException e) {
            log.warn("Could not cache the board at seq {}", snapshot.seq(), e);
          }
        });
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
