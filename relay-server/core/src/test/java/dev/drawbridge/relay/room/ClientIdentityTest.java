package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client ids and their keys in one room (R80–R85), against fake sockets. */
class ClientIdentityTest {
  private static final String KEY = "key-of-ana-installation-0001";
  private static final String OTHER = "key-of-someone-else-0002";

  private final InMemoryOpLog log = new InMemoryOpLog();
  private RoomRegistry registry =
      new RoomRegistry(log, RoomLimits.defaults(), new SimpleMeterRegistry());

  private Session hello(FakeSocket socket, String clientId, String key, String color) {
    Session s = registry.open("room", socket, Grant.OPEN);
    s.receive(
        new ClientMessage.Hello(ProtocolVersion.CURRENT, clientId, clientId, color, 0, null, key),
        100);
    return s;
  }

  private Session hello(FakeSocket socket, String clientId, String key) {
    return hello(socket, clientId, key, "#112233");
  }

  private static ClientMessage.SubmitOp add(String opId) {
    return new ClientMessage.SubmitOp(
        opId,
        new Op.AddElement(
            Element.freehand(
                "el-" + opId, ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1)));
  }

  private static void assertRefused(FakeSocket socket) {
    assertThat(socket.closeCode).isEqualTo(CloseCodes.CLIENT_ID_TAKEN);
    assertThat(socket.drain())
        .singleElement()
        .isEqualTo(
            new ServerMessage.Error(
                "client_id_taken", "this client id is in use by another installation", null));
  }

  @Test
  void r83_anotherKeyOrNoKeyForAMembersIdIsRefusedAndTheOthersHearNothing() {
    FakeSocket ana = new FakeSocket();
    FakeSocket ben = new FakeSocket();
    Session sa = hello(ana, "ana", KEY);
    hello(ben, "ben", null);
    ana.drain();
    ben.drain();
    for (String key : new String[] {OTHER, null}) {
      FakeSocket mallory = new FakeSocket();
      Session sm = hello(mallory, "ana", key);
      assertRefused(mallory);
      sm.receive(add("forged-" + key), 100); // ignored: the connection is closing
      sm.closed();
    }
    sa.receive(add("a1"), 100);
    assertThat(ben.drain())
        .singleElement()
        .isEqualTo(new ServerMessage.OpBroadcast(1, "a1", "ana", add("a1").op()));
    assertThat(ana.drain()).containsExactly(new ServerMessage.Ack("a1", 1, false));
    assertThat(ana.closeCode).isNull();
    assertThat(log.headSeq("room")).isEqualTo(1);
  }

  @Test
  void r80_anIdStaysClaimedWhileItsOwnerIsAwayAndTheRoomIsUnloaded() {
    FakeSocket ana = new FakeSocket();
    hello(ana, "ana", KEY).closed();
    assertThat(registry.roomCount()).isZero();
    FakeSocket keyless = new FakeSocket();
    hello(keyless, "ana", null).closed();
    assertRefused(keyless);
    FakeSocket other = new FakeSocket();
    hello(other, "ana", OTHER).closed();
    assertRefused(other);
    FakeSocket back = new FakeSocket();
    hello(back, "ana", KEY);
    assertThat(back.closeCode).isNull();
    assertThat(back.drain()).first().isInstanceOf(ServerMessage.Welcome.class);
  }

