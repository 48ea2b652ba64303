package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * An op log whose writes wait until the test releases them, in order, like a disk that has not
 * committed yet: until then reads do not see the ops and their futures are not complete.
 */
final class HeldOpLog implements OpLog {
  private final InMemoryOpLog stored = new InMemoryOpLog();
  private final ArrayDeque<Held> held = new ArrayDeque<>();

  private record Held(String room, StoredOp op, CompletableFuture<Void> done) {}

  @Override
  public synchronized CompletableFuture<Void> append(String room, StoredOp op) {
    Held h = new Held(room, op, new CompletableFuture<>());
    held.addLast(h);
    return h.done();
  }

  /** Stores the {@code n} oldest held writes and completes their futures, in order. */
  void release(int n) {
    for (int i = 0; i < n; i++) {
      Held h;
      synchronized (this) {
        h = held.removeFirst();
      }
      stored.append(h.room(), h.op()).join();
      h.done().complete(null);
    }
  }

  /** Fails the oldest held write, as a full disk would. */
  void failNext() {
    Held h;
    synchronized (this) {
      h = held.removeFirst();
    }
    h.done().completeExceptionally(new IllegalStateException("disk full"));
  }

  synchronized int heldCount() {
    return held.size();
  }

  @Override
  public long headSeq(String room) {
    return stored.headSeq(room);
  }

  @Override
  public OptionalLong seqOf(String room, String opId) {
    return stored.seqOf(room, opId);
  }

  @Override
  public List<StoredOp> readAfter(String room, long afterSeq, int max) {
    return stored.readAfter(room, afterSeq, max);
  }

  @Override
  public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
    return stored.saveSnapshot(room, snapshot);
  }

  @Override
  public Optional<BoardSnapshot> latestSnapshot(String room) {
    return stored.latestSnapshot(room);
  }

  @Override
  public void close() {}
}
