package dev.drawbridge.client.model;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.op.Op;

/** The op that reverts an op, given the board just before it. */
final class Inverses {
  private Inverses() {}

  /** The inverse of {@code op} on {@code before}, or null when there is nothing to revert. */
  static Op of(Op op, BoardState before) {
    Element target = before.get(op.elementId());
    return switch (op) {
      case Op.AddElement add -> target == null ? new Op.DeleteElement(add.elementId()) : null;
      // Points belong to the stroke's add; undoing the stroke deletes it whole.
      case Op.AppendPoints append -> null;
      case Op.UpdateElement update ->
          target == null
              ? null
              : new Op.UpdateElement(target.id(), update.patch().inverseOn(target));
      case Op.DeleteElement delete ->
          target == null || target.deleted()
              ? null
              : new Op.UpdateElement(target.id(), ElementPatch.restore());
    };
  }
}
