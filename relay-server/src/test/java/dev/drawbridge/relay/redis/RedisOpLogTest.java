package dev.drawbridge.relay.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.EncodedOp;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogContract;
import dev.drawbridge.relay.oplog.RoomTakenException;
import dev.drawbridge.relay.oplog.StoredOp;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpLog contract against a real redis-server started for this class. */
class RedisOpLogTest extends OpLogContract {
  private static LocalRedis redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = LocalRedis.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected OpLog create() {
    // A fresh key prefix per test: the contract assumes an empty log.
    return new RedisOpLog(redis.uri(), "test-" + UUID.randomUUID() + ":");
  }

  /** Relays sharing Redis: one that has lost the room cannot put an older snapshot back. */
  @Test
  void anOlderSnapshotDoesNotReplaceANewerOne() throws Exception {
    try (OpLog log = create()) {
      for (int seq = 1; seq <= 3; seq++) {
        log.append("s", op(seq, "i" + seq)).join();
      }
      log.saveSnapshot("s", new BoardSnapshot(3, List.of())).join();
      log.saveSnapshot("s", new BoardSnapshot(2, List.of())).join();
      assertThat(log.latestSnapshot("s")).map(BoardSnapshot::seq).contains(3L);
    }
  }

  /**
   * Two relays on one Redis (OpLog.claim, appendAfter): the relay that claimed the room last holds
   * it, and every append of the other is refused, the ones it ordered before the claim included;
   * ops ordered from a stale head are refused by the seq, and ops after them by the chain, so a
   * relay's later ops cannot land on top of another relay's op and make a chain nobody drew.
   */
  @Test
  void onlyTheRelayThatClaimedTheRoomLastCanAppendToIt() throws Exception {
    String prefix = "test-" + UUID.randomUUID() + ":";
    try (OpLog first = new RedisOpLog(redis.uri(), prefix);
        OpLog second = new RedisOpLog(redis.uri(), prefix)) {
      first.claim("s");
      first.appendAfter("s", null, op(1, "a1")).join();
      first.appendAfter("s", "a1", op(2, "a2")).join();
      assertThat(first.holds("s")).isTrue();

      second.claim("s");
      assertThat(first.holds("s")).isFalse();
      assertThat(second.holds("s")).isTrue();
      assertThatThrownBy(() -> first.appendAfter("s", "a2", op(3, "a3")).join())
          .hasCauseInstanceOf(RoomTakenException.class);
      assertThatThrownBy(() -> second.appendAfter("s", "a1", op(2, "b2")).join())
          .hasMessageContaining("does not follow the head");
      assertThatThrownBy(() -> second.appendAfter("s", "b2", op(3, "b3")).join())
          .hasMessageContaining("another relay's op");

      second.appendAfter("s", "a2", op(3, "c3")).join();
      assertThat(first.readAfter("s", 0, 10))
          .extracting(StoredOp::id)
          .containsExactly("a1", "a2", "c3");
      assertThat(first.seqOf("s", "a3")).isEmpty();
      assertThat(first.seqOf("s", "b3")).isEmpty();
    }
  }

  private static String prefix() {
    return "test-" + UUID.randomUUID() + ":";
  }

