package dev.drawbridge.client.model;

import dev.drawbridge.protocol.op.Op;

/** A local op the relay has not yet acknowledged. Its id stays the same across resends. */
public record PendingOp(String id, Op op) {}
