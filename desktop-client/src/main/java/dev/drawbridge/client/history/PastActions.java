package dev.drawbridge.client.history;

import dev.drawbridge.protocol.board.BoardState;
import java.util.Collection;

/**
 * What the history panel offers on a past board, carried out on the present one (issue 17). The
 * panel knows neither the clipboard nor how a change is submitted; the board view gives it this.
 */
public interface PastActions {
  /**
   * Brings the present board to {@code past} with ordinary ops, one undoable change that every
   * member sees; later history stays.
   */
  void restore(BoardState past);

  /**
   * Puts the elements {@code ids} of {@code past} on the clipboard (every visible one when {@code
   * ids} is empty), to be pasted into the present board.
   */
  void copy(BoardState past, Collection<String> ids);
}
