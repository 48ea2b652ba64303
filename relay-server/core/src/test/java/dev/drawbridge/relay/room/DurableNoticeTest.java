package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acks and broadcasts leave when an op is sequenced; {@code durable} follows the op log (R13, R26),
 * and the room's not yet stored ops still reach joiners (R11) and the history check (R12).
 */
class DurableNoticeTest {
  private final HeldOpLog log = new HeldOpLog();
  private final RoomRegistry registry =
      new RoomRegistry(log, RoomLimits.defaults().withSnapshotEvery(3), new SimpleMeterRegistry());

  private Session join(FakeSocket socket, String clientId, long lastSeq, String lastOpId) {
    return join(registry, "room", socket, clientId, lastSeq, lastOpId);
  }

  private static Session join(
      RoomRegistry rooms,
      String room,
      FakeSocket socket,
      String clientId,
      long lastSeq,
      String lastOpId) {
    Session s = rooms.open(room, socket, new Grant(Role.EDITOR, null));
    s.receive(
        new ClientMessage.Hello(
            ProtocolVersion.CURRENT, clientId, clientId, "#112233", lastSeq, lastOpId),
        100);
    return s;
  }

  private static ClientMessage.SubmitOp add(String opId) {
    return new ClientMessage.SubmitOp(
        opId,
        new Op.AddElement(
            Element.freehand(
                "e-" + opId, ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1)));
  }

  private static List<Long> broadcastSeqs(List<ServerMessage> messages) {
    return messages.stream()
        .filter(ServerMessage.OpBroadcast.class::isInstance)
        .map(m -> ((ServerMessage.OpBroadcast) m).seq())
        .toList();
  }

  @Test
  void r13_r26_ackAndBroadcastDoNotWaitForTheDiskAndDurableFollowsIt() {
    FakeSocket a = new FakeSocket();
    FakeSocket b = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    join(b, "b", 0, null);
    a.drain();
    b.drain();
    sa.receive(add("o1"), 100);
    sa.receive(add("o2"), 100);
    assertThat(a.drain())
        .containsExactly(
            new ServerMessage.Ack("o1", 1, false), new ServerMessage.Ack("o2", 2, false));
    assertThat(broadcastSeqs(b.drain())).containsExactly(1L, 2L);
    assertThat(log.headSeq("room")).as("nothing is stored yet").isZero();

    log.release(1);
    registry.sendDurableNotices();
    assertThat(a.drain())
        .as("o1 is durable, o2 not yet")
        .containsExactly(new ServerMessage.Durable(1));
    log.release(1);
    assertThat(a.drain()).as("notices wait for the next round").isEmpty();
    registry.sendDurableNotices();
    registry.sendDurableNotices();
    assertThat(a.drain()).containsExactly(new ServerMessage.Durable(2));
    assertThat(b.drain()).as("b has no ops of its own waiting").isEmpty();
  }

  @Test
  void r11_aJoinerGetsStoredOpsFromTheLogAndUnstoredOnesFromMemoryOnce() {
    FakeSocket a = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    sa.receive(add("o1"), 100);
    log.release(1);
    sa.receive(add("o2"), 100);
    sa.receive(add("o3"), 100);

    FakeSocket c = new FakeSocket();
    join(c, "c", 0, null);
    List<ServerMessage> catchUp = c.drain();
    assertThat(((ServerMessage.Welcome) catchUp.getFirst()).headSeq()).isEqualTo(3);
    assertThat(broadcastSeqs(catchUp)).containsExactly(1L, 2L, 3L);
    assertThat(catchUp).endsWith(new ServerMessage.Synced(3, "o3"), new ServerMessage.Durable(1));

    sa.receive(add("o4"), 100);
    log.release(3);
    assertThat(broadcastSeqs(c.drain())).containsExactly(4L);
  }

  @Test
  void r12_aClientWhoseOpAtLastSeqTheRoomDoesNotHoldIsReset() {
    FakeSocket a = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    for (int i = 1; i <= 4; i++) {
      sa.receive(add("o" + i), 100);
    }
    log.release(2); // o1, o2 stored; o3, o4 only in memory

    for (String[] lastOp : new String[][] {{"2", "o2"}, {"4", "o4"}, {"2", null}}) {
      FakeSocket same = new FakeSocket();
      join(same, "s", Long.parseLong(lastOp[0]), lastOp[1]);
      ServerMessage.Welcome w = (ServerMessage.Welcome) same.drain().getFirst();
      assertThat(w.reset()).as("history matches at %s", lastOp[0]).isFalse();
    }
    for (String[] lastOp : new String[][] {{"2", "lost-op"}, {"4", "o9"}, {"5", "o5"}}) {
      FakeSocket other = new FakeSocket();
      join(other, "x", Long.parseLong(lastOp[0]), lastOp[1]);
      List<ServerMessage> got = other.drain();
      ServerMessage.Welcome w = (ServerMessage.Welcome) got.getFirst();
      assertThat(w.reset()).as("other history at %s", lastOp[0]).isTrue();
      assertThat(w.snapshot().seq()).isEqualTo(4);
      assertThat(w.snapshot().elements()).hasSize(4);
      assertThat(got).contains(new ServerMessage.Synced(4, "o4"));
    }
  }