  /** Runs {@code action} with a plain Redis connection, to look at or write the stored keys. */
  private static void raw(Consumer<RedisCommands<String, String>> action) {
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      action.accept(connection.sync());
    } finally {
      client.shutdown();
    }
  }

  private static List<Long> seqs(List<StoredOp> ops) {
    return ops.stream().map(StoredOp::seq).toList();
  }

  /**
   * R118: after a trim the head is the list's length plus the deleted ops, so appends go on at the
   * next seq, the seq check refuses a stale one, and the chain check still finds the newest op.
   */
  @Test
  void appendsGoOnWithTheRightSeqsAfterATrim() throws Exception {
    String prefix = prefix();
    try (RedisOpLog log = new RedisOpLog(redis.uri(), prefix)) {
      log.claim("r");
      String previous = null;
      for (int seq = 1; seq <= 20; seq++) {
        log.appendAfter("r", previous, op(seq, "r" + seq)).join();
        previous = "r" + seq;
      }
      log.trimHistory("r", new BoardSnapshot(15, List.of()), 12).join();
      assertThat(log.headSeq("r")).isEqualTo(20);
      assertThat(seqs(log.readAfter("r", 0, 100)).getFirst()).isEqualTo(12L);

      assertThatThrownBy(() -> log.appendAfter("r", "r20", op(20, "x20")).join())
          .hasMessageContaining("does not follow the head");
      assertThatThrownBy(() -> log.appendAfter("r", "r9", op(21, "x21")).join())
          .hasMessageContaining("another relay's op");
      assertThatThrownBy(() -> log.appendAfter("r", null, op(1, "x1")).join())
          .hasMessageContaining("does not follow the head");
      assertThatThrownBy(() -> log.appendAfter("r", "r20", op(21, "r15")).join())
          .hasMessageContaining("duplicate id");
      // An id retention deleted is new again (R118: the duplicate check covers kept ops).
      log.appendAfter("r", "r20", op(21, "r3")).join();
      log.append("r", op(22, "r22")).join();

      assertThat(log.headSeq("r")).isEqualTo(22);
      assertThat(log.seqOf("r", "r3")).hasValue(21);
      assertThat(seqs(log.readAfter("r", 19, 10))).containsExactly(20L, 21L, 22L);
      assertThat(log.readAfter("r", 20, 1)).extracting(StoredOp::id).containsExactly("r3");
      raw(
          redis -> {
            assertThat(redis.get(prefix + "{r}:trimmed")).isEqualTo("11");
            assertThat(redis.llen(prefix + "{r}:ops")).isEqualTo(11);
            assertThat(redis.hlen(prefix + "{r}:ids")).isEqualTo(11);
          });
    }
  }

  /** Two relays on one Redis see one history: the same head, base, pages and ids after a trim. */
  @Test
  void aSecondRelaySeesTheSameHeadBaseAndPages() throws Exception {
    String prefix = prefix();
    try (RedisOpLog first = new RedisOpLog(redis.uri(), prefix);
        RedisOpLog second = new RedisOpLog(redis.uri(), prefix)) {
      for (int seq = 1; seq <= 30; seq++) {
        first.append("p", timedOp(seq, "p" + seq, 1000L * seq)).join();
      }
      BoardSnapshot base = new BoardSnapshot(20, List.of());
      first.trimHistory("p", base, 18).join();

      for (RedisOpLog log : List.of(first, second)) {
        assertThat(log.trimsHistory()).isTrue();
        assertThat(log.headSeq("p")).isEqualTo(30);
        assertThat(log.historyBaseSeq("p")).isEqualTo(20);
        assertThat(log.historyBase("p")).contains(base);
        assertThat(log.readHistory("p", 0, 5)).extracting(EncodedOp::seq).startsWith(18L);
        assertThat(log.readHistory("p", 20, 3))
            .containsExactly(
                EncodedOp.of(timedOp(21, "p21", 21_000)),
                EncodedOp.of(timedOp(22, "p22", 22_000)),
                EncodedOp.of(timedOp(23, "p23", 23_000)));
        assertThat(log.seqOf("p", "p17")).isEmpty();
        assertThat(log.seqOf("p", "p18")).hasValue(18);
        List<String> ids = new ArrayList<>();
        log.forEachOpId("p", ids::add);
        assertThat(ids).hasSize(13).contains("p18", "p30").doesNotContain("p17");
      }

      // The second relay takes the room over and goes on where the first stopped, then trims too.
      second.claim("p");
      second.appendAfter("p", "p30", op(31, "p31")).join();
      second.trimHistory("p", new BoardSnapshot(25, List.of()), 24).join();
      assertThat(first.headSeq("p")).isEqualTo(31);
      assertThat(seqs(first.readAfter("p", 0, 100))).startsWith(24L).hasSize(8);
      assertThat(first.historyBaseSeq("p")).isEqualTo(25);
    }
  }

  /**
   * Data stored before retention has no trimmed count nor base: it reads as before, with lines from
   * before op times too, appends go on at its head, and it can be trimmed.
   */
  @Test
  void dataFromBeforeRetentionReadsAsBefore() throws Exception {
    String prefix = prefix();
    ProtocolCodec codec = new ProtocolCodec();
    raw(
        redis -> {
          for (int seq = 1; seq <= 5; seq++) {
            StoredOp op = op(seq, "o" + seq);
            String json = codec.encodeOp(op.op());
            // Seqs 1 and 2 as lines from before op times (no time field).
            String line =
                seq <= 2
                    ? seq + "\t" + op.id() + "\t" + op.clientId() + "\t" + json
                    : seq
                        + "\t"
                        + op.id()
                        + "\t"
                        + op.clientId()
                        + "\t"
                        + 1000L * seq
                        + "\t"
                        + json;
            redis.rpush(prefix + "{o}:ops", line);
            redis.hset(prefix + "{o}:ids", op.id(), Long.toString(seq));
          }
        });
    try (RedisOpLog log = new RedisOpLog(redis.uri(), prefix)) {
      assertThat(log.headSeq("o")).isEqualTo(5);
      assertThat(log.historyBaseSeq("o")).isZero();
      assertThat(log.historyBase("o")).isEmpty();
      assertThat(log.readAfter("o", 0, 10))
          .extracting(StoredOp::seq, StoredOp::t)
          .containsExactly(
              tuple(1L, 0L), tuple(2L, 0L), tuple(3L, 3000L), tuple(4L, 4000L), tuple(5L, 5000L));
      assertThat(log.readAfter("o", 1, 1)).containsExactly(op(2, "o2"));
      assertThat(log.seqOf("o", "o4")).hasValue(4);

      log.claim("o");
      log.appendAfter("o", "o5", op(6, "o6")).join();
      assertThat(log.headSeq("o")).isEqualTo(6);
      log.trimHistory("o", new BoardSnapshot(4, List.of()), 4).join();
      assertThat(seqs(log.readAfter("o", 0, 10))).containsExactly(4L, 5L, 6L);
      assertThat(log.seqOf("o", "o2")).isEmpty();
    }
  }

  /**
   * A trim deletes at most its bound of ops (the newest never); the next call goes on from there,
   * and a trim over 1,000 ops deletes every id it reads in steps.
   */
  @Test
  void aBoundedTrimGoesOnAtTheNextCall() throws Exception {
    String prefix = prefix();
    try (RedisOpLog log = new RedisOpLog(redis.uri(), prefix)) {
      List<CompletableFuture<Void>> appends = new ArrayList<>();
      for (int seq = 1; seq <= 3_000; seq++) {
        appends.add(log.append("b", op(seq, "b" + seq)));
      }
      CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
      BoardSnapshot base = new BoardSnapshot(2_900, List.of());

      log.trimHistory("b", base, 2_801, 2_500).join();
      assertThat(seqs(log.readAfter("b", 0, 1))).containsExactly(2_501L);
      assertThat(log.seqOf("b", "b2500")).isEmpty();
      assertThat(log.seqOf("b", "b2501")).hasValue(2_501);
      assertThat(log.historyBaseSeq("b")).isEqualTo(2_900);

      log.trimHistory("b", base, 2_801, 2_500).join();
      assertThat(seqs(log.readAfter("b", 0, 1))).containsExactly(2_801L);
      assertThat(log.headSeq("b")).isEqualTo(3_000);
      raw(redis -> assertThat(redis.hlen(prefix + "{b}:ids")).isEqualTo(200));

      // A base at the head and a floor above it: the newest op stays, so appends can chain on it.
      log.trimHistory("b", new BoardSnapshot(3_000, List.of()), 5_000).join();
      assertThat(seqs(log.readAfter("b", 0, 10))).containsExactly(3_000L);
      log.claim("b");
      log.appendAfter("b", "b3000", op(3_001, "b3001")).join();
      assertThat(log.headSeq("b")).isEqualTo(3_001);
    }
  }

  /**
   * Relays share Redis: trims by one log while another appends (pipelined, as a room does) leave a
   * gap-free log whose head counts every op.
   */
  @Test
  void trimsWhileAnotherRelayAppendsLoseNoOp() throws Exception {
    String prefix = prefix();
    try (RedisOpLog writer = new RedisOpLog(redis.uri(), prefix);
        RedisOpLog trimmer = new RedisOpLog(redis.uri(), prefix)) {
      writer.claim("c");
      List<CompletableFuture<Void>> appends = new ArrayList<>();
      String previous = null;
      for (int seq = 1; seq <= 5_000; seq++) {
        appends.add(writer.appendAfter("c", previous, op(seq, "c" + seq)));
        previous = "c" + seq;
        if (seq % 500 == 0) {
          long head = trimmer.headSeq("c");
          if (head > 10) {
            trimmer.trimHistory("c", new BoardSnapshot(head, List.of()), head - 5, 300).join();
          }
        }
      }
      CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
      trimmer.trimHistory("c", new BoardSnapshot(5_000, List.of()), 4_990, 300).join();
      assertThat(writer.headSeq("c")).isEqualTo(5_000);
      List<StoredOp> kept = trimmer.readAfter("c", 0, 10_000);
      assertThat(kept.getLast().seq()).isEqualTo(5_000);
      for (int i = 0; i < kept.size(); i++) {
        assertThat(kept.get(i).seq()).isEqualTo(kept.getFirst().seq() + i);
      }
      assertThat(kept.getFirst().seq()).isGreaterThan(1);
      assertThat(trimmer.seqOf("c", "c1")).isEmpty();
    }
  }
}
