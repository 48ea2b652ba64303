package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.PendingOp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * This user's ops the relay acknowledged but has not yet said are durable (R26), in ack order. A
 * relay crash may still lose them: on a reset they go out again, with their ids. Also the relay's
 * durable seq as last heard, which the next reset forgets (the room's history starts over).
 *
 * <p>Touched on the session's UI executor only.
 */
final class AckedNotDurable {
  private record Acked(PendingOp op, long seq) {}

  private final LinkedHashMap<String, Acked> ops = new LinkedHashMap<>();
  private long durableSeq;

  /** The relay stored {@code op} at {@code seq}; forgotten at once when that is already durable. */
  void acked(PendingOp op, long seq) {
    if (seq > durableSeq) {
      ops.put(op.id(), new Acked(op, seq));
    }
  }

  /** Every op of the room up to {@code seq} is durable; false when that is nothing new. */
  boolean durable(long seq) {
    if (seq <= durableSeq) {
      return false;
    }
    durableSeq = seq;
    for (Iterator<Acked> it = ops.values().iterator(); it.hasNext(); ) {
      if (it.next().seq() <= durableSeq) {
        it.remove();
      }
    }
    return true;
  }

  int size() {
    return ops.size();
  }

  /**
   * The relay replaced its history (a reset): returns the ops it may have lost, in ack order, and
   * forgets them and its durable seq.
   */
  List<PendingOp> takeAll() {
    List<PendingOp> taken = new ArrayList<>();
    for (Acked a : ops.values()) {
      taken.add(a.op());
    }
    ops.clear();
    durableSeq = 0;
    return taken;
  }
}
