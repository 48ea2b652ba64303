package dev.drawbridge.relay.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OpLog} promises; one subclass per implementation. */
public abstract class OpLogContract {
  OpLog log;

  protected abstract OpLog create() throws Exception;

  @BeforeEach
  void open() throws Exception {
    log = create();
  }

  @AfterEach
  void close() {
    log.close();
  }

  protected static StoredOp op(long seq, String id) {
    return new StoredOp(
        seq,
        id,
        "client-1",
        new Op.AddElement(
            Element.freehand(
                "el-" + id, ElementKind.STROKE, seq, 2, Points.of(0, 0, 1, 1), Style.DEFAULT, 1)));
  }

  protected static void await(CompletableFuture<Void> f) throws Exception {
    f.get(20, TimeUnit.SECONDS);
  }

  protected static StoredOp timedOp(long seq, String id, long t) {
    StoredOp op = op(seq, id);
    return new StoredOp(op.seq(), op.id(), op.clientId(), op.op(), t);
  }

  /** R116: an op's time is stored with it; 0 stays "no time". */
  @Test
  void opTimesAreStoredAndReadBackOnEveryRead() throws Exception {
    await(log.append("t", timedOp(1, "a", 1_764_000_000_000L)));
    await(log.append("t", op(2, "b")));
    await(log.append("t", timedOp(3, "c", 1_764_000_000_500L)));
    assertThat(log.readAfter("t", 0, 10))
        .extracting(StoredOp::t)
        .containsExactly(1_764_000_000_000L, 0L, 1_764_000_000_500L);
    assertThat(log.readHistory("t", 1, 10))
        .containsExactly(
            EncodedOp.of(op(2, "b")), EncodedOp.of(timedOp(3, "c", 1_764_000_000_500L)));
  }

  /** R117: history reads are readAfter's, gap-free, empty above the head. */
  @Test
  void historyReadsArePagesOfTheLog() throws Exception {
    for (int seq = 1; seq <= 5; seq++) {
      await(log.append("h", timedOp(seq, "h" + seq, 1000L * seq)));
    }
    assertThat(log.readHistory("h", 1, 2)).extracting(EncodedOp::seq).containsExactly(2L, 3L);
    assertThat(log.readHistory("h", 5, 2)).isEmpty();
    assertThat(log.readHistory("h", Long.MAX_VALUE - 1, 2)).isEmpty();
    assertThat(log.historyBaseSeq("h")).isZero();
    assertThat(log.historyBase("h")).isEmpty();
  }

  /**
   * R118: a log that trims keeps the base and the ops from the floor (never the op at the base's
   * seq), and reads, heads and appends go on; the others keep everything.
   */
  @Test
  void trimmingKeepsTheBaseAndTheOpsFromTheFloor() throws Exception {
    for (int seq = 1; seq <= 10; seq++) {
      await(log.append("k", timedOp(seq, "k" + seq, 1000L * seq)));
    }
    BoardSnapshot base = new BoardSnapshot(8, List.of());
    await(log.trimHistory("k", base, 6));
    if (!log.trimsHistory()) {
      assertThat(log.readAfter("k", 0, 20)).hasSize(10);
      return;
    }
    assertThat(log.historyBaseSeq("k")).isEqualTo(8);
    assertThat(log.historyBase("k")).contains(base);
    assertThat(log.readAfter("k", 0, 20)).extracting(StoredOp::seq).startsWith(6L).hasSize(5);
    assertThat(log.readAfter("k", 2, 1)).extracting(StoredOp::seq).containsExactly(6L);
    assertThat(log.headSeq("k")).isEqualTo(10);
    assertThat(log.seqOf("k", "k1")).isEmpty();
    assertThat(log.seqOf("k", "k7")).hasValue(7);
    await(log.append("k", op(11, "k11")));
    assertThat(log.headSeq("k")).isEqualTo(11);

    // A floor above the base keeps the op at the base's seq; an older base does not replace it.
    await(log.trimHistory("k", new BoardSnapshot(9, List.of()), 11));
    assertThat(log.readAfter("k", 0, 20)).extracting(StoredOp::seq).containsExactly(9L, 10L, 11L);
    await(log.trimHistory("k", new BoardSnapshot(4, List.of()), 5));
    assertThat(log.historyBaseSeq("k")).isEqualTo(9);
    assertThat(log.readAfter("k", 0, 20)).hasSize(3);
    assertThat(log.headSeq("other")).isZero();
  }

  /** R80: what keeps a member's id its own must outlive the room in memory. */
  @Test
  void clientKeyClaimsAreKeptPerRoomAndTheFirstClaimStays() throws Exception {
    ClientKeyHash ana = ClientKeyHash.of("ana's key");
    ClientKeyHash mallory = ClientKeyHash.of("mallory's key");
    await(log.saveClientKeyHash("room", "client-ana", ana));
    await(log.saveClientKeyHash("room", "client-ana", mallory));
    await(log.saveClientKeyHash("other", "client-ben", mallory));

    assertThat(log.clientKeyHashes("room")).containsExactly(java.util.Map.entry("client-ana", ana));
    assertThat(log.clientKeyHashes("other")).containsOnlyKeys("client-ben");
    assertThat(log.clientKeyHashes("nobody")).isEmpty();
  }

  @Test
  void emptyRoomHasHeadZeroAndNothingStored() {
    assertThat(log.headSeq("nobody")).isZero();
    assertThat(log.readAfter("nobody", 0, 10)).isEmpty();
    assertThat(log.seqOf("nobody", "x")).isEmpty();
    assertThat(log.latestSnapshot("nobody")).isEmpty();
  }

