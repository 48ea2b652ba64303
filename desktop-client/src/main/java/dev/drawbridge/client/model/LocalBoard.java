package dev.drawbridge.client.model;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * The board as this user sees it: the confirmed board (ops the relay sequenced, in seq order) with
 * this user's pending ops applied on top. Local edits show at once (optimistic); a remote op is
 * applied to the confirmed board and only the element it touched is rebased, so a remote op costs
 * the same on a board of ten elements or ten thousand.
 *
 * <p>Single-threaded: call it from one thread (the UI thread in the app).
 */
public final class LocalBoard {
  private BoardState confirmed = new BoardState();
  private BoardState view = new BoardState();
  private final Map<String, PendingOp> pending = new LinkedHashMap<>();
  // The same ops by element, so a rebase touches only that element's ops: acking the oldest of
  // 10,000 ops drawn offline must not walk the other 9,999.
  private final Map<String, Map<String, PendingOp>> pendingByElement = new HashMap<>();
  private final UndoHistory history = new UndoHistory();
  private final List<BoardListener> listeners = new CopyOnWriteArrayList<>();
  private final List<LocalOpSink> observers = new CopyOnWriteArrayList<>();
  private LocalOpSink sink = LocalOpSink.NONE;
  private Action openAction;
  // The id of the op at the confirmed seq, as this client learnt it; null when unknown (after a
  // snapshot replaced the board). The relay compares it with its own op at that seq (R12).
  private String confirmedOpId;

  /** Where submitted ops go (the sync layer); replaces any previous sink. */
  public void setSink(LocalOpSink sink) {
    this.sink = sink == null ? LocalOpSink.NONE : sink;
  }

  /**
   * Also tells {@code observer} of every submitted op, after the sink (undo and redo ops included):
   * for tests and diagnostics that need every op id this board produced.
   */
  public void addOpObserver(LocalOpSink observer) {
    observers.add(observer);
  }

  public void addListener(BoardListener listener) {
    listeners.add(listener);
  }

  public void removeListener(BoardListener listener) {
    listeners.remove(listener);
  }

  /** What the user sees. Read it; change it only through this class. */
  public BoardState view() {
    return view;
  }

  /** The board as the relay ordered it, without pending local ops. */
  public BoardState confirmed() {
    return confirmed;
  }

  /** The highest seq applied to the confirmed board. */
  public long confirmedSeq() {
    return confirmed.headSeq();
  }

  /**
   * The id of the op at {@link #confirmedSeq()}, or null when this client does not know it (seq 0,
   * or a snapshot replaced the confirmed board and no op or {@code synced} named it since).
   */
  public String confirmedOpId() {
    return confirmedOpId;
  }

  /**
   * The relay named the op at {@code seq} ({@code synced.opId}): remembered when {@code seq} is the
   * confirmed seq, ignored otherwise.
   */
  public void learnOpIdAt(long seq, String opId) {
    if (opId != null && seq > 0 && seq == confirmed.headSeq()) {
      confirmedOpId = opId;
    }
  }

  /** Local ops not yet acknowledged, oldest first. */
  public List<PendingOp> pendingOps() {
    return List.copyOf(pending.values());
  }

  public int pendingCount() {
    return pending.size();
  }

  // ---- local edits ------------------------------------------------------------------------

  /**
   * Starts an undoable action (a stroke being drawn, a move, a multi-delete). Ops submitted through
   * it are applied at once; {@link Action#end()} makes them one undo step.
   */
  public Action beginAction() {
    if (openAction != null) {
      openAction.end();
    }
    openAction = new Action();
    return openAction;
  }

  /** Submits a single op as its own undoable action. Returns the op's id. */
  public String submit(Op op) {
    Action action = beginAction();
    String id = action.submit(op);
    action.end();
    return id;
  }

  /**
   * Submits several ops as one undoable action. They go out at once with ids that mark them as one
   * action (R129), so the history never shows some of them without the others.
   */
  public void submitAll(List<Op> ops) {
    Action action = beginAction();
    IntFunction<String> ids = actionIds(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      action.submit(ops.get(i), ids.apply(i));
    }
    action.end();
  }

