package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R116 with the room's clock in the test's hands: the time an op is sequenced, on every path. */
class OpTimeTest {
  private final InMemoryOpLog log = new InMemoryOpLog();
  private final AtomicLong clock = new AtomicLong(1_764_000_000_000L);
  private final RoomRegistry registry =
      new RoomRegistry(
          log, RoomLimits.defaults(), new SimpleMeterRegistry(), Runnable::run, clock::get);

  @AfterEach
  void close() {
    registry.close();
  }

  private Session join(FakeSocket socket, String clientId, Role role) {
    Session s = registry.open("room", socket, new Grant(role, null));
    s.receive(
        new ClientMessage.Hello(ProtocolVersion.CURRENT, clientId, clientId, "#112233", 0), 100);
    return s;
  }

  private static ClientMessage.SubmitOp add(String opId) {
    return new ClientMessage.SubmitOp(
        opId,
        new Op.AddElement(
            Element.freehand(
                "el-" + opId, ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1)));
  }

  @Test
  void theRoomsClockStampsAcksBroadcastsDuplicatesCatchUpAndPages() {
    FakeSocket a = new FakeSocket();
    FakeSocket b = new FakeSocket();
    Session sa = join(a, "a", Role.EDITOR);
    join(b, "b", Role.VIEWER);
    sa.receive(add("o1"), 100);
    clock.addAndGet(5_000);
    sa.receive(add("o2"), 100);
    clock.addAndGet(5_000);
    sa.receive(add("o1"), 100); // a resend: the time of the first

    assertThat(a.asSent)
        .filteredOn(ServerMessage.Ack.class::isInstance)
        .extracting(m -> ((ServerMessage.Ack) m).t())
        .containsExactly(1_764_000_000_000L, 1_764_000_005_000L, 1_764_000_000_000L);
    assertThat(b.asSent)
        .filteredOn(ServerMessage.OpBroadcast.class::isInstance)
        .extracting(m -> ((ServerMessage.OpBroadcast) m).t())
        .containsExactly(1_764_000_000_000L, 1_764_000_005_000L);
    assertThat(log.readAfter("room", 0, 10))
        .extracting(op -> op.t())
        .containsExactly(1_764_000_000_000L, 1_764_000_005_000L);

    FakeSocket late = new FakeSocket();
    Session viewer = join(late, "c", Role.VIEWER);
    assertThat(late.asSent)
        .filteredOn(ServerMessage.OpBroadcast.class::isInstance)
        .extracting(m -> ((ServerMessage.OpBroadcast) m).t())
        .containsExactly(1_764_000_000_000L, 1_764_000_005_000L);

    viewer.receive(new ClientMessage.HistoryGet(1, 10), 50);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> snapshot(late).stream().anyMatch(ServerMessage.History.class::isInstance));
    ServerMessage.History page =
        (ServerMessage.History)
            snapshot(late).stream()
                .filter(ServerMessage.History.class::isInstance)
                .findFirst()
                .get();
    assertThat(page.ops())
        .extracting(HistoryOp::t)
        .containsExactly(1_764_000_000_000L, 1_764_000_005_000L);
    assertThat(page.next()).isNull();
    assertThat(page.headSeq()).isEqualTo(2);
  }

  private static java.util.List<ServerMessage> snapshot(FakeSocket s) {
    synchronized (s) {
      return java.util.List.copyOf(s.asSent);
    }
  }
}
