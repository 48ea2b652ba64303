package dev.drawbridge.relay.room;

import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The op ids a room has sequenced, for R15: recent ones and every one not yet durable with their
 * seq in memory, older ones in the log. A Bloom filter of every stored id ({@link OpIdFilter})
 * spares the log a lookup for a new id, the common case. Not thread-safe: guarded by the room's
 * monitor (transport threads look up and add, the op log's writer thread trims on durable).
 */
final class SequencedIds {
  private static final int RECENT_IDS = 10_000;

  private final String room;
  private final OpLog opLog;
  private final LinkedHashMap<String, Sequenced> recent = new LinkedHashMap<>();

  /** Where and when (R116) the room sequenced an id. */
  private record Sequenced(long seq, long t) {}

  private final OpIdFilter stored;

  /** Reads every id the log holds for {@code room} ({@code count} of them) into the filter. */
  SequencedIds(String room, OpLog opLog, long count) {
    this.room = room;
    this.opLog = opLog;
    this.stored = new OpIdFilter(count);
    opLog.forEachOpId(room, stored::add);
  }

  /** The seq the room gave {@code id}, if it has sequenced it. */
  OptionalLong seqOf(String id) {
    Sequenced s = recent.get(id);
    if (s != null) {
      return OptionalLong.of(s.seq());
    }
    return stored.mightContain(id) ? opLog.seqOf(room, id) : OptionalLong.empty();
  }

  /**
   * When the room sequenced {@code id}, found at {@code seq} by {@link #seqOf}: for the ack of a
   * duplicate (R15, R116). 0 when unknown (stored before op times, or deleted by retention).
   */
  long timeOf(String id, long seq) {
    Sequenced s = recent.get(id);
    if (s != null) {
      return s.t();
    }
    List<StoredOp> at = opLog.readAfter(room, seq - 1, 1);
    return at.isEmpty() || at.getFirst().seq() != seq ? 0 : at.getFirst().t();
  }

  void add(String id, long seq, long t) {
    recent.put(id, new Sequenced(seq, t));
    stored.add(id);
  }

  /** Forgets the oldest ids beyond the window; never one above {@code durable} (not in the log). */
  void trim(long durable) {
    var it = recent.values().iterator();
    while (recent.size() > RECENT_IDS && it.hasNext()) {
      if (it.next().seq() > durable) {
        break;
      }
      it.remove();
    }
  }
}