  @Test
  void r26_aReconnectingAuthorHearsWhenItsEarlierOpsBecomeDurable() {
    FakeSocket a = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    sa.receive(add("o1"), 100);
    sa.closed();

    FakeSocket again = new FakeSocket();
    join(again, "a", 1, "o1");
    assertThat(again.drain()).noneMatch(ServerMessage.Durable.class::isInstance);
    log.release(1);
    registry.sendDurableNotices();
    assertThat(again.drain()).containsExactly(new ServerMessage.Durable(1));
  }

  @Test
  void r15_r26_aResentOpStillWaitingForTheDiskIsAckedAtOnceAndDurableLater() {
    FakeSocket a = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    sa.receive(add("o1"), 100);
    sa.receive(add("o1"), 100);
    assertThat(a.drain())
        .endsWith(new ServerMessage.Ack("o1", 1, false), new ServerMessage.Ack("o1", 1, true));
    log.release(1);
    registry.sendDurableNotices();
    assertThat(a.drain()).containsExactly(new ServerMessage.Durable(1));
    sa.receive(add("o1"), 100);
    registry.sendDurableNotices();
    assertThat(a.drain())
        .as("stored and already said durable: just the ack, which says so too (R26)")
        .containsExactly(new ServerMessage.Ack("o1", 1, true, 1L));
  }

  /** R26: the room's durable seq rides on later broadcasts and acks, before the next round. */
  @Test
  void r26_laterBroadcastsAndAcksCarryTheDurableSeq() {
    FakeSocket a = new FakeSocket();
    FakeSocket b = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    join(b, "b", 0, null);
    sa.receive(add("o1"), 100);
    b.drain();
    log.release(1);
    sa.receive(add("o2"), 100);
    assertThat(a.drain()).contains(new ServerMessage.Ack("o2", 2, false, 1L));
    assertThat(b.drain())
        .anySatisfy(
            m ->
                assertThat(m)
                    .isInstanceOfSatisfying(
                        ServerMessage.OpBroadcast.class,
                        op -> {
                          assertThat(op.seq()).isEqualTo(2);
                          assertThat(op.durable()).isEqualTo(1L);
                        }));
  }

  @Test
  void snapshotsCoverOnlyDurableOps() {
    FakeSocket a = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    for (int i = 1; i <= 3; i++) {
      sa.receive(add("o" + i), 100);
    }
    assertThat(log.latestSnapshot("room")).as("due at 3, but nothing is durable").isEmpty();
    log.release(2);
    assertThat(log.latestSnapshot("room")).isEmpty();
    log.release(1);
    assertThat(log.latestSnapshot("room"))
        .hasValueSatisfying(s -> assertThat(s.seq()).isEqualTo(3));
  }

  @Test
  void r26_aFailedWriteAfterTheAckClosesWith1011AndNeverSaysDurable() {
    FakeSocket a = new FakeSocket();
    FakeSocket b = new FakeSocket();
    Session sa = join(a, "a", 0, null);
    join(b, "b", 0, null);
    sa.receive(add("o1"), 100);
    log.failNext();
    assertThat(a.closeCode).isEqualTo(CloseCodes.STORAGE_FAILURE);
    assertThat(b.closeCode).isEqualTo(CloseCodes.STORAGE_FAILURE);
    assertThat(a.drain())
        .contains(new ServerMessage.Ack("o1", 1, false))
        .noneMatch(ServerMessage.Durable.class::isInstance);
  }

  @Test
  void r17_r26_aRoomTooFarAheadOfItsLogRefusesOpsInOrderUntilTheLogCatchesUp() {
    RoomRegistry small =
        new RoomRegistry(
            log, RoomLimits.defaults().withMaxUnstoredOps(2), new SimpleMeterRegistry());
    FakeSocket a = new FakeSocket();
    Session sa = join(small, "busy", a, "a", 0, null);
    a.drain();
    sa.receive(add("o1"), 100);
    sa.receive(add("o2"), 100);
    sa.receive(add("o3"), 100);
    log.release(2);
    // Room again, but later ops must not overtake o3, which the client resends after the delay;
    // more of them than the rate limiter's strike allowance (50) closes nobody.
    for (int i = 4; i <= 63; i++) {
      sa.receive(add("o" + i), 100);
    }
    List<ServerMessage.Nack> nacks =
        a.drain().stream()
            .filter(ServerMessage.Nack.class::isInstance)
            .map(ServerMessage.Nack.class::cast)
            .toList();
    assertThat(nacks).hasSize(61);
    assertThat(nacks.getFirst().id()).isEqualTo("o3");
    assertThat(nacks)
        .allMatch(n -> n.reason().equals("storage_busy") && n.retryAfterMs() > 0, "storage_busy");
    assertThat(a.closeCode).as("the relay's own backlog is no strike against the client").isNull();
    assertThat(log.headSeq("busy")).isEqualTo(2);
  }

  @Test
  void theTimeOpsWaitForStorageIsMeteredWhenTheyBecomeDurable() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RoomRegistry metered = new RoomRegistry(log, RoomLimits.defaults(), meters);
    FakeSocket a = new FakeSocket();
    Session sa = join(metered, "metered", a, "a", 0, null);
    sa.receive(add("o1"), 100);
    sa.receive(add("o2"), 100);
    assertThat(meters.timer("drawbridge.ops.storage").count()).isZero();
    log.release(1);
    assertThat(meters.timer("drawbridge.ops.storage").count()).isEqualTo(1);
    log.release(1);
    assertThat(meters.timer("drawbridge.ops.storage").count()).isEqualTo(2);
  }
}
