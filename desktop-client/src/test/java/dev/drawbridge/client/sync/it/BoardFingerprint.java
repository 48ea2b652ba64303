package dev.drawbridge.client.sync.it;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.util.Comparator;

/**
 * The whole state of a board, for "did they converge?": the board hash (R46) covers visible
 * elements only, so two boards that disagree about a deleted element's properties (what a restore
 * would bring back) hash alike. This adds every tombstone's id and digest.
 */
final class BoardFingerprint {
  private BoardFingerprint() {}

  static String of(BoardState board) {
    StringBuilder sb = new StringBuilder(board.hash());
    board.allElements().stream()
        .filter(Element::deleted)
        .sorted(Comparator.comparing(Element::id))
        .forEach(
            e -> sb.append(';').append(e.id()).append('=').append(Long.toHexString(e.digest())));
    return sb.toString();
  }
}
