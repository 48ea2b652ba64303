package dev.drawbridge.client.history.local;

import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a local board did: a base board (empty, or the board a file held when it came without a
 * history) and every op confirmed since, in seq order, served as pages in the relay's form (R117,
 * R118) so the history panel reads it like a relay's. At most {@link #KEEP_OPS} ops are kept; older
 * ones are folded into the base (the history then starts later, as a relay's retention does), which
 * bounds memory (~100 bytes an op) and the size of a file's history. Thread-safe: the session
 * records on the UI thread, the file writer reads on its own.
 */
public final class LocalHistory implements HistorySource {
  /** The most ops kept; when passed by a tenth, the oldest tenth is folded into the base. */
  public static final int KEEP_OPS = 200_000;

  /** A history and its start, as a file holds it ({@code base} null: an empty board at seq 0). */
  public record Record(BoardSnapshot base, List<HistoryOp> ops) {
    public Record {
      ops = List.copyOf(ops);
    }

    /** The seq the history ends at. */
    public long headSeq() {
      return ops.isEmpty() ? (base == null ? 0 : base.seq()) : ops.getLast().seq();
    }

    /** The id of the op at {@link #headSeq}, null when that board is the base. */
    public String headOpId() {
      return ops.isEmpty() ? null : ops.getLast().id();
    }
  }

  private final int keep;
  private BoardSnapshot base;
  private final List<HistoryOp> ops = new ArrayList<>();

  /** An empty history of an empty board. */
  public LocalHistory() {
    this(KEEP_OPS);
  }

  LocalHistory(int keep) {
    this.keep = keep;
  }

  /** Replaces what is recorded with {@code record} (a board opened from a file). */
  public synchronized void reset(Record record) {
    base = record.base();
    ops.clear();
    ops.addAll(record.ops());
  }

  /**
   * Appends the op the board confirmed at {@code op.seq()}. An op that does not follow the last one
   * (cannot happen on a local board) restarts nothing; it is left out.
   */
  public synchronized boolean record(HistoryOp op) {
    if (op.seq() != headSeq() + 1) {
      return false;
    }
    ops.add(op);
    if (ops.size() > keep + keep / 10) {
      foldOldest(ops.size() - keep);
    }
    return true;
  }

  private void foldOldest(int count) {
    BoardState board = base == null ? new BoardState() : BoardState.fromSnapshot(base);
    List<HistoryOp> folded = ops.subList(0, count);
    for (HistoryOp op : folded) {
      board.apply(op.seq(), op.id(), op.op());
    }
    base = board.snapshot();
    folded.clear();
  }

  /** The seq of the newest op (or of the base). */
  public synchronized long headSeq() {
    return ops.isEmpty() ? (base == null ? 0 : base.seq()) : ops.getLast().seq();
  }

  /** How many ops are kept. */
  public synchronized int size() {
    return ops.size();
  }

  /** The whole history now, for a file. */
  public synchronized Record snapshot() {
    return new Record(base, ops);
  }

  /**
   * The history up to the board at {@code seq} (a file's board), or null when it records nothing
   * there: no op yet, or it does not reach back to or up to {@code seq}.
   */
  public synchronized Record upTo(long seq) {
    long baseSeq = base == null ? 0 : base.seq();
    if (seq <= baseSeq || seq > headSeq()) {
      return null;
    }
    return new Record(base, ops.subList(0, indexAfter(seq)));
  }

  /** The ops after {@code seq}, oldest first (for the log of what a file does not hold yet). */
  public synchronized List<HistoryOp> after(long seq) {
    return List.copyOf(ops.subList(indexAfter(seq), ops.size()));
  }

  /** The id of the op at {@code seq}, or null when it is not kept (or is the base). */
  public synchronized String idAt(long seq) {
    int i = indexAfter(seq) - 1;
    return i >= 0 && i < ops.size() && ops.get(i).seq() == seq ? ops.get(i).id() : null;
  }

  private int indexAfter(long seq) {
    long first = ops.isEmpty() ? headSeq() + 1 : ops.getFirst().seq();
    return (int) Math.clamp(seq - first + 1, 0, ops.size());
  }

  @Override
  public boolean available() {
    return true;
  }

  /** A page as a relay would send it: the base first when {@code from} is at or below it (R118). */
  @Override
  public synchronized CompletableFuture<ServerMessage.History> page(long from, int limit) {
    int max = Math.clamp(limit, 1, ProtocolLimits.MAX_HISTORY_PAGE_OPS);
    long baseSeq = base == null ? 0 : base.seq();
    // The base comes with the page that starts the history (R118), also for a base at seq 0 (a
    // file of an older app whose board was never numbered).
    BoardSnapshot pageBase = base != null && from <= baseSeq + 1 ? base : null;
    int start = indexAfter(Math.max(from, baseSeq + 1) - 1);
    int end = Math.min(ops.size(), start + max);
    Long next = end < ops.size() ? ops.get(end).seq() : null;
    return CompletableFuture.completedFuture(
        new ServerMessage.History(
            Math.max(1, from), pageBase, List.copyOf(ops.subList(start, end)), next, headSeq()));
  }
}
