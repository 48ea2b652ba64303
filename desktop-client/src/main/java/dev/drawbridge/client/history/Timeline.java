package dev.drawbridge.client.history;

import dev.drawbridge.client.model.ActionIds;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A board's history replayed once: the ops from a base board (empty, or the relay's retention base,
 * R118) in seq order, with a copy of the board every {@value #KEYFRAME_EVERY} ops, so the board at
 * any point is a keyframe plus fewer than {@value #KEYFRAME_EVERY} applies (ADR 0011). Copies share
 * their immutable elements, so a keyframe costs a map of references.
 *
 * <p>Several ops can be one user action (a group moved, several elements restyled or deleted):
 * their ids say so (R129). The points between such ops show a board no member saw, so the history
 * offers only <em>landings</em>, points between whole actions ({@link #floorLanding}, {@link
 * #nextLanding}, {@link #previousLanding}). Ops of one action from one client are consecutive among
 * that client's ops, but the relay may sequence another client's ops between them: the points
 * inside an action then hold those ops too, and the landing after the action shows them with it.
 * The marks come from other clients and are only hints: an action continues only with its author's
 * very next op, at most {@value #MAX_ACTION_GAP} seqs after the previous one (a later one starts
 * afresh: everyone saw the half-done board for that long), and every {@value #LANDING_EVERY}th
 * point is a landing whatever the marks say, so no action, however long or unfinished, makes the
 * history unreachable.
 *
 * <p>What the history shows a person counts landings, not ops ({@link #landingNumber}, {@link
 * #landings}, {@link #landing}): a running count kept as ops arrive, so numbering a point costs
 * O(log n) however long the history is.
 *
 * <p>Ops replay through {@link BoardState#applyOp}: the log holds each op id once (R15), so the
 * op-id memory of {@link BoardState#apply} would only cost memory. Not thread-safe: one owner
 * thread (the UI's).
 */
public final class Timeline {
  public static final int KEYFRAME_EVERY = 1_000;

  /** The most seqs between two ops of one action; further apart, the later one starts anew. */
  public static final int MAX_ACTION_GAP = 1_000;

  /** Every point that is a multiple of this is a landing, whatever actions span it. */
  public static final int LANDING_EVERY = 10_000;

  private final BoardSnapshot base;
  private final List<HistoryOp> ops = new ArrayList<>();
  private final List<BoardState> keyframes = new ArrayList<>();
  private final BoardState head;
  // Per element: the indexes of the first and the newest op that changed it.
  private final Map<String, int[]> changes = new HashMap<>();
  private long[] resolvedTimes;
  // Point k is set when it lies inside an action: after its first op, up to and with its last.
  private final BitSet insideAction = new BitSet();
  // Per client: its action still expecting ops, and where that action's newest op is.
  private final Map<String, OpenAction> openActions = new HashMap<>();

  // A Fenwick tree over points 1..size(): 1 where the point is a landing, 0 where it is not. A
  // point is a landing when it arrives (it is the present) and may stop being one when more of an
  // action arrives, never the other way round, so each point is updated at most once.
  private int[] landingTree = new int[16];

  private record OpenAction(ActionIds.Mark mark, int lastIndex) {}

  /** A history that starts from {@code base} (null: an empty board before seq 1). */
  public Timeline(BoardSnapshot base) {
    this.base = base == null ? new BoardSnapshot(0, List.of()) : base;
    this.head = BoardState.fromSnapshot(this.base);
    keyframes.add(head.copy());
  }

  /** The board the history starts from. */
  public BoardSnapshot base() {
    return base;
  }

  /** The seq of the base board (0 for an empty one). */
  public long baseSeq() {
    return base.seq();
  }

  /** The seq of the newest op, or the base's when there is none. */
  public long headSeq() {
    return ops.isEmpty() ? base.seq() : ops.getLast().seq();
  }

  /** How many ops follow the base. */
  public int size() {
    return ops.size();
  }

  /** The op at {@code index} (0 is the first after the base). */
  public HistoryOp op(int index) {
    return ops.get(index);
  }

  /** The index of the op at {@code seq}, or -1 when it is not in this history. */
  public int indexOfSeq(long seq) {
    long index = seq - base.seq() - 1;
    return index >= 0 && index < ops.size() ? (int) index : -1;
  }

  /**
   * Appends the next op. One at or below {@link #headSeq} is ignored (returns false); one beyond
   * the next seq is a gap the caller must fill first.
   *
   * @throws IllegalArgumentException for a gap
   */
  public boolean append(HistoryOp op) {
    long expected = headSeq() + 1;
    if (op.seq() < expected) {
      return false;
    }
    if (op.seq() > expected) {
      throw new IllegalArgumentException("gap: seq " + op.seq() + " after " + headSeq());
    }
    int index = ops.size();
    ops.add(op);
    if (head.applyOp(op.op())) {
      int[] range = changes.computeIfAbsent(op.op().elementId(), id -> new int[] {index, index});
      range[1] = index;
    }
    if (ops.size() % KEYFRAME_EVERY == 0) {
      keyframes.add(head.copy());
    }
    resolvedTimes = null;
    addLandingPoint(ops.size());
    joinAction(op, index);
    return true;
  }

  // Point p (the new present, a landing) joins the tree: its node sums the points it covers.
  private void addLandingPoint(int p) {
    if (p >= landingTree.length) {
      landingTree = Arrays.copyOf(landingTree, landingTree.length * 2);
    }
    landingTree[p] = 1 + landingsUpTo(p - 1) - landingsUpTo(p - (p & -p));
  }

  // Points from..to (all before the present) now lie inside an action: those that were landings
  // and are not kept as landings every LANDING_EVERY points stop counting.
  private void markInside(int from, int to) {
    for (int k = insideAction.nextClearBit(from); k <= to; k = insideAction.nextClearBit(k + 1)) {
      if (k % LANDING_EVERY != 0) {
        for (int i = k; i <= ops.size(); i += i & -i) {
          landingTree[i]--;
        }
      }
    }
    insideAction.set(from, to + 1);
  }

  // Landings among points 1..count.
  private int landingsUpTo(int count) {
    int sum = 0;
    for (int i = count; i > 0; i -= i & -i) {
      sum += landingTree[i];
    }
    return sum;
  }

  // Extends the author's open action with the op at index, or closes it and maybe opens another.
  private void joinAction(HistoryOp op, int index) {
    ActionIds.Mark mark = ActionIds.parse(op.id());
    OpenAction open = openActions.remove(op.clientId());
    if (mark != null
        && open != null
        && open.mark().followedBy(mark)
        && index - open.lastIndex() <= MAX_ACTION_GAP) {
      markInside(open.lastIndex() + 1, index);
    } else if (mark == null) {
      return;
    }
    // A first op that is not the action's op 0 (a history cut by retention, R118) opens it too.
    if (!mark.last()) {
      openActions.put(op.clientId(), new OpenAction(mark, index));
    }
  }

  /** Appends every op of {@code page} in order (see {@link #append}). */
  public void appendAll(List<HistoryOp> page) {
    page.forEach(this::append);
  }

  /**
   * The board after the first {@code count} ops (0: the base, {@link #size}: now), as a new board
   * the caller owns. Its {@code headSeq} is the base's: it is for looking at, not for syncing.
   */
  public BoardState boardAt(int count) {
    if (count < 0 || count > ops.size()) {
      throw new IndexOutOfBoundsException(count);
    }
    int k = count / KEYFRAME_EVERY;
    BoardState board = keyframes.get(k).copy();
    for (int i = k * KEYFRAME_EVERY; i < count; i++) {
      board.applyOp(ops.get(i).op());
    }
    return board;
  }

  /**
   * Whether the board after {@code count} ops is one between whole actions: the base, the present,
   * every {@value #LANDING_EVERY}th point, and any point no action spans.
   */
  public boolean isLanding(int count) {
    return count <= 0
        || count >= ops.size()
        || count % LANDING_EVERY == 0
        || !insideAction.get(count);
  }

  /** The last landing at or before {@code count} (the present for anything beyond it). */
  public int floorLanding(int count) {
    if (count >= ops.size()) {
      return ops.size();
    }
    if (count <= 0) {
      return 0;
    }
    return Math.max(insideAction.previousClearBit(count), count - count % LANDING_EVERY);
  }

  /** The last landing before {@code count}; 0 when there is none. */
  public int previousLanding(int count) {
    return count <= 0 ? 0 : floorLanding(count - 1);
  }

  /** The first landing after {@code count}; the present when there is none. */
  public int nextLanding(int count) {
    if (count < 0) {
      return 0;
    }
    if (count >= ops.size()) {
      return ops.size();
    }
    int next = count + 1;
    int forced = (next + LANDING_EVERY - 1) / LANDING_EVERY * LANDING_EVERY;
    return Math.min(ops.size(), Math.min(insideAction.nextClearBit(next), forced));
  }

  /**
   * How many whole-action steps lead from the base to the point after {@code count} ops: the
   * landings after the base up to it (for a point inside an action, up to the landing before it). 0
   * for the base, {@link #landings} for the present. O(log n).
   */
  public int landingNumber(int count) {
    return landingsUpTo(Math.max(0, Math.min(ops.size(), count)));
  }

  /** How many whole-action steps lead from the base to the present: the landings after the base. */
  public int landings() {
    return landingsUpTo(ops.size());
  }

  /**
   * The point of the {@code n}th landing after the base (0: the base; {@link #landings} or more:
   * the present), the inverse of {@link #landingNumber}. O(log n).
   */
  public int landing(int n) {
    if (n <= 0) {
      return 0;
    }
    if (n >= landings()) {
      return ops.size();
    }
    // The last point with fewer than n landings up to it; the next one is the nth landing.
    int point = 0;
    int rest = n;
    for (int step = Integer.highestOneBit(ops.size()); step > 0; step >>= 1) {
      int next = point + step;
      if (next <= ops.size() && landingTree[next] < rest) {
        point = next;
        rest -= landingTree[next];
      }
    }
    return point + 1;
  }

  /** The board after every op: the present, as far as this history goes. Do not change it. */
  public BoardState now() {
    return head;
  }

  /**
   * When the op at {@code index} happened, epoch ms. Ops without a time (stored before R116) are
   * placed evenly between their neighbours that have one; times never go back, whatever the relay's
   * clock did (R116: a time is a label, seq is the order). 0 when no op has a time.
   */
  public long timeOf(int index) {
    return resolvedTimes()[index];
  }

  /** How many ops had happened by {@code epochMs}: the point a time on a scrubber stands for. */
  public int countAt(long epochMs) {
    long[] times = resolvedTimes();
    int low = 0;
    int high = times.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] <= epochMs) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Who made the element and who changed it last; null when no op of this history changed it. */
  public Attribution attribution(String elementId) {
    int[] range = changes.get(elementId);
    if (range == null) {
      return null;
    }
    HistoryOp first = ops.get(range[0]);
    boolean added = first.op() instanceof Op.AddElement;
    return new Attribution(
        added ? first : null, ops.get(range[1]), added ? timeOf(range[0]) : 0, timeOf(range[1]));
  }

  private long[] resolvedTimes() {
    if (resolvedTimes == null) {
      resolvedTimes = resolve(ops);
    }
    return resolvedTimes;
  }

  private static long[] resolve(List<HistoryOp> ops) {
    long[] times = new long[ops.size()];
    int previousKnown = -1;
    for (int i = 0; i <= ops.size(); i++) {
      Long t = i < ops.size() ? ops.get(i).t() : null;
      if (t == null && i < ops.size()) {
        continue;
      }
      fillBetween(times, previousKnown, i, t);
      if (i < ops.size()) {
        times[i] = t;
        previousKnown = i;
      }
    }
    for (int i = 1; i < times.length; i++) {
      times[i] = Math.max(times[i], times[i - 1]);
    }
    return times;
  }

  // Ops strictly between two known times get evenly spaced times; before the first known time they
  // take it, after the last known one they keep it.
  private static void fillBetween(long[] times, int from, int to, Long toTime) {
    if (to - from <= 1) {
      return;
    }
    if (from < 0) {
      Arrays.fill(times, 0, to, toTime == null ? 0 : toTime);
      return;
    }
    long start = times[from];
    if (toTime == null) {
      Arrays.fill(times, from + 1, to, start);
      return;
    }
    double step = (double) (toTime - start) / (to - from);
    for (int i = from + 1; i < to; i++) {
      times[i] = start + Math.round(step * (i - from));
    }
  }
}
