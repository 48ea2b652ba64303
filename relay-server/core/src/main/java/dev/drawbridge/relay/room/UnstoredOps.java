package dev.drawbridge.relay.room;

import dev.drawbridge.relay.oplog.StoredOp;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The room's durable seq and its ops above it, oldest first: acked and broadcast (R13) but not yet
 * readable from the log, so joiners get them from here (R11) and the history check looks here
 * (R12). Not thread-safe: guarded by the room's monitor (transport threads add, the op log's writer
 * thread reports them stored).
 */
final class UnstoredOps {
  /**
   * An op waiting for the log, with its broadcast frame and when it was acked (System.nanoTime).
   */
  record Unstored(StoredOp op, Outbound frame, long ackedNanos) {}

  private final ArrayDeque<Unstored> ops = new ArrayDeque<>();

  /** Everything up to it is stored durably and readable from the log. */
  private long durable;

  UnstoredOps(long durable) {
    this.durable = durable;
  }

  long durable() {
    return durable;
  }

  int size() {
    return ops.size();
  }

  /** Adds the newest op, acked now. */
  void add(StoredOp op, Outbound frame) {
    ops.addLast(new Unstored(op, frame, System.nanoTime()));
  }

  /** The log stored every op up to {@code seq}: they leave memory, their wait is metered. */
  void storedUpTo(long seq, RoomMetrics metrics) {
    durable = seq;
    while (!ops.isEmpty() && ops.getFirst().op().seq() <= durable) {
      metrics.stored(ops.removeFirst().ackedNanos());
    }
  }

  /** The id of the op held here at {@code seq}, or null. */
  String idAt(long seq) {
    for (Unstored u : ops) {
      if (u.op().seq() == seq) {
        return u.op().id();
      }
    }
    return null;
  }

  /** The ops now, for a catch-up sent outside the monitor. */
  List<Unstored> copy() {
    return List.copyOf(ops);
  }
}
