package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Room and RoomRegistry against a fake socket: ordering and membership without the network. */
class RoomTest {
  private final InMemoryOpLog log = new InMemoryOpLog();
  private RoomRegistry registry =
      new RoomRegistry(log, RoomLimits.defaults().withSnapshotEvery(3), new SimpleMeterRegistry());

  private Session join(String room, FakeSocket socket, String clientId, Role role, long lastSeq) {
    Session s = registry.open(room, socket, new Grant(role, null));
    s.receive(
        new ClientMessage.Hello(ProtocolVersion.CURRENT, clientId, clientId, "#112233", lastSeq),
        100);
    return s;
  }

  private static ClientMessage.SubmitOp add(String opId, String elementId) {
    return new ClientMessage.SubmitOp(
        opId,
        new Op.AddElement(
            Element.freehand(
                elementId, ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1)));
  }

  @Test
  void r13_r14_seqIsAssignedInOrderAckedToSenderAndSentToOthers() {
    FakeSocket a = new FakeSocket();
    FakeSocket b = new FakeSocket();
    Session sa = join("room", a, "a", Role.EDITOR, 0);
    join("room", b, "b", Role.EDITOR, 0);
    a.drain();
    b.drain();
    sa.receive(add("o1", "e1"), 100);
    sa.receive(add("o2", "e2"), 100);
    assertThat(a.drain())
        .containsExactly(
            new ServerMessage.Ack("o1", 1, false),
            // o1 was durable at once (in-memory log): o2's ack says so (R26).
            new ServerMessage.Ack("o2", 2, false, 1L));
    // The in-memory log is durable at once; the next round of notices covers both (R26).
    registry.sendDurableNotices();
    assertThat(a.drain()).containsExactly(new ServerMessage.Durable(2));
    assertThat(b.drain())
        .extracting(m -> ((ServerMessage.OpBroadcast) m).seq())
        .containsExactly(1L, 2L);
  }

  @Test
  void r15_duplicateIsAckedAgainAndNotStored() {
    FakeSocket a = new FakeSocket();
    Session sa = join("room", a, "a", Role.EDITOR, 0);
    sa.receive(add("o1", "e1"), 100);
    sa.receive(add("o1", "e1"), 100);
    assertThat(a.drain())
        .endsWith(new ServerMessage.Ack("o1", 1, false), new ServerMessage.Ack("o1", 1, true, 1L));
    assertThat(log.headSeq("room")).isEqualTo(1);
  }

  @Test
  void r16_viewerIsNacked() {
    FakeSocket v = new FakeSocket();
    Session sv = join("room", v, "v", Role.VIEWER, 0);
    v.drain();
    sv.receive(add("o1", "e1"), 100);
    assertThat(v.drain()).containsExactly(new ServerMessage.Nack("o1", "viewer", 0));
    assertThat(log.headSeq("room")).isZero();
  }

  @Test
  void r5_anythingBeforeHelloIsRefused() {
    FakeSocket a = new FakeSocket();
    Session s = registry.open("room", a, Grant.OPEN);
    s.receive(add("o1", "e1"), 100);
    assertThat(a.drain()).singleElement().isInstanceOf(ServerMessage.Error.class);
    assertThat(a.closeCode).isEqualTo(CloseCodes.MALFORMED);
  }

  @Test
  void r22_memberLimitClosesWith4010() {
    registry =
        new RoomRegistry(
            log,
            new RoomLimits(2, 10, 1000, 100, 100, 1 << 20, 1 << 20, 10, 1, 30),
            new SimpleMeterRegistry());
    join("room", new FakeSocket(), "a", Role.EDITOR, 0);
    join("room", new FakeSocket(), "b", Role.EDITOR, 0);
    FakeSocket third = new FakeSocket();
    join("room", third, "c", Role.EDITOR, 0);
    assertThat(third.closeCode).isEqualTo(CloseCodes.ROOM_FULL);
  }

  @Test
  void r22_roomLimitClosesWith4010AndIdleRoomsAreForgotten() {
    registry =
        new RoomRegistry(
            log,
            new RoomLimits(10, 1, 1000, 100, 100, 1 << 20, 1 << 20, 10, 1, 30),
            new SimpleMeterRegistry());
    Session first = join("one", new FakeSocket(), "a", Role.EDITOR, 0);
    FakeSocket other = new FakeSocket();
    assertThat(registry.open("two", other, Grant.OPEN)).isNull();
    assertThat(other.closeCode).isEqualTo(CloseCodes.ROOM_FULL);
    first.closed();
    assertThat(registry.roomCount()).isZero();
    assertThat(registry.open("two", new FakeSocket(), Grant.OPEN)).isNotNull();
  }

