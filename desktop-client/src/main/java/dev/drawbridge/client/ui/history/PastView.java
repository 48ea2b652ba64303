package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.protocol.board.BoardState;
import java.util.HashSet;
import java.util.Set;

/**
 * The past board on screen and how to get from one point of the timeline to another cheaply: a step
 * or a playback frame forward applies the ops in between to the board shown (a jump further than a
 * keyframe interval, or back, rebuilds it from the nearest keyframe, {@link Timeline#boardAt}), and
 * the screen is told which elements changed, so it repaints only them.
 */
public final class PastView {
  /** Where a past board is painted: the canvas ({@code BoardCanvas::showPast}). */
  public interface Screen {
    /** Shows {@code board}; {@code changed} names what differs from before (null: everything). */
    void showPast(BoardState board, Set<String> changed);

    /** Shows the live board again. */
    void showPresent();

    /** The board canvas as the screen the past is shown on. */
    static Screen of(BoardCanvas canvas) {
      return new Screen() {
        @Override
        public void showPast(BoardState board, Set<String> changed) {
          canvas.showPast(board, changed);
        }

        @Override
        public void showPresent() {
          canvas.showPresent();
        }
      };
    }
  }

  // Past this many changed elements, repainting everything is cheaper than region by region.
  private static final int MAX_NAMED_CHANGES = 2_000;

  private final Screen screen;
  private BoardState board;
  private int point = -1;

  public PastView(Screen screen) {
    this.screen = screen;
  }

  /** Whether a past board is on screen. */
  public boolean showing() {
    return board != null;
  }

  /** The point shown (ops applied), or -1 when the present is. */
  public int point() {
    return board == null ? -1 : point;
  }

  /** The past board on screen, or null. Do not change it. */
  public BoardState board() {
    return board;
  }

  /** Shows the board after the first {@code target} ops of {@code timeline}. */
  public void show(Timeline timeline, int target) {
    if (board != null && target == point) {
      return;
    }
    Set<String> changed = board == null ? null : changedBetween(timeline, point, target);
    if (board != null && target > point && target - point < Timeline.KEYFRAME_EVERY) {
      for (int i = point; i < target; i++) {
        board.applyOp(timeline.op(i).op());
      }
    } else {
      board = timeline.boardAt(target);
    }
    point = target;
    screen.showPast(board, changed);
  }

  /** Shows the live board again. */
  public void present() {
    if (board != null) {
      board = null;
      point = -1;
      screen.showPresent();
    }
  }

  private static Set<String> changedBetween(Timeline timeline, int a, int b) {
    int from = Math.min(a, b);
    int to = Math.max(a, b);
    if (to - from > MAX_NAMED_CHANGES) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    for (int i = from; i < to; i++) {
      ids.add(timeline.op(i).op().elementId());
    }
    return ids;
  }
}
