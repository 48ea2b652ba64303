package dev.drawbridge.relay.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogContract;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpLog contract against a real redis-server started for this class. */
class RedisOpLogTest extends OpLogContract {
  private static LocalRedis redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = LocalRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected OpLog create() {
    // A fresh key prefix per test: the contract assumes an empty log.
    return new RedisOpLog(redis.uri(), "test-" + UUID.randomUUID() + ":");
  }

  /** Relays sharing Redis: one that has lost the room cannot put an older snapshot back. */
  @Test
  void anOlderSnapshotDoesNotReplaceANewerOne() throws Exception {
    try (OpLog log = create()) {
      for (int seq = 1; seq <= 3; seq++) {
        log.append("s", op(seq, "i" + seq)).join();
      }
      log.saveSnapshot("s", new BoardSnapshot(3, List.of())).join();
      log.saveSnapshot("s", new BoardSnapshot(2, List.of())).join();
      assertThat(log.latestSnapshot("s")).map(BoardSnapshot::seq).contains(3L);
    }
  }

  /**
   * Two relays on one Redis, each ordering the room from the same head: the one that writes second
   * is refused at that seq and at every seq after it (OpLog.appendAfter), so its later ops cannot
   * land on top of the other's op and make a chain nobody drew.
   */
  @Test
  void aRelayThatLostTheRoomCannotContinueOnTopOfTheOtherRelaysOp() throws Exception {
    String prefix = "test-" + UUID.randomUUID() + ":";
    try (OpLog serving = new RedisOpLog(redis.uri(), prefix);
        OpLog lost = new RedisOpLog(redis.uri(), prefix)) {
      serving.appendAfter("s", null, op(1, "a1")).join();
      serving.appendAfter("s", "a1", op(2, "a2")).join();

      assertThatThrownBy(() -> lost.appendAfter("s", "a1", op(2, "b2")).join())
          .hasMessageContaining("does not follow the head");
      assertThatThrownBy(() -> lost.appendAfter("s", "b2", op(3, "b3")).join())
          .hasMessageContaining("another relay's op");
      assertThatThrownBy(() -> lost.appendAfter("s", null, op(1, "b1")).join())
          .hasMessageContaining("does not follow the head");

      serving.appendAfter("s", "a2", op(3, "a3")).join();
      assertThat(lost.readAfter("s", 0, 10))
          .extracting(StoredOp::id)
          .containsExactly("a1", "a2", "a3");
      assertThat(lost.seqOf("s", "b3")).isEmpty();
    }
  }
}