  /**
   * Op ids for {@code count} ops sent together: marked as one action (R129) when there are several,
   * plain random ids otherwise. Ops of an action built over time (a stroke, an eraser's sweep) keep
   * plain ids: every member saw each of them land, so the history may show each.
   */
  private static IntFunction<String> actionIds(int count) {
    if (count < 2 || count > ActionIds.MAX_COUNT) {
      return i -> Ids.random();
    }
    String key = ActionIds.newKey();
    return i -> ActionIds.of(key, i, count);
  }

  /** The ops the next {@link #undo} applies (empty when there is nothing to undo). */
  public List<Op> nextUndo() {
    return history.peekUndo();
  }

  /** The ops the next {@link #redo} applies (empty when there is nothing to redo). */
  public List<Op> nextRedo() {
    return history.peekRedo();
  }

  public boolean canUndo() {
    return history.canUndo();
  }

  public boolean canRedo() {
    return history.canRedo();
  }

  /** Reverts this user's last action with new ops. Returns false if there was nothing to undo. */
  public boolean undo() {
    closeOpenAction();
    List<Op> ops = history.popUndo();
    if (ops == null) {
      return false;
    }
    history.recordUndone(applyLocally(ops));
    listeners.forEach(BoardListener::undoChanged);
    return true;
  }

  /** Re-applies the last undone action with new ops. */
  public boolean redo() {
    closeOpenAction();
    List<Op> ops = history.popRedo();
    if (ops == null) {
      return false;
    }
    history.recordRedone(applyLocally(ops));
    listeners.forEach(BoardListener::undoChanged);
    return true;
  }

  private void closeOpenAction() {
    if (openAction != null) {
      openAction.end();
    }
  }

  /** Applies ops as pending local ops and returns the ops that revert them, newest first. */
  private List<Op> applyLocally(List<Op> ops) {
    List<Op> inverse = new ArrayList<>();
    IntFunction<String> ids = actionIds(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      Submitted done = submitOne(ops.get(i), ids.apply(i));
      if (done.inverse() != null) {
        inverse.add(done.inverse());
      }
    }
    Collections.reverse(inverse);
    return inverse;
  }

  /** A submitted op's id and the op that reverts it (null if nothing to revert). */
  private record Submitted(String id, Op inverse) {}

  private Submitted submitOne(Op op, String id) {
    Op inverse = Inverses.of(op, view);
    PendingOp p = new PendingOp(id, op);
    addPending(p);
    if (view.applyOp(op)) {
      fire(Set.of(op.elementId()));
    }
    sink.submitted(p);
    for (LocalOpSink o : observers) {
      o.submitted(p);
    }
    return new Submitted(p.id(), inverse);
  }

  // ---- from the relay ---------------------------------------------------------------------

  /**
   * A sequenced op from the relay (another member's, or a catch-up op that may be one of ours whose
   * ack was lost). Ops at or below the confirmed seq are ignored.
   */
  public void applyRemote(long seq, String opId, Op op) {
    if (seq <= confirmed.headSeq()) {
      return;
    }
    removePending(opId);
    confirmed.apply(seq, opId, op);
    confirmedOpId = opId;
    rebase(op.elementId());
  }

  /** The relay stored our op {@code opId} at {@code seq}. A repeated ack is harmless. */
  public void acknowledge(String opId, long seq) {
    PendingOp p = removePending(opId);
    if (p == null) {
      return;
    }
    long before = confirmed.headSeq();
    confirmed.apply(seq, opId, p.op());
    if (confirmed.headSeq() != before) {
      confirmedOpId = opId;
    }
    rebase(p.op().elementId());
  }

  /** The relay refused an op for good (e.g. a viewer's): drop it and show the board without it. */
  public void reject(String opId) {
    PendingOp p = removePending(opId);
    if (p != null) {
      rebase(p.op().elementId());
    }
  }

  /**
   * Replaces the confirmed board with a snapshot (catch-up, or the relay lost data) and shows the
   * pending ops on top of it again.
   */
  public void replaceConfirmed(BoardSnapshot snapshot) {
    replaceConfirmed(snapshot, List.of());
  }

