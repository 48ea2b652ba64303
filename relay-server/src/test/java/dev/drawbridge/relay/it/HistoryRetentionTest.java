package dev.drawbridge.relay.it;

import static dev.drawbridge.relay.it.HistoryPaging.all;
import static dev.drawbridge.relay.it.HistoryPaging.fill;
import static dev.drawbridge.relay.it.HistoryPaging.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.history.HistoryKeep;
import dev.drawbridge.relay.history.HistoryLimits;
import dev.drawbridge.relay.oplog.StoredOp;
import dev.drawbridge.relay.redis.LocalRedis;
import dev.drawbridge.relay.redis.RedisOpLog;
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
 * Retention (R118) through a real relay keeping the newest 1,000 ops, snapshots every 1,000 or more
 * (one is taken only when the one before is saved, so with SQLite their seqs vary a little): after
 * 3,500 ops the newest snapshot, at 3,000 or a little above, is the history base, the ops below the
 * one before it are gone, a history from below the base starts at it, and joining (from nothing,
 * from a deleted op, after a restart, with the snapshot file lost) works as before.
 */
class HistoryRetentionTest {
  static final String ROOM = "kept";
  static final HistoryLimits KEEP_1000 =
      HistoryLimits.defaults().withKeep(HistoryKeep.parse("1000")).withRate(1e6, 1e6);

  @TempDir Path dir;

  static final long BASE = 3000;

  /** Ops r1…r3500, snapshots at 1,000, 2,000 and 3,000, the last one the base. */
  static void fillInSteps(RelayFixture fx, TestPeer a) throws InterruptedException {
    for (int step = 1; step <= 3; step++) {
      fill(a, "r", step * 1000 - 999, step * 1000);
      long seq = step * 1000L;
      Awaitility.await()
          .atMost(TestPeer.WAIT)
          .until(() -> fx.relay.rooms().snapshotSeq(ROOM) == seq);
    }
    Awaitility.await().atMost(TestPeer.WAIT).until(() -> baseSeq(page(a, 1, 10)) == BASE);
    fill(a, "r", 3001, 3500);
    a.awaitDurable(3500);
  }

  static UnaryOperator<RelayConfig> config(boolean inMemory) {
    return c -> c.withInMemory(inMemory).withHistoryLimits(KEEP_1000);
  }

  @ParameterizedTest(name = "in memory: {0}")
  @ValueSource(booleans = {true, false})
  void r118_theHistoryStartsAtTheBaseAndCatchUpIsUnchanged(boolean inMemory) throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, config(inMemory))) {
      TestPeer a = fx.peer(ROOM);
      a.joinAndSync(0);
      fillInSteps(fx, a);
      long base = BASE;
      assertHistoryFromTheBase(a, base);

      TestPeer fresh = fx.peer(ROOM);
      ServerMessage.Welcome welcome = fresh.join(0);
      assertThat(welcome.reset()).isFalse();
      assertThat(welcome.snapshot().seq()).isEqualTo(base);
      TestPeer behind = fx.peer(ROOM); // holds op 500, deleted since: not reset (R12, R118)
      ServerMessage.Welcome back = behind.join(500, "r500");
      assertThat(back.reset()).isFalse();
      assertThat(back.snapshot().seq()).isEqualTo(base);
    }
  }

  @Test
  void r118_theBaseOutlivesARestartAndStandsInForALostSnapshotFile() throws Exception {
    long base;
    try (RelayFixture fx = new RelayFixture(dir, config(false))) {
      TestPeer a = fx.peer(ROOM);
      a.joinAndSync(0);
      fillInSteps(fx, a);
      base = BASE;
    }
    try (var files = Files.list(dir.resolve("snapshots"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    try (RelayFixture fx = new RelayFixture(dir, config(false))) {
      TestPeer a = fx.peer(ROOM);
      List<ServerMessage.OpBroadcast> caughtUp = a.joinAndSync(base);
      assertThat(caughtUp).hasSize((int) (3500 - base));
      assertHistoryFromTheBase(a, base);
      TestPeer fresh = fx.peer(ROOM);
      ServerMessage.Welcome welcome = fresh.join(0);
      assertThat(welcome.snapshot().seq()).isEqualTo(base);
      assertThat(welcome.snapshot().elements()).hasSize((int) base);
    }
  }

  /**
   * The same on Redis, where relays share the log: the relay trims it, and after a restart (or on a
   * stand-in relay) the history still starts at the base and joiners catch up from it.
   */
  @Test
  void r118_onRedisTheHistoryStartsAtTheBaseOnEveryRelay(@TempDir Path other) throws Exception {
    UnaryOperator<RelayConfig> keep = c -> c.withHistoryLimits(KEEP_1000);
    try (LocalRedis redis = LocalRedis.start()) {
      try (RelayFixture fx = RelayFixture.onRedis(dir, redis.uri(), keep)) {
        TestPeer a = fx.peer(ROOM);
        a.joinAndSync(0);
        fillInSteps(fx, a);
        assertHistoryFromTheBase(a, BASE);
        TestPeer behind = fx.peer(ROOM);
        ServerMessage.Welcome back = behind.join(500, "r500");
        assertThat(back.reset()).isFalse();
        assertThat(back.snapshot().seq()).isEqualTo(BASE);
      }
      try (RedisOpLog log = new RedisOpLog(redis.uri(), "drawbridge:")) {
        assertThat(log.headSeq(ROOM)).isEqualTo(3500);
        assertThat(log.historyBaseSeq(ROOM)).isEqualTo(BASE);
        assertThat(log.readAfter(ROOM, 0, 1).getFirst().seq()).isEqualTo(2001);
        assertThat(log.seqOf(ROOM, "r2000")).isEmpty();
        assertThat(log.seqOf(ROOM, "r2001")).hasValue(2001);
        assertThat(log.readAfter(ROOM, 0, 5000)).extracting(StoredOp::id).endsWith("r3500");
      }
      try (RelayFixture standIn = RelayFixture.onRedis(other, redis.uri(), keep)) {
        TestPeer a = standIn.peer(ROOM);
        List<ServerMessage.OpBroadcast> caughtUp = a.joinAndSync(BASE);
        assertThat(caughtUp).hasSize((int) (3500 - BASE));
        assertHistoryFromTheBase(a, BASE);
      }
    }
  }

  private static void assertHistoryFromTheBase(TestPeer a, long base) throws InterruptedException {
    ServerMessage.History fromStart = (ServerMessage.History) page(a, 1, 2000);
    assertThat(fromStart.from()).isEqualTo(1);
    assertThat(fromStart.base().seq()).isEqualTo(base);
    assertThat(fromStart.base().elements()).hasSize((int) base);
    assertThat(fromStart.ops().getFirst().seq()).isEqualTo(base + 1);
    ServerMessage.History inKept = (ServerMessage.History) page(a, base - 500, 2000);
    assertThat(inKept.base().seq()).isEqualTo(base);
    ServerMessage.History aboveBase = (ServerMessage.History) page(a, base + 100, 2000);
    assertThat(aboveBase.base()).isNull();
    assertThat(aboveBase.ops().getFirst().seq()).isEqualTo(base + 100);
    List<HistoryOp> all = all(a, 1);
    assertThat(all).hasSize((int) (3500 - base));
    assertThat(all.getLast().id()).isEqualTo("r3500");
  }

  private static long baseSeq(ServerMessage m) {
    return m instanceof ServerMessage.History h && h.base() != null ? h.base().seq() : 0;
  }
}
