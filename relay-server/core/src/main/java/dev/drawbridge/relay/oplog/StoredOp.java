package dev.drawbridge.relay.oplog;

import dev.drawbridge.protocol.op.Op;

/** One op in a room's log: its seq, the client's op id, who sent it, and the op. */
public record StoredOp(long seq, String id, String clientId, Op op) {}