  @Test
  void r82_theSameKeyReplacesTheConnectionWithoutLeftOrJoined() {
    registry =
        new RoomRegistry(
            log,
            new RoomLimits(2, 10, 1000, 100, 100, 1 << 20, 1 << 20, 10, 1, 30),
            new SimpleMeterRegistry());
    FakeSocket ana = new FakeSocket();
    FakeSocket ben = new FakeSocket();
    Session sa = hello(ana, "ana", KEY);
    Session sb = hello(ben, "ben", null);
    sa.receive(add("a1"), 100);
    ana.drain();
    ben.drain();

    // The room is full (2 members), yet Ana's reconnect takes her own place.
    FakeSocket again = new FakeSocket();
    Session sa2 = hello(again, "ana", KEY);
    assertThat(ana.closeCode).isEqualTo(CloseCodes.REPLACED);
    assertThat(ana.drain())
        .containsExactly(
            new ServerMessage.Error("replaced", "this board was opened again elsewhere", null));
    assertThat(again.drain())
        .first()
        .isInstanceOfSatisfying(
            ServerMessage.Welcome.class,
            w -> assertThat(w.peers()).extracting(Peer::clientId).containsExactly("ben"));
    sa.receive(add("late"), 100); // in flight on the old socket: not sequenced
    sa.closed();
    sb.receive(add("b1"), 100);
    // The room's durable seq (1) rides on the ack and the broadcast (R26).
    assertThat(ben.drain()).containsExactly(new ServerMessage.Ack("b1", 2, false, 1L));
    assertThat(again.drain())
        .containsExactly(new ServerMessage.OpBroadcast(2, "b1", "ben", add("b1").op(), 1L));
    sa2.receive(add("a2"), 100);
    assertThat(ben.drain())
        .containsExactly(new ServerMessage.OpBroadcast(3, "a2", "ana", add("a2").op(), 2L));
  }

  @Test
  void r82_aReplacingConnectionWithANewColourIsAnnouncedAsAnUpdate() {
    FakeSocket ana = new FakeSocket();
    FakeSocket ben = new FakeSocket();
    hello(ana, "ana", KEY);
    hello(ben, "ben", null);
    ben.drain();
    hello(new FakeSocket(), "ana", KEY, "#445566");
    assertThat(ben.drain())
        .containsExactly(new ServerMessage.Joined(new Peer("ana", "ana", "#445566", "editor")));
  }

  @Test
  void r83_aKeyCannotClaimAnIdAKeylessConnectionUses() {
    FakeSocket old = new FakeSocket();
    Session so = hello(old, "ana", null);
    FakeSocket keyed = new FakeSocket();
    hello(keyed, "ana", KEY).closed();
    assertRefused(keyed);
    assertThat(old.closeCode).isNull();
    so.closed();
    FakeSocket upgraded = new FakeSocket();
    hello(upgraded, "ana", KEY);
    assertThat(upgraded.closeCode).isNull();
    FakeSocket keylessAgain = new FakeSocket();
    hello(keylessAgain, "ana", null);
    assertRefused(keylessAgain);
  }

  @Test
  void r85_keylessClientsMayShareAnIdAsBefore() {
    FakeSocket one = new FakeSocket();
    FakeSocket two = new FakeSocket();
    FakeSocket ben = new FakeSocket();
    hello(ben, "ben", null);
    Session s1 = hello(one, "old", null);
    hello(two, "old", null);
    assertThat(one.closeCode).isNull();
    assertThat(two.closeCode).isNull();
    assertThat(ben.drain()).filteredOn(ServerMessage.Joined.class::isInstance).hasSize(1);
    s1.closed();
    assertThat(ben.drain()).isEmpty(); // "old" is still there through its other connection
  }

  @Test
  void r84_theKeyIsInNoFrameTheRoomSends() {
    List<FakeSocket> sockets =
        List.of(new FakeSocket(), new FakeSocket(), new FakeSocket(), new FakeSocket());
    Session sa = hello(sockets.get(0), "ana", KEY);
    hello(sockets.get(1), "ben", null);
    sa.receive(add("a1"), 100);
    hello(sockets.get(2), "ana", KEY).receive(add("a2"), 100);
    hello(sockets.get(3), "ana", OTHER);
    for (FakeSocket s : sockets) {
      assertThat(s.frames).isNotEmpty().noneMatch(f -> f.contains(KEY) || f.contains(OTHER));
    }
  }

  @Test
  void r84_aHelloPrintsWithoutItsKey() {
    var hello = new ClientMessage.Hello(1, "ana", "Ana", "#112233", 0, null, KEY);
    assertThat(hello.toString()).doesNotContain(KEY).contains("ana");
  }
}
