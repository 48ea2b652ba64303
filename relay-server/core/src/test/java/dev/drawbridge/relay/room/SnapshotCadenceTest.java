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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Snapshots every snapshotEvery ops, spaced out on big boards so their cost per op is bounded. */
class SnapshotCadenceTest {

  @Test
  void r11_snapshotsComeEverySnapshotEveryOpsOrAQuarterOfTheBoardWhicheverIsMore() {
    RecordingOpLog log = new RecordingOpLog(new InMemoryOpLog());
    List<Long> snapshotSeqs = log.snapshotSeqs;
    int every = 10;
    RoomRegistry registry =
        new RoomRegistry(
            log, RoomLimits.defaults().withSnapshotEvery(every), new SimpleMeterRegistry());
    Session s = registry.open("room", new FakeSocket(), new Grant(Role.EDITOR, null));
    s.receive(new ClientMessage.Hello(ProtocolVersion.CURRENT, "a", "a", "#112233", 0), 100);
    int n = 400; // every op adds an element: the board holds seq elements at seq
    submit(s, 1, n);
    assertThat(snapshotSeqs).startsWith(10L, 20L, 30L, 40L);
    long last = 0;
    for (long seq : snapshotSeqs) {
      assertThat(seq - last).isEqualTo(Math.max(every, seq / 4));
      last = seq;
    }
    assertThat(snapshotSeqs.size()).isLessThan(n / every / 2);
    // A late joiner replays at most about a quarter of the board after the newest snapshot.
    assertThat(n - last).isLessThanOrEqualTo(n / 4);
  }

  @Test
  void r13_opsAreAckedAndBroadcastWhileASnapshotIsStillBeingSaved() throws Exception {
    RecordingOpLog log = new RecordingOpLog(new InMemoryOpLog());
    log.snapshotGate = new CountDownLatch(1);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      RoomRegistry registry =
          new RoomRegistry(
              log, RoomLimits.defaults().withSnapshotEvery(10), new SimpleMeterRegistry(), worker);
      FakeSocket drawer = new FakeSocket();
      FakeSocket watcher = new FakeSocket();
      Session a = registry.open("room", drawer, new Grant(Role.EDITOR, null));
      Session b = registry.open("room", watcher, new Grant(Role.EDITOR, null));
      a.receive(new ClientMessage.Hello(ProtocolVersion.CURRENT, "a", "a", "#112233", 0), 100);
      b.receive(new ClientMessage.Hello(ProtocolVersion.CURRENT, "b", "b", "#112233", 0), 100);
      submit(a, 1, 25);
      // The snapshot at seq 10 is stuck on the disk, yet every op was acked and relayed.
      assertThat(drawer.drain()).filteredOn(ServerMessage.Ack.class::isInstance).hasSize(25);
      assertThat(watcher.drain())
          .filteredOn(ServerMessage.OpBroadcast.class::isInstance)
          .hasSize(25);
      await().until(() -> log.snapshotSeqs.equals(List.of(10L)));
      assertThat(registry.snapshotSeq("room")).isZero(); // not saved: joiners get none yet
      log.snapshotGate.countDown();
      await().until(() -> registry.snapshotSeq("room") == 10);
      submit(a, 26, 40);
      // None was taken while the first was being saved; the next comes with the first op after.
      await()
          .until(
              () ->
                  log.snapshotSeqs.size() >= 2
                      && registry.snapshotSeq("room") == log.snapshotSeqs.getLast());
      assertThat(log.snapshotSeqs.get(1)).isEqualTo(26);
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void aSnapshotThatFailsToSaveDoesNotStopLaterOnes() {
    RecordingOpLog log = new RecordingOpLog(new InMemoryOpLog());
    log.failSnapshots = 1;
    RoomRegistry registry =
        new RoomRegistry(
            log, RoomLimits.defaults().withSnapshotEvery(10), new SimpleMeterRegistry());
    Session s = registry.open("room", new FakeSocket(), new Grant(Role.EDITOR, null));
    s.receive(new ClientMessage.Hello(ProtocolVersion.CURRENT, "a", "a", "#112233", 0), 100);
    submit(s, 1, 25);
    // The one at 10 threw; the next is taken 10 ops later and saved.
    assertThat(log.snapshotSeqs).containsExactly(10L, 20L);
    assertThat(registry.snapshotSeq("room")).isEqualTo(20);
  }

  private static void submit(Session s, int from, int to) {
    for (int i = from; i <= to; i++) {
      s.receive(
          new ClientMessage.SubmitOp(
              "op" + i,
              new Op.AddElement(
                  Element.freehand(
                      "e" + i, ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1))),
          100);
    }
  }
}
