package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** One member's room state: its backlog during catch-up, its broadcasts, its durable notices. */
class MemberTest {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final Peer PEER = new Peer("a", "Ana", "#112233", "editor");

  private final FakeSocket socket = new FakeSocket();
  private final Session session =
      new RoomRegistry(new InMemoryOpLog(), RoomLimits.defaults(), new SimpleMeterRegistry())
          .open("room", socket, Grant.OPEN);

  private static Outbound pong(long t) {
    return new Outbound(CODEC.encodeToBytes(new ServerMessage.Pong(t)));
  }

  @Test
  void r11_r25_whatIsBroadcastDuringTheCatchUpFollowsItInOrder() {
    Member m = new Member(session, PEER, 5, 5, 5);
    m.deliver(pong(1));
    m.deliver(pong(2));
    assertThat(socket.drain()).as("held while the catch-up is sent").isEmpty();
    m.goLive();
    m.deliver(pong(3));
    assertThat(socket.drain())
        .containsExactly(
            new ServerMessage.Pong(1), new ServerMessage.Pong(2), new ServerMessage.Pong(3));
  }

  @Test
  void r25_itReceivesTheBroadcastsOfSeqsAfterTheHeadItJoinedAt() {
    Member m = new Member(session, PEER, 5, 5, 0);
    assertThat(m.receivesBroadcastOf(5)).as("its catch-up has it").isFalse();
    assertThat(m.receivesBroadcastOf(6)).isTrue();
  }

  @Test
  void r26_itHearsOfDurabilityWhenItsOwnOpsOrItsLastSeqBecomeDurable() {
    Member m = new Member(session, PEER, 5, 2, 3);
    assertThat(m.awaitsDurableNotice(2)).as("told at synced").isFalse();
    assertThat(m.awaitsDurableNotice(3)).as("its lastSeq is stored").isTrue();
    m.toldDurable(3);
    assertThat(m.awaitsDurableNotice(5)).as("nothing of its own waits").isFalse();
    m.awaitDurable(6);
    m.awaitDurable(4); // a duplicate ack of an older op waits for nothing new
    assertThat(m.awaitsDurableNotice(3)).as("durable has not moved").isFalse();
    assertThat(m.awaitsDurableNotice(4)).isTrue();
    m.toldDurable(6);
    assertThat(m.awaitsDurableNotice(7)).isFalse();
  }

  @Test
  void r12_r26_aLastSeqAheadOfTheHeadWaitsOnlyForTheHead() {
    Member m = new Member(session, PEER, 5, 0, 9);
    m.toldDurable(5);
    assertThat(m.awaitsDurableNotice(9)).isFalse();
  }

  @Test
  void r10_theTokensNameWinsCutTo64() {
    ClientMessage.Hello hello =
        new ClientMessage.Hello(ProtocolVersion.CURRENT, "a", "Ana", "#112233", 0);
    assertThat(Member.peerOf(new Grant(Role.VIEWER, null), hello))
        .isEqualTo(new Peer("a", "Ana", "#112233", "viewer"));
    assertThat(Member.peerOf(new Grant(Role.EDITOR, "t".repeat(70)), hello))
        .isEqualTo(new Peer("a", "t".repeat(64), "#112233", "editor"));
  }
}
