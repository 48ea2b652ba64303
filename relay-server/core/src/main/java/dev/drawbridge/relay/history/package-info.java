/**
 * A room's history (docs/protocol.md §17, R116–R120), the parts that know nothing of rooms: the
 * bounds ({@link dev.drawbridge.relay.history.HistoryLimits}) and retention policy ({@link
 * dev.drawbridge.relay.history.HistoryKeep}, applied by {@link
 * dev.drawbridge.relay.history.HistoryRetention} after each stored snapshot), reading one page from
 * the op log ({@link dev.drawbridge.relay.history.HistoryPages}), and a connection's requests
 * ({@link dev.drawbridge.relay.history.HistoryFetches}): one at a time, rate limited, read and sent
 * on a sender thread of their own, paced against the connection's send queue like blob data (R112),
 * so a page never holds up a room's ordering nor its live ops.
 */
package dev.drawbridge.relay.history;
