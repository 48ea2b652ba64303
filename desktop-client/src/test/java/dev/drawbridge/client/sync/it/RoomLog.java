package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the relay stored for a room, read from its SQLite op log after it stopped. */
record RoomLog(List<StoredOp> ops) {

  static RoomLog read(Path relayDataDir, String room) {
    List<StoredOp> all = new ArrayList<>();
    try (SqliteOpLog log = new SqliteOpLog(relayDataDir)) {
      long after = 0;
      while (true) {
        List<StoredOp> batch = log.readAfter(room, after, 10_000);
        if (batch.isEmpty()) {
          break;
        }
        all.addAll(batch);
        after = batch.getLast().seq();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return new RoomLog(all);
  }

  long head() {
    return ops.isEmpty() ? 0 : ops.getLast().seq();
  }

  String hash() {
    return board().hash();
  }

  /** The hash and every tombstone of the stored board ({@link BoardFingerprint}). */
  String wholeBoard() {
    return BoardFingerprint.of(board());
  }

  private BoardState board() {
    BoardState board = new BoardState();
    for (StoredOp op : ops) {
      board.apply(op.seq(), op.id(), op.op());
    }
    return board;
  }

  /** One client's ops were stored in the order it drew them (replay keeps journal order). */
  void assertKeepsOrderOf(List<String> oneClientsIds) {
    Set<String> mine = new HashSet<>(oneClientsIds);
    List<String> stored = ops.stream().map(StoredOp::id).filter(mine::contains).toList();
    assertThat(stored).as("stored in drawing order").isEqualTo(oneClientsIds);
  }

  /**
   * The log is gap-free (R13) and holds exactly the ops the clients drew: each id once, none
   * missing, none extra.
   */
  void assertHoldsExactlyOnce(Collection<String> drawnIds) {
    for (int i = 0; i < ops.size(); i++) {
      assertThat(ops.get(i).seq()).as("seq at position %d", i).isEqualTo(i + 1L);
    }
    List<String> ids = ops.stream().map(StoredOp::id).toList();
    Set<String> unique = new HashSet<>(ids);
    assertThat(unique).as("no op id stored twice").hasSameSizeAs(ids);
    assertThat(new HashSet<>(drawnIds)).as("drawn ids are distinct").hasSameSizeAs(drawnIds);
    assertThat(unique).as("every drawn op stored, nothing else").isEqualTo(new HashSet<>(drawnIds));
  }
}
