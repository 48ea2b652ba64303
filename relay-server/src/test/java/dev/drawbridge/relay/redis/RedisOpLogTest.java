package dev.drawbridge.relay.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogContract;
import dev.drawbridge.relay.oplog.RoomTakenException;
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
   * Two relays on one Redis (OpLog.claim, appendAfter): the relay that claimed the room last holds
   * it, and every append of the other is refused, the ones it ordered before the claim included;
   * ops ordered from a stale head are refused by the seq, and ops after them by the chain, so a
   * relay's later ops cannot land on top of another relay's op and make a chain nobody drew.
   */
  @Test
  void onlyTheRelayThatClaimedTheRoomLastCanAppendToIt() throws Exception {
    String prefix = "test-" + UUID.randomUUID() + ":";
    try (OpLog first = new RedisOpLog(redis.uri(), prefix);
        OpLog second = new RedisOpLog(redis.uri(), prefix)) {
      first.claim("s");
      first.appendAfter("s", null, op(1, "a1")).join();
      first.appendAfter("s", "a1", op(2, "a2")).join();
      assertThat(first.holds("s")).isTrue();

      second.claim("s");
      assertThat(first.holds("s")).isFalse();
      assertThat(second.holds("s")).isTrue();
      assertThatThrownBy(() -> first.appendAfter("s", "a2", op(3, "a3")).join())
          .hasCauseInstanceOf(RoomTakenException.class);
      assertThatThrownBy(() -> second.appendAfter("s", "a1", op(2, "b2")).join())
          .hasMessageContaining("does not follow the head");
      assertThatThrownBy(() -> second.appendAfter("s", "b2", op(3, "b3")).join())
          .hasMessageContaining("another relay's op");

      second.appendAfter("s", "a2", op(3, "c3")).join();
      assertThat(first.readAfter("s", 0, 10))
          .extracting(StoredOp::id)
          .containsExactly("a1", "a2", "c3");
      assertThat(first.seqOf("s", "a3")).isEmpty();
      assertThat(first.seqOf("s", "b3")).isEmpty();
    }
  }
}
