package dev.drawbridge.relay.history;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.EncodedOp;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of a room's history from the op log (R117, R118): gap-free stored ops from the
 * asked seq (or from just above the retention base, which the page then carries), at most the asked
 * number and the relay's page size, never above the head read first (so {@code next} and {@code
 * headSeq} agree with the ops), and at most {@value #MAX_PAGE_JSON_BYTES} bytes of JSON unless its
 * one op is bigger. The page is written here around each op's stored JSON, in the codec's form of
 * {@code history} (HistoryPagesTest checks it byte for byte): decoding and re-encoding every op
 * cost the relay more CPU than everything else a page takes. Stateless; called on the history
 * sender thread.
 */
public final class HistoryPages {
  /** About 1 MiB of JSON per page (R117); a page holds at least one op all the same. */
  public static final int MAX_PAGE_JSON_BYTES = 1 << 20;

  /** Retention may delete ops between two reads of one page: it is read again this often. */
  private static final int ATTEMPTS = 3;

  /** A page as queued: its JSON, and how many ops it holds (for the meters). */
  public record Page(int ops, byte[] json) {}

  private final OpLog opLog;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final int maxPage;

  public HistoryPages(OpLog opLog, int maxPage) {
    this.opLog = opLog;
    this.maxPage = maxPage;
  }

  /** The page of {@code room} from {@code from}, at most {@code limit} ops, decoded (tests). */
  public ServerMessage.History read(String room, long from, int limit) {
    try {
      return (ServerMessage.History)
          codec.decodeServer(new String(page(room, from, limit).json(), StandardCharsets.UTF_8));
    } catch (ProtocolException e) {
      throw new IllegalStateException("a history page that does not decode", e);
    }
  }

  /** The page of {@code room} from {@code from}, at most {@code limit} ops, as JSON. */
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
    String base = null;
    long start = from;
    if (baseSeq > 0 && from <= baseSeq) {
      BoardSnapshot snapshot = opLog.historyBase(room).orElse(null);
      if (snapshot == null || snapshot.seq() != baseSeq) {
        return null;
      }
      base = codec.encodeSnapshot(snapshot);
      start = baseSeq + 1;
    }
    if (start > head) {
      return assemble(from, base, List.of(), head);
    }
    int max = (int) Math.min(Math.min(limit, maxPage), head - start + 1);
    List<EncodedOp> stored = opLog.readHistory(room, start - 1, max);
    if (stored.isEmpty() || stored.getFirst().seq() != start) {
      return null; // deleted since the base was read: read the new base
    }
    List<String> ops = new ArrayList<>(stored.size());
    long chars = base == null ? 0 : base.length();
    for (EncodedOp op : stored) {
      if (op.seq() != start + ops.size()) {
        throw new OpLogException("gap in the op log of " + room + " at " + op.seq(), null);
      }
      String json = opJson(op);
      chars += json.length() + 1;
      if (!ops.isEmpty() && chars > MAX_PAGE_JSON_BYTES) {
        break;
      }
      ops.add(json);
    }
    while (true) {
      Page page = assemble(from, base, ops, head, start);
      if (page.json().length <= MAX_PAGE_JSON_BYTES || ops.size() == 1) {
        return page;
      }
      // Text beyond ASCII takes more bytes than chars: cut by the share that fits.
      long fits = (long) ops.size() * MAX_PAGE_JSON_BYTES / page.json().length;
      ops = ops.subList(0, (int) Math.clamp(fits, 1, ops.size() - 1));
    }
  }

  private Page assemble(long from, String base, List<String> ops, long head) {
    return assemble(from, base, ops, head, from);
  }

  /**
   * {@code {"type":"history","from":…,"base":…,"ops":[…],"next":…,"headSeq":…}} as the codec writes
   * a {@link ServerMessage.History}: fields in record order, absent ones left out.
   */
  private static Page assemble(long from, String base, List<String> ops, long head, long first) {
    long last = first + ops.size() - 1;
    StringBuilder json = new StringBuilder(ops.size() * 400 + 128);
    json.append("{\"type\":\"history\",\"from\":").append(from);
    if (base != null) {
      json.append(",\"base\":").append(base);
    }
    json.append(",\"ops\":[");
    for (int i = 0; i < ops.size(); i++) {
      json.append(i == 0 ? "" : ",").append(ops.get(i));
    }
    json.append(']');
    if (!ops.isEmpty() && last < head) {
      json.append(",\"next\":").append(last + 1);
    }
    json.append(",\"headSeq\":").append(head).append('}');
    return new Page(ops.size(), json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One {@link dev.drawbridge.protocol.message.HistoryOp} as the codec writes it. Ids are {@code
   * [A-Za-z0-9_.:-]} (R60): nothing in them needs escaping.
   */
  private static String opJson(EncodedOp op) {
    StringBuilder json = new StringBuilder(op.opJson().length() + 96);
    json.append("{\"seq\":").append(op.seq());
    json.append(",\"id\":\"").append(op.id());
    json.append("\",\"clientId\":\"").append(op.clientId()).append('"');
    if (op.t() > 0) {
      json.append(",\"t\":").append(op.t());
    }
    return json.append(",\"op\":").append(op.opJson()).append('}').toString();
  }
}