  /**
   * Replaces the confirmed board with a snapshot, and makes {@code pendAgain} (ops of ours the
   * relay had acknowledged but may have lost) pending again, ahead of the ops already pending: they
   * were made first, and a later op may need them (an append needs its stroke's add). The id of the
   * op at the new confirmed seq is unknown until the relay names it.
   */
  public void replaceConfirmed(BoardSnapshot snapshot, List<PendingOp> pendAgain) {
    confirmed = BoardState.fromSnapshot(snapshot);
    confirmedOpId = null;
    if (!pendAgain.isEmpty()) {
      List<PendingOp> after = List.copyOf(pending.values());
      pending.clear();
      pendingByElement.clear();
      pendAgain.forEach(this::addPending);
      after.forEach(this::addPending);
    }
    rebuildView();
  }

  /**
   * Restores a board from local storage: the confirmed snapshot and the ops still pending (from the
   * offline journal), in order. Undo history starts empty.
   */
  public void restore(BoardSnapshot confirmedSnapshot, List<PendingOp> pendingOps) {
    restore(confirmedSnapshot, null, pendingOps);
  }

  /**
   * Like {@link #restore(BoardSnapshot, List)}, with the id of the op at the snapshot's seq (null
   * when unknown).
   */
  public void restore(
      BoardSnapshot confirmedSnapshot, String confirmedOpId, List<PendingOp> pendingOps) {
    confirmed = BoardState.fromSnapshot(confirmedSnapshot);
    this.confirmedOpId = confirmedSnapshot.seq() > 0 ? confirmedOpId : null;
    pending.clear();
    pendingByElement.clear();
    for (PendingOp p : pendingOps) {
      addPending(p);
    }
    history.clear();
    rebuildView();
  }

  private void rebuildView() {
    view = confirmed.copy();
    for (PendingOp p : pending.values()) {
      view.applyOp(p.op());
    }
    listeners.forEach(BoardListener::boardReplaced);
  }

  private void addPending(PendingOp p) {
    pending.put(p.id(), p);
    pendingByElement
        .computeIfAbsent(p.op().elementId(), id -> new LinkedHashMap<>())
        .put(p.id(), p);
  }

  private PendingOp removePending(String opId) {
    PendingOp p = pending.remove(opId);
    if (p != null) {
      Map<String, PendingOp> ops = pendingByElement.get(p.op().elementId());
      ops.remove(opId);
      if (ops.isEmpty()) {
        pendingByElement.remove(p.op().elementId());
      }
    }
    return p;
  }

  /** Resets one element of the view to its confirmed state, then re-applies pending ops on it. */
  private void rebase(String elementId) {
    view.copyElementFrom(confirmed, elementId);
    Map<String, PendingOp> ops = pendingByElement.get(elementId);
    if (ops != null) {
      for (PendingOp p : ops.values()) {
        view.applyOp(p.op());
      }
    }
    fire(Set.of(elementId));
  }

  private void fire(Set<String> ids) {
    for (BoardListener l : listeners) {
      l.elementsChanged(ids);
    }
  }

  /** One undoable action in progress. */
  public final class Action {
    private final List<Op> inverse = new ArrayList<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private boolean ended;

    private Action() {}

    /** Applies and sends {@code op} as part of this action. Returns the op's id. */
    public String submit(Op op) {
      return submit(op, Ids.random());
    }

    private String submit(Op op, String id) {
      if (ended) {
        throw new IllegalStateException("action already ended");
      }
      Submitted done = submitOne(op, id);
      if (done.inverse() != null) {
        inverse.add(done.inverse());
      }
      touched.add(op.elementId());
      return done.id();
    }

    /** Closes the action; it becomes one undo step (if it changed anything). */
    public void end() {
      if (ended) {
        return;
      }
      ended = true;
      if (openAction == this) {
        openAction = null;
      }
      List<Op> reverted = new ArrayList<>(inverse);
      Collections.reverse(reverted);
      history.recordAction(reverted);
      listeners.forEach(BoardListener::undoChanged);
    }

    /** The ids of the elements this action touched so far. */
    public Set<String> touched() {
      return Collections.unmodifiableSet(touched);
    }
  }
}
