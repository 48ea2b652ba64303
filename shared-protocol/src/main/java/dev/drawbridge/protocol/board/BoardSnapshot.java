package dev.drawbridge.protocol.board;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.validation.Require;
import java.util.List;

/**
 * The whole board after every op up to {@code seq}, tombstones included (so a deleted element
 * cannot be re-added by a late op and undo can still restore it). See docs/protocol.md R11, R47.
 */
public record BoardSnapshot(long seq, List<Element> elements) {
  public BoardSnapshot {
    Require.atLeast(seq, 0, "snapshot.seq");
    elements = List.copyOf(Require.present(elements, "snapshot.elements"));
  }
}
