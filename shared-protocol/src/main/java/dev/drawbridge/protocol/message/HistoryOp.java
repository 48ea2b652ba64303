package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.Require;

/**
 * One stored op in a {@code history} page (R117): what an {@code op} broadcast of it carried.
 *
 * @param seq where the room sequenced it
 * @param id the author's op id
 * @param clientId the author
 * @param t when the relay sequenced it, epoch milliseconds (R116); null for ops stored before R116
 * @param op the op
 */
public record HistoryOp(long seq, String id, String clientId, Long t, Op op) {
  public HistoryOp {
    Require.atLeast(seq, 1, "seq");
    Require.id(id, "id");
    Require.id(clientId, "clientId");
    Require.present(op, "op");
    t = ServerMessage.OpTime.optional(t);
  }
}
