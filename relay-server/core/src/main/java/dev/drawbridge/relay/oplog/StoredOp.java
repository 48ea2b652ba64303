package dev.drawbridge.relay.oplog;

import dev.drawbridge.protocol.op.Op;

/**
 * One op in a room's log: its seq, the client's op id, who sent it, the op, and when the room
 * sequenced it ({@code t}, epoch milliseconds by the relay's clock, R116; 0 when unknown: ops
 * stored before op times were kept).
 */
public record StoredOp(long seq, String id, String clientId, Op op, long t) {
  public StoredOp {
    if (t < 0) {
      throw new IllegalArgumentException("an op time is 0 (unknown) or epoch milliseconds");
    }
  }

  /** An op with no known time. */
  public StoredOp(long seq, String id, String clientId, Op op) {
    this(seq, id, clientId, op, 0);
  }
}
