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

  /** R116, R117 on Redis: times are kept, and pages read back gap-free to the head. */
  @Test
  void r117_historyPagesFromRedis() throws Exception {
    var small = dev.drawbridge.relay.history.HistoryLimits.defaults().withMaxPage(100);
    try (LocalRedis redis = LocalRedis.start();
        RelayFixture fx = RelayFixture.onRedis(dir, redis.uri(), c -> c.withHistoryLimits(small))) {
      TestPeer a = fx.peer("redis-history");
      a.joinAndSync(0);
      var acks = HistoryPaging.fill(a, "h", 250);
      a.awaitDurable(250);
      var ops = HistoryPaging.all(a, 1);
      assertThat(ops).hasSize(250);
      assertThat(ops)
          .extracting(dev.drawbridge.protocol.message.HistoryOp::t)
          .containsExactlyElementsOf(acks.stream().map(ServerMessage.Ack::t).toList());
      var first = (ServerMessage.History) HistoryPaging.page(a, 1, 2000);
      assertThat(first.ops()).hasSize(100);
      assertThat(first.next()).isEqualTo(101L);
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
   * The hand-back (failover.sh, MOVES): members are busy on the relay that held the room when a
   * newcomer's connection reaches the other one (the balancer's pick again). The newcomer's relay
   * takes the room at once: the busy relay's next op is refused by the log and its members are
   * handed over (1012) instead of the newcomer being locked out while they draw; nothing the busy
   * relay acked after losing the room reaches the log, and its member, reconnecting with the head
   * it heard there, is reset (R12) instead of taking an op it never saw as its own.
   */
  @Test
  void r13_aNewcomerOnTheOtherRelayTakesTheRoomFromItsBusyMembers(@TempDir Path other)
      throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        RelayFixture balancerPick = RelayFixture.onRedis(dir, redis.uri());
        RelayFixture standIn = RelayFixture.onRedis(other, redis.uri())) {
      TestPeer busy = standIn.peer("split-room");
      busy.joinAndSync(0);
      busy.submitStroke("s1", "e1");
      assertThat(busy.next()).isEqualTo(new ServerMessage.Ack("s1", 1, false));
      busy.awaitDurable(1);

      TestPeer newcomer = balancerPick.peer("split-room");
      assertThat(newcomer.joinAndSync(0))
          .extracting(ServerMessage.OpBroadcast::id)
          .containsExactly("s1");
      busy.submitStroke("s2", "e2");
      assertThat(busy.next()).isEqualTo(new ServerMessage.Ack("s2", 2, false));
      assertThat(busy.awaitClose().code()).isEqualTo(CloseCodes.ROOM_MOVED);
      newcomer.submitStroke("n2", "e3");
      assertThat(newcomer.next()).isEqualTo(new ServerMessage.Ack("n2", 2, false));
      newcomer.awaitDurable(2);

      TestPeer back = balancerPick.peer("split-room");
      assertThat(back.join(2, "s2").reset()).isTrue();
      try (RedisOpLog log = new RedisOpLog(redis.uri(), "drawbridge:")) {
        assertThat(log.readAfter("split-room", 0, 10))
            .extracting(StoredOp::id)
            .containsExactly("s1", "n2");
      }
    }
  }

  /**
   * R111 with several relays: a blob stored through one relay is held by the room on the other, so
   * a member there fetches the same bytes and its image add is accepted.
   */
  @Test
  void r111_aBlobUploadedThroughOneRelayIsHeldOnTheOther(@TempDir Path other) throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        RelayFixture a = RelayFixture.onRedis(dir, redis.uri());
        RelayFixture b = RelayFixture.onRedis(other, redis.uri())) {
      TestPeer uploader = a.peer("image-room");
      uploader.joinAndSync(0);
      byte[] png = TestImages.noisePng(120, 100, 21);
      String blob = TestImages.upload(uploader, png, "image/png");
      assertThat(uploader.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(blob);

      TestPeer there = b.peer("image-room");
      there.joinAndSync(0);
      assertThat(TestImages.fetch(there, blob)).isEqualTo(png);
      there.send(TestImages.imageAdd("op-img", "el-img", blob, 120, 100));
      assertThat(there.nextOf(ServerMessage.Ack.class))
          .isEqualTo(new ServerMessage.Ack("op-img", 1, false));
    }
  }

  /** R80 with several relays: the stand-in knows whose id is whose from Redis. */
  @Test
  void r80_aClaimMadeOnOneRelayHoldsOnTheStandIn(@TempDir Path other) throws Exception {
    try (LocalRedis redis = LocalRedis.start();
        RelayFixture first = RelayFixture.onRedis(dir, redis.uri());
        RelayFixture standIn = RelayFixture.onRedis(other, redis.uri())) {
      TestPeer ana = first.peerAs("keys-room", "client-ana");
      ana.clientKey = "ana-key-0123456789";
      ana.joinAndSync(0);
      ana.closeBlocking();

      TestPeer mallory = standIn.peerAs("keys-room", "client-ana");
      mallory.clientKey = "mallory-key-0123456789";
      assertThat(mallory.open()).isTrue();
      mallory.hello(0);
      assertThat(mallory.awaitClose().code()).isEqualTo(CloseCodes.CLIENT_ID_TAKEN);
      TestPeer back = standIn.peerAs("keys-room", "client-ana");
      back.clientKey = "ana-key-0123456789";
      assertThat(back.join(0).headSeq()).isZero();
    }
  }
}