  @Test
  void appendedOpsAreReadBackInOrderWithEverything() throws Exception {
    for (int i = 1; i <= 5; i++) {
      await(log.append("room", op(i, "id" + i)));
    }
    assertThat(log.headSeq("room")).isEqualTo(5);
    assertThat(log.readAfter("room", 0, 100))
        .containsExactly(op(1, "id1"), op(2, "id2"), op(3, "id3"), op(4, "id4"), op(5, "id5"));
    assertThat(log.readAfter("room", 3, 100)).extracting(StoredOp::seq).containsExactly(4L, 5L);
    assertThat(log.readAfter("room", 1, 2)).extracting(StoredOp::seq).containsExactly(2L, 3L);
    assertThat(log.readAfter("room", 5, 100)).isEmpty();
  }

  @Test
  void opIdsAreFoundPerRoom() throws Exception {
    await(log.append("a", op(1, "same")));
    await(log.append("b", op(1, "same")));
    await(log.append("b", op(2, "other")));
    assertThat(log.seqOf("a", "same")).hasValue(1);
    assertThat(log.seqOf("b", "other")).hasValue(2);
    assertThat(log.seqOf("a", "other")).isEmpty();
    assertThat(log.headSeq("a")).isEqualTo(1);
    assertThat(log.headSeq("b")).isEqualTo(2);
  }

  @Test
  void forEachOpIdListsEveryIdOfTheRoomOnly() throws Exception {
    int n = 2_345; // more than one batch of the default implementation
    for (int i = 1; i <= n; i++) {
      await(log.append("many", op(i, "m" + i)));
    }
    await(log.append("else", op(1, "x1")));
    List<String> ids = new ArrayList<>();
    log.forEachOpId("many", ids::add);
    assertThat(ids)
        .hasSize(n)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "m" + i).toList());
    List<String> none = new ArrayList<>();
    log.forEachOpId("nobody", none::add);
    assertThat(none).isEmpty();
  }

  @Test
  void manyConcurrentAppendsCompleteInOrder() throws Exception {
    int n = 500;
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(n);
    java.util.concurrent.atomic.AtomicInteger outOfOrder =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 1; i <= n; i++) {
      futures.add(log.append("busy", op(i, "b" + i)));
    }
    for (int i = 0; i < n; i++) {
      int index = i;
      // When an append's future completes, every earlier one has completed.
      futures
          .get(i)
          .thenRun(
              () -> {
                for (int j = 0; j < index; j++) {
                  if (!futures.get(j).isDone()) {
                    outOfOrder.incrementAndGet();
                  }
                }
                checked.countDown();
              });
    }
    assertThat(checked.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(outOfOrder.get()).isZero();
    assertThat(log.readAfter("busy", 0, 1000)).hasSize(n);
  }

  @Test
  void newestSnapshotWins() throws Exception {
    await(log.append("s", op(1, "i1")));
    await(log.saveSnapshot("s", new BoardSnapshot(1, List.of())));
    await(log.append("s", op(2, "i2")));
    BoardSnapshot second =
        new BoardSnapshot(
            2,
            List.of(
                Element.freehand(
                    "e", ElementKind.STROKE, 0, 0, Points.of(1, 2), Style.DEFAULT, 1)));
    await(log.saveSnapshot("s", second));
    assertThat(log.latestSnapshot("s")).contains(second);
    assertThat(log.latestSnapshot("other")).isEmpty();
  }

  /** R108: a blob is read back in any range, counted once, and kept per room. */
  @Test
  void blobsAreReadBackInRangesAndCountedOncePerRoom() throws Exception {
    byte[] bytes = new byte[3 * 48 * 1024 + 123]; // several stored pieces and a short last one
    new java.util.Random(7).nextBytes(bytes);
    String id = dev.drawbridge.protocol.blob.BlobIds.of(bytes);
    assertThat(log.blob("room", id)).isEmpty();
    await(log.putBlob("room", id, "image/png", bytes));
    await(log.putBlob("room", id, "image/png", bytes)); // a second upload stores nothing more

    assertThat(log.blob("room", id)).contains(new StoredBlob("image/png", bytes.length));
    assertThat(log.blobBytes("room")).isEqualTo(bytes.length);
    assertThat(log.readBlob("room", id, 0, 48 * 1024))
        .isEqualTo(java.util.Arrays.copyOfRange(bytes, 0, 48 * 1024));
    assertThat(log.readBlob("room", id, 40_000, 60_000)) // across a piece boundary
        .isEqualTo(java.util.Arrays.copyOfRange(bytes, 40_000, 100_000));
    assertThat(log.readBlob("room", id, bytes.length - 10, 48 * 1024)) // the end: fewer bytes
        .isEqualTo(java.util.Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
    assertThat(log.readBlob("room", id, bytes.length, 10)).isEmpty();

    assertThat(log.blob("other", id)).isEmpty();
    assertThat(log.blobBytes("other")).isZero();
    byte[] small = {1, 2, 3};
    await(log.putBlob("other", dev.drawbridge.protocol.blob.BlobIds.of(small), "image/gif", small));
    assertThat(log.blobBytes("other")).isEqualTo(3);
    assertThat(log.blobBytes("room")).isEqualTo(bytes.length);
  }

  @Test
  void closeIsIdempotent() {
    log.close();
    log.close();
  }
}
