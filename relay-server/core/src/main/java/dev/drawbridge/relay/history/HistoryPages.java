package dev.drawbridge.relay.history;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogException;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of a room's history from the op log (R117, R118): gap-free stored ops from the
 * asked seq (or from just above the retention base, which the page then carries), at most the asked
 * number, the relay's page size and about {@value #MAX_PAGE_JSON_BYTES} bytes of JSON, and never
 * above the head read first, so {@code next} and {@code headSeq} agree with the ops. Stateless;
 * called on the history sender thread.
 */
public final class HistoryPages {
  /** About 1 MiB of ops' JSON per page (R117); a page holds at least one op all the same. */
  public static final int MAX_PAGE_JSON_BYTES = 1 << 20;

  /** The JSON a history op adds around its op and ids: keys, seq, time, punctuation. */
  private static final int OP_OVERHEAD_BYTES = 64;

  /** Retention may delete ops between two reads of one page: it is read again this often. */
  private static final int ATTEMPTS = 3;

  private final OpLog opLog;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final int maxPage;

  public HistoryPages(OpLog opLog, int maxPage) {
    this.opLog = opLog;
    this.maxPage = maxPage;
  }

  /** The page of {@code room} from {@code from}, at most {@code limit} ops. */
  public ServerMessage.History read(String room, long from, int limit) {
    for (int attempt = 1; ; attempt++) {
      ServerMessage.History page = tryRead(room, from, limit);
      if (page != null) {
        return page;
      }
      if (attempt == ATTEMPTS) {
        throw new OpLogException("history of " + room + " changed under every read", null);
      }
    }
  }

  /** The page, or null when retention moved the base while it was read. */
  private ServerMessage.History tryRead(String room, long from, int limit) {
    long head = opLog.headSeq(room);
    long baseSeq = opLog.historyBaseSeq(room);
    BoardSnapshot base = null;
    long start = from;
    if (baseSeq > 0 && from <= baseSeq) {
      base = opLog.historyBase(room).orElse(null);
      if (base == null || base.seq() != baseSeq) {
        return null;
      }
      start = baseSeq + 1;
    }
    if (start > head) {
      return new ServerMessage.History(from, base, List.of(), null, head);
    }
    int max = (int) Math.min(Math.min(limit, maxPage), head - start + 1);
    List<StoredOp> stored = opLog.readHistory(room, start - 1, max);
    if (stored.isEmpty() || stored.getFirst().seq() != start) {
      return null; // deleted since the base was read: read the new base
    }
    List<HistoryOp> ops = new ArrayList<>(stored.size());
    long bytes = 0;
    long last = start - 1;
    for (StoredOp op : stored) {
      if (op.seq() != last + 1) {
        throw new OpLogException("gap in the op log of " + room + " at " + (last + 1), null);
      }
      bytes += jsonBytes(op);
      if (!ops.isEmpty() && bytes > MAX_PAGE_JSON_BYTES) {
        break;
      }
      ops.add(new HistoryOp(op.seq(), op.id(), op.clientId(), op.wireTime(), op.op()));
      last = op.seq();
    }
    return new ServerMessage.History(from, base, ops, last < head ? last + 1 : null, head);
  }

  /** About what the op takes in the page (its JSON is ASCII but for text, counted per char). */
  private int jsonBytes(StoredOp op) {
    return codec.encodeOp(op.op()).length()
        + op.id().length()
        + op.clientId().length()
        + OP_OVERHEAD_BYTES;
  }
}