  @Test
  void r17_floodIsNackedThenClosedWith4008() {
    registry =
        new RoomRegistry(
            log,
            new RoomLimits(10, 10, 1000, 1, 5, 1 << 20, 1 << 20, 3, 0.001, 30),
            new SimpleMeterRegistry());
    FakeSocket a = new FakeSocket();
    Session s = join("room", a, "a", Role.EDITOR, 0);
    a.drain();
    for (int i = 0; i < 20 && a.closeCode == null; i++) {
      s.receive(add("o" + i, "e" + i), 100);
    }
    List<ServerMessage> got = a.drain();
    assertThat(got.stream().filter(m -> m instanceof ServerMessage.Ack)).hasSize(5);
    assertThat(
            got.stream()
                .filter(
                    m ->
                        m instanceof ServerMessage.Nack n
                            && n.reason().equals("rate_limited")
                            && n.retryAfterMs() > 0))
        .hasSize(3);
    assertThat(a.closeCode).isEqualTo(CloseCodes.RATE_LIMITED);
  }

  @Test
  void r18_presenceGoesToOthersOnly() {
    FakeSocket a = new FakeSocket();
    FakeSocket b = new FakeSocket();
    Session sa = join("room", a, "a", Role.VIEWER, 0);
    join("room", b, "b", Role.EDITOR, 0);
    a.drain();
    b.drain();
    sa.receive(new ClientMessage.Presence(new Cursor(1, 2), List.of()), 50);
    assertThat(a.drain()).isEmpty();
    assertThat(b.drain())
        .containsExactly(new ServerMessage.PresenceBroadcast("a", new Cursor(1, 2), List.of()));
  }

  @Test
  void r19_secondConnectionOfTheSameClientIsNotAnnouncedTwice() {
    FakeSocket a = new FakeSocket();
    join("room", a, "a", Role.EDITOR, 0);
    Session b1 = join("room", new FakeSocket(), "b", Role.EDITOR, 0);
    Session b2 = join("room", new FakeSocket(), "b", Role.EDITOR, 0);
    assertThat(a.drain().stream().filter(m -> m instanceof ServerMessage.Joined)).hasSize(1);
    b1.closed();
    assertThat(a.drain()).isEmpty();
    b2.closed();
    assertThat(a.drain()).containsExactly(new ServerMessage.Left("b"));
  }

