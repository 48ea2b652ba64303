/**
 * Where a room's ordered ops and its latest snapshot live. {@link dev.drawbridge.relay.oplog.OpLog}
 * is the contract (one contract test suite runs against every implementation); {@link
 * dev.drawbridge.relay.oplog.SqliteOpLog} is the durable default, batching appends from many rooms
 * into one transaction per commit interval so ops reach the disk without one fsync per op (rooms
 * ack before that and say durable after, R26); {@link dev.drawbridge.relay.oplog.InMemoryOpLog}
 * serves tests and throwaway relays.
 */
package dev.drawbridge.relay.oplog;
