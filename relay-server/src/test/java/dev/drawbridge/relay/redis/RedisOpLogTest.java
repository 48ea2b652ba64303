package dev.drawbridge.relay.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogContract;
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
}
