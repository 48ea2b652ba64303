package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.List;

/**
 * A room's board as its op log holds it: the newest saved snapshot (null for none) plus every op
 * after it, read when the room is loaded (a transport thread, under the registry's lock).
 *
 * @param head the seq of the newest stored op
 * @param headOpId its id, null for an empty room
 */
record StoredBoard(BoardState board, BoardSnapshot snapshot, long head, String headOpId) {
  /** How many stored ops are read from the log at once (loading, catch-up). */
  static final int LOG_BATCH = 1_000;

  static StoredBoard read(String room, OpLog opLog) {
    // Without a usable snapshot the board is rebuilt from the ops, above the history base if
    // retention deleted older ones (R118): the base and the ops above it are the whole board.
    BoardSnapshot snapshot =
        opLog.latestSnapshot(room).or(() -> opLog.historyBase(room)).orElse(null);
    // The relay never stores an op id twice, so the board applies ops without BoardState's own
    // id bookkeeping (which would keep every op id of the room in memory); the seq is kept here.
    BoardState board = snapshot == null ? new BoardState() : BoardState.fromSnapshot(snapshot);
    long head = snapshot == null ? 0 : snapshot.seq();
    String headOpId = head == 0 ? null : opIdAt(opLog, room, head);
    for (List<StoredOp> batch = opLog.readAfter(room, head, LOG_BATCH);
        !batch.isEmpty();
        batch = opLog.readAfter(room, head, LOG_BATCH)) {
      for (StoredOp op : batch) {
        board.applyOp(op.op());
        head = op.seq();
        headOpId = op.id();
      }
    }
    return new StoredBoard(board, snapshot, head, headOpId);
  }

  /** The id of the stored op at {@code seq}, or null when the log has none there. */
  static String opIdAt(OpLog opLog, String room, long seq) {
    List<StoredOp> at = opLog.readAfter(room, seq - 1, 1);
    return at.isEmpty() || at.getFirst().seq() != seq ? null : at.getFirst().id();
  }
}
