package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.board.BoardState;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The board the canvas paints: the live {@link LocalBoard}'s view, or a past board the history
 * panel shows instead (issue 17). While a past board is shown, the live board's changes are not
 * passed on (they would repaint elements the past board holds differently); going back to the
 * present indexes the live board again. The live path pays one field check per look-up.
 */
final class ShownBoard implements Supplier<BoardState>, BoardListener {
  private final LocalBoard live;
  private BoardListener changes = ids -> {};
  private BoardState past;

  ShownBoard(LocalBoard live) {
    this.live = live;
  }

  /** Where the live board's changes go while it is the one shown. */
  void setChanges(BoardListener changes) {
    this.changes = changes;
  }

  @Override
  public BoardState get() {
    BoardState p = past;
    return p != null ? p : live.view();
  }

  BoardState past() {
    return past;
  }

  void setPast(BoardState board) {
    past = board;
  }

  @Override
  public void elementsChanged(Set<String> elementIds) {
    if (past == null) {
      changes.elementsChanged(elementIds);
    }
  }

  @Override
  public void boardReplaced() {
    if (past == null) {
      changes.boardReplaced();
    }
  }
}
