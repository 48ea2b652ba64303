package dev.drawbridge.relay.it;

import static dev.drawbridge.relay.it.HistoryPaging.all;
import static dev.drawbridge.relay.it.HistoryPaging.fill;
import static dev.drawbridge.relay.it.HistoryPaging.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.history.HistoryKeep;
import dev.drawbridge.relay.history.HistoryLimits;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Retention (R118) through a real relay keeping the newest 1,000 ops, snapshots every 1,000: after
 * 3,500 ops the snapshot at 3,000 is the history base, ops up to 2,000 are gone, a history from
 * below the base starts at it, and joining (from nothing, from a deleted op, after a restart, with
 * the snapshot file lost) works as before retention.
 */
class HistoryRetentionTest {
  static final String ROOM = "kept";
  static final HistoryLimits KEEP_1000 =
      HistoryLimits.defaults().withKeep(HistoryKeep.parse("1000")).withRate(1e6, 1e6);

  @TempDir Path dir;

  static UnaryOperator<RelayConfig> config(boolean inMemory) {
    return c -> c.withInMemory(inMemory).withHistoryLimits(KEEP_1000);
  }

  @ParameterizedTest(name = "in memory: {0}")
  @ValueSource(booleans = {true, false})
  void r118_theHistoryStartsAtTheBaseAndCatchUpIsUnchanged(boolean inMemory) throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, config(inMemory))) {
      TestPeer a = fx.peer(ROOM);
      a.joinAndSync(0);
      fill(a, "r", 3500);
      a.awaitDurable(3500);
      Awaitility.await().atMost(TestPeer.WAIT).until(() -> baseSeq(page(a, 1, 10)) == 3000);
      assertHistoryFromTheBase(a);

      TestPeer fresh = fx.peer(ROOM);
      ServerMessage.Welcome welcome = fresh.join(0);
      assertThat(welcome.reset()).isFalse();
      assertThat(welcome.snapshot().seq()).isEqualTo(3000);
      TestPeer behind = fx.peer(ROOM); // holds op 500, deleted since: not reset (R12, R118)
      ServerMessage.Welcome back = behind.join(500, "r500");
      assertThat(back.reset()).isFalse();
      assertThat(back.snapshot().seq()).isEqualTo(3000);
    }
  }

  @Test
  void r118_theBaseOutlivesARestartAndStandsInForALostSnapshotFile() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, config(false))) {
      TestPeer a = fx.peer(ROOM);
      a.joinAndSync(0);
      fill(a, "r", 3500);
      a.awaitDurable(3500);
      Awaitility.await().atMost(TestPeer.WAIT).until(() -> baseSeq(page(a, 1, 10)) == 3000);
    }
    try (var files = Files.list(dir.resolve("snapshots"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    try (RelayFixture fx = new RelayFixture(dir, config(false))) {
      TestPeer a = fx.peer(ROOM);
      List<ServerMessage.OpBroadcast> caughtUp = a.joinAndSync(3000);
      assertThat(caughtUp).hasSize(500);
      assertHistoryFromTheBase(a);
      TestPeer fresh = fx.peer(ROOM);
      ServerMessage.Welcome welcome = fresh.join(0);
      assertThat(welcome.snapshot().seq()).isEqualTo(3000);
      assertThat(welcome.snapshot().elements()).hasSize(3000);
    }
  }

  private static void assertHistoryFromTheBase(TestPeer a) throws InterruptedException {
    ServerMessage.History fromStart = (ServerMessage.History) page(a, 1, 2000);
    assertThat(fromStart.from()).isEqualTo(1);
    assertThat(fromStart.base().seq()).isEqualTo(3000);
    assertThat(fromStart.base().elements()).hasSize(3000);
    assertThat(fromStart.ops().getFirst().seq()).isEqualTo(3001);
    ServerMessage.History inKept = (ServerMessage.History) page(a, 2500, 2000);
    assertThat(inKept.base().seq()).isEqualTo(3000);
    ServerMessage.History aboveBase = (ServerMessage.History) page(a, 3200, 2000);
    assertThat(aboveBase.base()).isNull();
    assertThat(aboveBase.ops().getFirst().seq()).isEqualTo(3200);
    List<HistoryOp> all = all(a, 1);
    assertThat(all).hasSize(500);
    assertThat(all.getLast().id()).isEqualTo("r3500");
  }

  private static long baseSeq(ServerMessage m) {
    return m instanceof ServerMessage.History h && h.base() != null ? h.base().seq() : 0;
  }
}
