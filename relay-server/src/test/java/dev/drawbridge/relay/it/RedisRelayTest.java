package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.StoredOp;
import dev.drawbridge.relay.redis.LocalRedis;
import dev.drawbridge.relay.redis.RedisOpLog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A relay storing in Redis: ops survive a relay restart (R13, R11). */
class RedisRelayTest {
  @TempDir Path dir;

  @Test
  void r13_opsStoredInRedisSurviveARelayRestart() throws Exception {
    try (LocalRedis redis = LocalRedis.start()) {
      try (RelayFixture fx = RelayFixture.onRedis(dir, redis.uri())) {
        TestPeer a = fx.peer("redis-room");
        a.joinAndSync(0);
        for (int i = 1; i <= 5; i++) {
          a.submitStroke("op" + i, "e" + i);
        }
        for (int i = 1; i <= 5; i++) {
          assertThat(a.next()).isEqualTo(new ServerMessage.Ack("op" + i, i, false));
        }
      }
      try (RelayFixture fx = RelayFixture.onRedis(dir, redis.uri())) {
        TestPeer b = fx.peer("redis-room");
        assertThat(b.joinAndSync(0))
            .extracting(ServerMessage.OpBroadcast::id)
            .containsExactly("op1", "op2", "op3", "op4", "op5");
        b.submitStroke("op1", "e1");
        assertThat(b.next()).isEqualTo(new ServerMessage.Ack("op1", 1, true));
      }
    }
  }

  /**
   * Two relays on one Redis, a room routed to each for some members (what a fail-over and back
   * leaves): the relay that did not order the newest op hands its members over within a few
   * seconds, and they catch up where the room is served.
   */
  @Test
  void r13_membersLeftOnARelayThatLostTheRoomAreHandedOver(@TempDir Path other) throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        RelayFixture serving = RelayFixture.onRedis(dir, redis.uri());
        RelayFixture lost = RelayFixture.onRedis(other, redis.uri())) {
      TestPeer reader = lost.peer("shared-room");
      reader.joinAndSync(0);
      TestPeer writer = serving.peer("shared-room");
      writer.joinAndSync(0);
      writer.submitStroke("op1", "e1");
      assertThat(writer.next()).isEqualTo(new ServerMessage.Ack("op1", 1, false));

      assertThat(reader.awaitClose().code()).isEqualTo(CloseCodes.ROOM_MOVED);
      TestPeer back = serving.peer("shared-room");
      assertThat(back.joinAndSync(0))
          .extracting(ServerMessage.OpBroadcast::id)
          .containsExactly("op1");
    }
  }

  /**
   * The hand-back that lost acked ops (failover.sh, MOVES): both relays hold the room at one head;
   * the serving one stores an op; the other, before its check notices, acks two ops at the same
   * seqs. Neither may reach the log (the second used to land above the serving relay's op), the
   * members of the relay that lost the room are closed, and a member reconnecting with the head it
   * heard there is reset (R12) instead of taking the serving relay's op as its own.
   */
  @Test
  void r13_opsOrderedOnARelayThatLostTheRoomNeverReachTheLog(@TempDir Path other) throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        RelayFixture serving = RelayFixture.onRedis(dir, redis.uri());
        RelayFixture lost = RelayFixture.onRedis(other, redis.uri())) {
      TestPeer behind = lost.peer("split-room");
      behind.joinAndSync(0);
      TestPeer writer = serving.peer("split-room");
      writer.joinAndSync(0);
      writer.submitStroke("a1", "e1");
      assertThat(writer.next()).isEqualTo(new ServerMessage.Ack("a1", 1, false));
      writer.awaitDurable(1);

      behind.submitStroke("b1", "e2");
      behind.submitStroke("b2", "e3");
      assertThat(behind.next()).isEqualTo(new ServerMessage.Ack("b1", 1, false));
      assertThat(behind.next()).isEqualTo(new ServerMessage.Ack("b2", 2, false));
      assertThat(behind.awaitClose().code())
          .isIn(CloseCodes.STORAGE_FAILURE, CloseCodes.ROOM_MOVED);

      TestPeer back = serving.peer("split-room");
      assertThat(back.join(2, "b2").reset()).isTrue();
      try (RedisOpLog log = new RedisOpLog(redis.uri(), "drawbridge:")) {
        assertThat(log.readAfter("split-room", 0, 10))
            .extracting(StoredOp::id)
            .containsExactly("a1");
      }
    }
  }
}
