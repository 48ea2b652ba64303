package dev.drawbridge.relay.oplog;

import dev.drawbridge.protocol.ProtocolCodec;

/**
 * A stored op with its op as the JSON it is stored as (R117): history pages pass it on as it is, so
 * serving 100,000 ops of history costs no decoding and re-encoding of each op. The JSON is what the
 * relay that stored the op wrote: within protocol version 1, which every client reads (R70).
 *
 * @param opJson the op's JSON as {@link ProtocolCodec#encodeOp} wrote it
 */
public record EncodedOp(long seq, String id, String clientId, long t, String opJson) {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  /** {@code op} with its op encoded (logs that keep ops decoded). */
  public static EncodedOp of(StoredOp op) {
    return new EncodedOp(op.seq(), op.id(), op.clientId(), op.t(), CODEC.encodeOp(op.op()));
  }
}