  /** R11/R25 at random join points, on one thread: catch-up plus live ops are gap-free. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void r11_r25_lateJoinersSeeEveryOpExactlyOnce(long seed) {
    Random random = new Random(seed);
    FakeSocket writer = new FakeSocket();
    Session w = join("room", writer, "w", Role.EDITOR, 0);
    int ops = 30 + random.nextInt(30);
    int joinAt = random.nextInt(ops);
    long lastSeq = random.nextInt(joinAt + 1);
    FakeSocket late = null;
    for (int i = 0; i < ops; i++) {
      if (i == joinAt) {
        late = new FakeSocket();
        join("room", late, "late", Role.EDITOR, lastSeq);
      }
      w.receive(add("o" + i, "e" + i), 100);
    }
    long covered = lastSeq;
    long expectedNext = -1;
    List<Long> seqs = new java.util.ArrayList<>();
    for (ServerMessage m : late.drain()) {
      if (m instanceof ServerMessage.Welcome welcome && welcome.snapshot() != null) {
        covered = welcome.snapshot().seq();
      } else if (m instanceof ServerMessage.OpBroadcast op) {
        seqs.add(op.seq());
      }
    }
    expectedNext = covered + 1;
    for (long s : seqs) {
      assertThat(s).isEqualTo(expectedNext++);
    }
    assertThat(expectedNext - 1).isEqualTo(ops);
  }

  /**
   * R11/R25 with the join racing live ops on another thread, as transport workers do: whatever the
   * interleaving (the catch-up is sent outside the room's lock while broadcasts wait in the
   * joiner's backlog), the joiner sees every seq after its catch-up once, in order.
   */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void r11_r25_aJoinRacingLiveOpsOnAnotherThreadSeesEveryOpExactlyOnce(long seed) throws Exception {
    Random random = new Random(seed);
    Session w = join("room", new FakeSocket(), "w", Role.EDITOR, 0);
    int ops = 300 + random.nextInt(300);
    int joinAt = random.nextInt(ops);
    long lastSeq = random.nextInt(joinAt + 1);
    java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < ops; i++) {
                    if (i == joinAt) {
                      reached.countDown();
                    }
                    w.receive(add("o" + i, "e" + i), 100);
                  }
                });
    reached.await();
    FakeSocket late = new FakeSocket();
    join("room", late, "late", Role.EDITOR, lastSeq);
    writer.join(30_000);
    assertThat(writer.isAlive()).isFalse();
    long next = lastSeq + 1;
    for (ServerMessage m : late.drain()) {
      if (m instanceof ServerMessage.Welcome welcome && welcome.snapshot() != null) {
        next = welcome.snapshot().seq() + 1;
      } else if (m instanceof ServerMessage.OpBroadcast op) {
        assertThat(op.seq()).as("seq after %d", next - 1).isEqualTo(next);
        next++;
      }
    }
    assertThat(next - 1).as("the last seq the joiner saw").isEqualTo(ops);
  }

  @Test
  void aFailedWriteClosesTheRoomWith1011AndTheNextConnectionStartsAfresh() {
    AtomicBoolean broken = new AtomicBoolean();
    InMemoryOpLog inner = new InMemoryOpLog();
    OpLog flaky =
        new OpLog() {
          @Override
          public CompletableFuture<Void> append(String room, StoredOp op) {
            return broken.get()
                ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
                : inner.append(room, op);
          }

          @Override
          public long headSeq(String room) {
            return inner.headSeq(room);
          }

          @Override
          public OptionalLong seqOf(String room, String opId) {
            return inner.seqOf(room, opId);
          }

          @Override
          public List<StoredOp> readAfter(String room, long afterSeq, int max) {
            return inner.readAfter(room, afterSeq, max);
          }

          @Override
          public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
            return inner.saveSnapshot(room, snapshot);
          }

          @Override
          public Optional<BoardSnapshot> latestSnapshot(String room) {
            return inner.latestSnapshot(room);
          }

          @Override
          public void close() {}
        };
    registry = new RoomRegistry(flaky, RoomLimits.defaults(), new SimpleMeterRegistry());
    FakeSocket a = new FakeSocket();
    Session s = join("room", a, "a", Role.EDITOR, 0);
    s.receive(add("o1", "e1"), 100);
    broken.set(true);
    s.receive(add("o2", "e2"), 100);
    assertThat(a.closeCode).isEqualTo(1011);
    // Acked when sequenced (R13), but never said durable: the client keeps it and resends (R26).
    assertThat(a.drain()).doesNotContain(new ServerMessage.Durable(2));
    broken.set(false);
    FakeSocket b = new FakeSocket();
    Session sb = join("room", b, "b", Role.EDITOR, 0);
    assertThat(b.closeCode).isNull();
    sb.receive(add("o3", "e3"), 100);
    assertThat(b.drain()).contains(new ServerMessage.Ack("o3", 2, false, 1L));
  }

  @Test
  void r13_aRoomAnotherRelayWroteHandsItsMembersOverWith1012() {
    FakeSocket a = new FakeSocket();
    Session sa = join("room", a, "a", Role.EDITOR, 0);
    sa.receive(add("o1", "e1"), 100);
    registry.checkSharedLog();
    assertThat(a.closeCode).as("its own ops are no reason to move").isNull();

    // Another relay on the same log orders seq 2 (this relay lost the room for a while).
    log.append("room", new StoredOp(2, "o2", "elsewhere", add("o2", "e2").op())).join();
    registry.checkSharedLog();
    assertThat(a.closeCode).isEqualTo(CloseCodes.ROOM_MOVED);

    // Whoever still comes here gets the room as the log holds it, other relay's op included.
    FakeSocket b = new FakeSocket();
    join("room", b, "b", Role.EDITOR, 0);
    assertThat(b.drain())
        .filteredOn(ServerMessage.OpBroadcast.class::isInstance)
        .extracting(m -> ((ServerMessage.OpBroadcast) m).id())
        .containsExactly("o1", "o2");
  }
}
