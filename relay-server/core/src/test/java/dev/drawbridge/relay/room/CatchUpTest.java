package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Where a joiner's catch-up starts (R11, R12) and what it is sent, without a room. */
class CatchUpTest {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final BoardSnapshot SNAPSHOT_AT_4 = new BoardSnapshot(4, List.of());
  private static final BoardSnapshot BOARD_AT_HEAD = new BoardSnapshot(6, List.of());
  private static final Supplier<BoardSnapshot> BOARD = () -> BOARD_AT_HEAD;
  private static final LongFunction<String> ROOM_OPS = seq -> Map.of(2L, "o2", 6L, "o6").get(seq);

  private static LongFunction<String> unasked() {
    return seq -> {
      throw new AssertionError("the room's history was looked up at " + seq);
    };
  }

  private static Supplier<BoardSnapshot> unbuilt() {
    return () -> {
      throw new AssertionError("the whole board was copied without a reset");
    };
  }

  @Test
  void r11_aClientBehindNoSnapshotStartsFromItsLastSeq() {
    assertThat(CatchUp.start(2, "o2", 6, ROOM_OPS, seq -> false, null, unbuilt()))
        .isEqualTo(new CatchUp.Start(null, false, 2));
    assertThat(CatchUp.start(0, null, 6, unasked(), seq -> false, null, unbuilt()))
        .isEqualTo(new CatchUp.Start(null, false, 0));
  }

  @Test
  void r11_aClientOlderThanTheNewestSnapshotStartsFromIt() {
    assertThat(CatchUp.start(2, "o2", 6, ROOM_OPS, seq -> false, SNAPSHOT_AT_4, unbuilt()))
        .isEqualTo(new CatchUp.Start(SNAPSHOT_AT_4, false, 4));
    assertThat(CatchUp.start(0, null, 6, unasked(), seq -> false, SNAPSHOT_AT_4, unbuilt()))
        .isEqualTo(new CatchUp.Start(SNAPSHOT_AT_4, false, 4));
    assertThat(CatchUp.start(4, null, 6, unasked(), seq -> false, SNAPSHOT_AT_4, unbuilt()))
        .as("at the snapshot: ops only")
        .isEqualTo(new CatchUp.Start(null, false, 4));
  }

  @Test
  void r12_aClientAheadOfTheHeadIsResetToTheWholeBoardWithoutAHistoryLookup() {
    assertThat(CatchUp.start(7, "o7", 6, unasked(), seq -> false, SNAPSHOT_AT_4, BOARD))
        .isEqualTo(new CatchUp.Start(BOARD_AT_HEAD, true, 6));
  }

  @Test
  void r12_aClientWithAnotherOpAtItsLastSeqIsReset() {
    assertThat(CatchUp.start(2, "lost", 6, ROOM_OPS, seq -> false, SNAPSHOT_AT_4, BOARD))
        .isEqualTo(new CatchUp.Start(BOARD_AT_HEAD, true, 6));
    assertThat(CatchUp.start(3, "o3", 6, ROOM_OPS, seq -> false, null, BOARD))
        .as("the room holds no op there")
        .isEqualTo(new CatchUp.Start(BOARD_AT_HEAD, true, 6));
    assertThat(CatchUp.start(6, "o6", 6, ROOM_OPS, seq -> false, null, unbuilt()))
        .isEqualTo(new CatchUp.Start(null, false, 6));
  }

  @Test
  void r11_r26_storedOpsComeFromTheLogUpToTheDurableSeqThenTheRestFromMemoryOnce() {
    InMemoryOpLog log = new InMemoryOpLog();
    for (long seq = 1; seq <= 5; seq++) {
      log.append("room", op(seq)).join();
    }
    // Planned at durable 4; the log has stored 5 since, which the plan holds in memory.
    CatchUp plan = plan(2, 4, 5, 6);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    List<ServerMessage> sent = send(plan, log, meters);
    assertThat(sent.getFirst()).isInstanceOf(ServerMessage.Welcome.class);
    assertThat(seqs(sent)).containsExactly(3L, 4L, 5L, 6L);
    assertThat(sent)
        .endsWith(new ServerMessage.Synced(6, "o6"), new ServerMessage.Durable(4))
        .hasSize(7);
    assertThat(meters.counter("drawbridge.ops.out").count()).as("from the log").isEqualTo(2);
  }

  @Test
  void r12_aResetClientGetsNoOpsAndNobodyHearsOfDurableBeforeAnythingIs() {
    CatchUp reset = plan(6, 0, 1, 2, 3, 4, 5, 6);
    List<ServerMessage> sent = send(reset, new InMemoryOpLog(), new SimpleMeterRegistry());
    assertThat(seqs(sent)).isEmpty();
    assertThat(sent.getLast()).isEqualTo(new ServerMessage.Synced(6, "o6"));
  }

  private static CatchUp plan(long from, long durable, long... unstored) {
    List<UnstoredOps.Unstored> memory = new ArrayList<>();
    for (long seq : unstored) {
      StoredOp op = op(seq);
      memory.add(new UnstoredOps.Unstored(op, encode(broadcast(op)), 0));
    }
    return new CatchUp(
        new ServerMessage.Welcome("s1", 6, "editor", List.of(), null, false),
        from,
        durable,
        memory,
        new ServerMessage.Synced(6, "o6"),
        null);
  }

  private static List<ServerMessage> send(CatchUp plan, InMemoryOpLog log, SimpleMeterRegistry m) {
    List<Outbound> out = new ArrayList<>();
    plan.send(out::add, log, "room", CatchUpTest::encode, new RoomMetrics(m));
    return out.stream().map(CatchUpTest::decode).toList();
  }

  private static StoredOp op(long seq) {
    return new StoredOp(seq, "o" + seq, "a", new Op.DeleteElement("e" + seq));
  }

  private static ServerMessage broadcast(StoredOp op) {
    return new ServerMessage.OpBroadcast(op.seq(), op.id(), op.clientId(), op.op());
  }

  private static List<Long> seqs(List<ServerMessage> sent) {
    return sent.stream()
        .filter(ServerMessage.OpBroadcast.class::isInstance)
        .map(m -> ((ServerMessage.OpBroadcast) m).seq())
        .toList();
  }

  private static Outbound encode(ServerMessage message) {
    return new Outbound(CODEC.encodeToBytes(message));
  }

  private static ServerMessage decode(Outbound message) {
    try {
      return CODEC.decodeServer(new String(message.json(), StandardCharsets.UTF_8));
    } catch (ProtocolException e) {
      throw new AssertionError(e);
    }
  }
}
