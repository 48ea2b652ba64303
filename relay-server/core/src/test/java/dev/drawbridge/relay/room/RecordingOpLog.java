package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A real log that records the room's lookups and snapshots. */
final class RecordingOpLog implements OpLog {
  final OpLog inner;
  final AtomicInteger lookups = new AtomicInteger();
  final List<Long> snapshotSeqs = new CopyOnWriteArrayList<>();

  /** When set, saving a snapshot waits until it opens (a slow disk). */
  volatile CountDownLatch snapshotGate;

  /** How many of the next snapshot saves throw (a disk error, an encoding bug). */
  volatile int failSnapshots;

  RecordingOpLog(OpLog inner) {
    this.inner = inner;
  }

  @Override
  public CompletableFuture<Void> append(String room, StoredOp op) {
    return inner.append(room, op);
  }

  @Override
  public long headSeq(String room) {
    return inner.headSeq(room);
  }

  @Override
  public OptionalLong seqOf(String room, String opId) {
    lookups.incrementAndGet();
    return inner.seqOf(room, opId);
  }

  @Override
  public void forEachOpId(String room, Consumer<String> action) {
    inner.forEachOpId(room, action);
  }

  @Override
  public List<StoredOp> readAfter(String room, long afterSeq, int max) {
    return inner.readAfter(room, afterSeq, max);
  }

  @Override
  public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
    snapshotSeqs.add(snapshot.seq());
    if (failSnapshots > 0) {
      failSnapshots--;
      throw new IllegalStateException("disk full");
    }
    CountDownLatch gate = snapshotGate;
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      }
    }
    return inner.saveSnapshot(room, snapshot);
  }

  @Override
  public Optional<BoardSnapshot> latestSnapshot(String room) {
    return inner.latestSnapshot(room);
  }

  @Override
  public void close() {
    inner.close();
  }
}
