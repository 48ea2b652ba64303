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
 * number and the relay's page size, never above the head read first (so {@code next} and {@code
 * headSeq} agree with the ops), and encoded once: a page over {@value #MAX_PAGE_JSON_BYTES} bytes
 * of JSON is cut to the share of its ops that fits and encoded again (rare: 2,000 ops of the
 * benchmark's ~300-byte strokes are ~670 KB). Stateless; called on the history sender thread.
 */
public final class HistoryPages {
  /** About 1 MiB of JSON per page (R117); a page holds at least one op all the same. */
  public static final int MAX_PAGE_JSON_BYTES = 1 << 20;

  /** Retention may delete ops between two reads of one page: it is read again this often. */
  private static final int ATTEMPTS = 3;

  /** A page and its JSON, ready to queue. */
  public record Page(ServerMessage.History message, byte[] json) {}

  private final OpLog opLog;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final int maxPage;

  public HistoryPages(OpLog opLog, int maxPage) {
    this.opLog = opLog;
    this.maxPage = maxPage;
  }

  /** The page of {@code room} from {@code from}, at most {@code limit} ops. */
  public ServerMessage.History read(String room, long from, int limit) {
    return page(room, from, limit).message();
  }

  /** {@link #read}, with the page's JSON. */
  public Page page(String room, long from, int limit) {
    for (int attempt = 1; ; attempt++) {
      Page page = tryRead(room, from, limit);
      if (page != null) {
        return page;
      }
      if (attempt == ATTEMPTS) {
        throw new OpLogException("history of " + room + " changed under every read", null);
      }
    }
  }

  /** The page, or null when retention moved the base while it was read. */
  private Page tryRead(String room, long from, int limit) {
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
      return encode(new ServerMessage.History(from, base, List.of(), null, head));
    }
    int max = (int) Math.min(Math.min(limit, maxPage), head - start + 1);
    List<StoredOp> stored = opLog.readHistory(room, start - 1, max);
    if (stored.isEmpty() || stored.getFirst().seq() != start) {
      return null; // deleted since the base was read: read the new base
    }
    List<HistoryOp> ops = new ArrayList<>(stored.size());
    for (StoredOp op : stored) {
      if (op.seq() != start + ops.size()) {
        throw new OpLogException("gap in the op log of " + room + " at " + op.seq(), null);
      }
      ops.add(new HistoryOp(op.seq(), op.id(), op.clientId(), op.wireTime(), op.op()));
    }
    while (true) {
      long last = ops.getLast().seq();
      Page page =
          encode(new ServerMessage.History(from, base, ops, last < head ? last + 1 : null, head));
      if (page.json().length <= MAX_PAGE_JSON_BYTES || ops.size() == 1) {
        return page;
      }
      // Ops in a page are alike enough that their share of the bytes is a good guess.
      long fits = (long) ops.size() * MAX_PAGE_JSON_BYTES / page.json().length * 15 / 16;
      ops = ops.subList(0, (int) Math.clamp(fits, 1, ops.size() - 1));
    }
  }

  private Page encode(ServerMessage.History page) {
    return new Page(page, codec.encodeToBytes(page));
  }
}
