package dev.drawbridge.client.history;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One open board's history, loaded when someone first looks (the history panel, attribution) and
 * kept up to date by the ops the session sequences after that (ADR 0011). Pages come from a {@link
 * HistorySource}; live ops that arrive while pages are still coming wait until the timeline reaches
 * them, and a gap (ops missed while offline) is filled with another page.
 *
 * <p>Where the source serves no history (a relay before R116, R120), the board records what it sees
 * from the first op after this object is made: the history then starts at that board.
 *
 * <p>Call from the UI thread; listeners and futures are run on the {@code ui} executor.
 */
public final class BoardHistory {
  /** Ops asked for per page: the most a relay sends (R117). */
  static final int PAGE_OPS = ProtocolLimits.MAX_HISTORY_PAGE_OPS;

  /** Ops sequenced before the history is loaded that are kept to meet the pages. */
  static final int RECENT_OPS = 10_000;

  /** What a history panel or an attribution view hears. */
  public interface Listener {
    /** Ops from {@code fromIndex} on were appended to the timeline. */
    default void appended(Timeline timeline, int fromIndex) {}

    /** Loading failed (e.g. offline); {@link #load} tries again. */
    default void failed(Throwable cause) {}
  }

  private final HistorySource source;
  private final Supplier<BoardSnapshot> confirmed;
  private final Executor ui;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final TreeMap<Long, HistoryOp> waiting = new TreeMap<>();
  // The newest ops sequenced before anyone looked. Pages hold stored ops only (R117) and acks leave
  // before the commit (ADR 0006), so the ops of the last few milliseconds would otherwise be a gap
  // between the last page and the live ops, asked for again until the commit.
  private final ArrayDeque<HistoryOp> recent = new ArrayDeque<>();
  private Timeline timeline;
  private CompletableFuture<Timeline> loading;
  private boolean fetching;

  /**
   * @param source where stored ops come from
   * @param confirmed the session's confirmed board now (after the op being reported, if any): the
   *     base of a history recorded locally
   * @param ui runs listeners and completes futures (Platform::runLater in the app)
   */
  public BoardHistory(HistorySource source, Supplier<BoardSnapshot> confirmed, Executor ui) {
    this.source = source;
    this.confirmed = confirmed;
    this.ui = ui;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** The timeline as far as it is loaded; null before anything is. */
  public Timeline timeline() {
    return timeline;
  }

  /** Whether the history comes from the relay or a local record (false: recorded since open). */
  public boolean complete() {
    return source.available();
  }

  /**
   * Loads the whole history up to the newest op (once; again after a failure). Completes on the UI
   * executor with the timeline, which then keeps growing with live ops.
   */
  public CompletableFuture<Timeline> load() {
    if (loading != null && !loading.isCompletedExceptionally()) {
      return loading;
    }
    loading = new CompletableFuture<>();
    if (!source.available()) {
      if (timeline == null) {
        timeline = new Timeline(confirmed.get());
      }
      loading.complete(timeline);
      return loading;
    }
    recent.forEach(op -> waiting.put(op.seq(), op));
    recent.clear();
    fetchFrom(timeline == null ? 1 : timeline.headSeq() + 1);
    return loading;
  }

  /**
   * Reports an op the board's confirmed history took, in seq order, after the confirmed board
   * applied it ({@code SessionListener.opSequenced}).
   */
  public void opSequenced(HistoryOp op) {
    if (!source.available()) {
      record(op);
      return;
    }
    if (loading == null) {
      remember(op); // nobody has looked yet: the pages will bring the older ops
      return;
    }
    waiting.put(op.seq(), op);
    drain();
  }

  private void remember(HistoryOp op) {
    if (!recent.isEmpty() && op.seq() != recent.peekLast().seq() + 1) {
      recent.clear(); // a gap (a reset, a catch-up from a snapshot): the pages fill it
    }
    recent.addLast(op);
    if (recent.size() > RECENT_OPS) {
      recent.pollFirst();
    }
  }

  private void record(HistoryOp op) {
    if (timeline == null || op.seq() > timeline.headSeq() + 1) {
      // Nothing recorded yet, or a gap (a reset, a catch-up from a snapshot): the board as it
      // stands now, this op included, is where the recorded history starts.
      timeline = new Timeline(confirmed.get());
      listeners.forEach(l -> l.appended(timeline, 0));
      return;
    }
    int from = timeline.size();
    if (timeline.append(op)) {
      listeners.forEach(l -> l.appended(timeline, from));
    }
  }

  private void fetchFrom(long from) {
    fetching = true;
    source
        .page(from, PAGE_OPS)
        .whenCompleteAsync(
            (page, error) -> {
              fetching = false;
              if (error != null) {
                fail(error);
              } else {
                take(page);
              }
            },
            ui);
  }

  private void take(ServerMessage.History page) {
    if (timeline == null || (page.base() != null && page.base().seq() > timeline.headSeq())) {
      timeline = new Timeline(page.base());
    }
    int from = timeline.size();
    for (HistoryOp op : page.ops()) {
      if (op.seq() > timeline.headSeq() + 1) {
        break; // cannot happen with a relay that keeps R117; ask again from the head below
      }
      timeline.append(op);
    }
    if (timeline.size() > from || from == 0) {
      int fromIndex = from;
      listeners.forEach(l -> l.appended(timeline, fromIndex));
    }
    if (page.next() != null && !page.ops().isEmpty()) {
      fetchFrom(timeline.headSeq() + 1);
      return;
    }
    drain();
    if (!fetching && loading != null) {
      loading.complete(timeline);
    }
  }

  // Appends waiting live ops that continue the timeline; a gap before the first one is filled
  // with a page.
  private void drain() {
    if (timeline == null || fetching) {
      return;
    }
    waiting.headMap(timeline.headSeq(), true).clear();
    int from = timeline.size();
    while (!waiting.isEmpty() && waiting.firstKey() == timeline.headSeq() + 1) {
      timeline.append(waiting.pollFirstEntry().getValue());
    }
    if (timeline.size() > from) {
      listeners.forEach(l -> l.appended(timeline, from));
    }
    if (!waiting.isEmpty()) {
      fetchFrom(timeline.headSeq() + 1);
    }
  }

  private void fail(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
    waiting.clear();
    if (loading != null) {
      loading.completeExceptionally(cause);
    }
    listeners.forEach(l -> l.failed(cause));
  }
}
