package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R15 with the stored-id filter: old duplicates are still found, new ids skip the log lookup. */
class DuplicateLookupTest {

  private static Session join(RoomRegistry registry, FakeSocket socket) {
    Session s = registry.open("room", socket, new Grant(Role.EDITOR, null));
    s.receive(new ClientMessage.Hello(ProtocolVersion.CURRENT, "a", "a", "#112233", 0), 100);
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
  void r15_anOpIdFromBeforeARestartIsStillAckedAsDuplicateWithItsOriginalSeq(@TempDir Path dir) {
    int n = 1_500;
    RecordingOpLog first = new RecordingOpLog(new SqliteOpLog(dir));
    RoomRegistry registry =
        new RoomRegistry(first, RoomLimits.defaults(), new SimpleMeterRegistry());
    FakeSocket a = new FakeSocket();
    Session s = join(registry, a);
    for (int i = 1; i <= n; i++) {
      s.receive(add("op" + i), 100);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> first.headSeq("room") == n && a.sent.size() >= n + 2);
    // New ids never needed the log: the filter knew they were new.
    assertThat(first.lookups.get()).isLessThan(n / 20);
    s.closed();
    first.close();

    RecordingOpLog second = new RecordingOpLog(new SqliteOpLog(dir));
    try {
      registry = new RoomRegistry(second, RoomLimits.defaults(), new SimpleMeterRegistry());
      FakeSocket b = new FakeSocket();
      Session sb = join(registry, b);
      b.drain();
      sb.receive(add("op1"), 100);
      sb.receive(add("op777"), 100);
      sb.receive(add("fresh"), 100);
      await().atMost(Duration.ofSeconds(30)).until(() -> b.sent.size() >= 3);
      assertThat(b.drain())
          .filteredOn(m -> !(m instanceof ServerMessage.Durable))
          .containsExactly(
              new ServerMessage.Ack("op1", 1, true, (long) n),
              new ServerMessage.Ack("op777", 777, true, (long) n),
              new ServerMessage.Ack("fresh", n + 1, false, (long) n));
      // Acked when sequenced, stored after (R26): wait for the write, not the ack.
      await().atMost(Duration.ofSeconds(30)).until(() -> second.headSeq("room") == n + 1);
    } finally {
      second.close();
    }
  }

  @Test
  void r15_anOpIdOlderThanTheInMemoryWindowIsStillADuplicate() {
    InMemoryOpLog log = new InMemoryOpLog();
    RoomRegistry registry = new RoomRegistry(log, RoomLimits.defaults(), new SimpleMeterRegistry());
    FakeSocket a = new FakeSocket();
    Session s = join(registry, a);
    int n = 10_100; // the room keeps the last 10,000 ids in memory
    for (int i = 1; i <= n; i++) {
      s.receive(add("op" + i), 100);
    }
    a.drain();
    s.receive(add("op1"), 100);
    assertThat(a.drain()).containsExactly(new ServerMessage.Ack("op1", 1, true, (long) n));
    assertThat(log.headSeq("room")).isEqualTo(n);
  }
}
