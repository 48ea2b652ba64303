package dev.drawbridge.relay.oplog;

import dev.drawbridge.protocol.board.BoardSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A durable, per-room, gap-free sequence of ops plus each room's newest snapshot, its claimed
 * client ids and its blobs (the image files its ops name, R108).
 *
 * <p>Contract: per room, the caller appends seq head+1, head+2, … in order (the room is the single
 * ordering point, R13). An append's future completes once the op is durable, and futures of one log
 * complete in append order; after it completes, every read sees the op. Reads are safe from any
 * thread.
 */
public interface OpLog extends AutoCloseable {

  /** Stores {@code op}; the future completes when it is durable (exceptionally if it cannot be). */
  CompletableFuture<Void> append(String room, StoredOp op);

  /**
   * Stores {@code op} on top of the op with id {@code previousId} ({@code null}: the room's first
   * op). A log other relays write too ({@link #shared()}) refuses it, as it refuses every later
   * append of the same caller, when its newest op is another one: the seq alone does not tell a
   * relay that lost the room from the one serving it. Ordered ops of a relay that lost the room
   * would otherwise land above the serving relay's op at the same seq and make a chain nobody drew:
   * a member that saw one of them would pass the catch-up check (R12) and take every op up to it as
   * durable, the one the log lost included. A log only one relay writes needs no check: the room is
   * its only writer, so the default appends.
   */
  default CompletableFuture<Void> appendAfter(String room, String previousId, StoredOp op) {
    return append(room, op);
  }

  /** The highest durable seq of the room; 0 for a room with no ops. */
  long headSeq(String room);

  /** The seq an op id was stored at, if it was. */
  OptionalLong seqOf(String room, String opId);

  /**
   * Passes the id of every durable op of the room to {@code action}, in no particular order. A room
   * reads them once when it opens, to know which new ids cannot be duplicates without asking the
   * log (R15). The default reads whole ops; implementations override it with an id-only read.
   */
  default void forEachOpId(String room, Consumer<String> action) {
    long after = 0;
    for (List<StoredOp> batch = readAfter(room, after, ID_BATCH);
        !batch.isEmpty();
        batch = readAfter(room, after, ID_BATCH)) {
      for (StoredOp op : batch) {
        action.accept(op.id());
        after = op.seq();
      }
    }
  }

  /** Ops per read of the default {@link #forEachOpId}. */
  int ID_BATCH = 1_000;

  /** Up to {@code max} ops with seq > {@code afterSeq}, ascending. */
  List<StoredOp> readAfter(String room, long afterSeq, int max);

  /**
   * Like {@link #readAfter}, for history pages (R117), with each op as its JSON: a log that stores
   * JSON hands it on undecoded. SQLite also reads pages on a connection of their own, so a page
   * being read never holds up a room's duplicate lookup or a catch-up.
   */
  default List<EncodedOp> readHistory(String room, long afterSeq, int max) {
    return readAfter(room, afterSeq, max).stream().map(EncodedOp::of).toList();
  }

  /**
   * The snapshot the room's history starts from once retention deleted older ops (R118): every op
   * above its seq is still in the log. Empty while the log holds every op of the room.
   */
  default Optional<BoardSnapshot> historyBase(String room) {
    return Optional.empty();
  }

  /**
   * The seq of {@link #historyBase}, 0 for none: every op above it is in the log. Read for every
   * history page, so logs override it with a read of the seq alone.
   */
  default long historyBaseSeq(String room) {
    return historyBase(room).map(BoardSnapshot::seq).orElse(0L);
  }

  /** Whether {@link #trimHistory} deletes anything (retention, R118). */
  default boolean trimsHistory() {
    return false;
  }

  /**
   * Retention (R118): keeps {@code base}, a stored snapshot of the room, as its history base and
   * then deletes the room's ops below {@code floor} (never the op at the base's seq nor above it;
   * callers pass a floor of at most base.seq + 1). Both happen together or not at all, so the log
   * never lacks ops its base does not cover. A log may delete fewer at once (it bounds the work of
   * one call); later calls go on. The default deletes nothing.
   */
  default CompletableFuture<Void> trimHistory(String room, BoardSnapshot base, long floor) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Replaces the room's snapshot. Callers snapshot only durable seqs (every op it covers is already
   * stored) and save a room's snapshots one at a time, in seq order; the work may run on the
   * calling thread.
   */
  CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot);

  /** The room's newest snapshot, if any. */
  Optional<BoardSnapshot> latestSnapshot(String room);

  /**
   * The room's claimed client ids (R80): each id with the SHA-256 of the client key that claimed it
   * first. A room reads them when it opens, so the claims outlive the room in memory, a relay
   * restart, and a fail-over to a stand-in relay sharing the log. The default keeps none (test
   * doubles); every log the relay ships keeps them.
   */
  default Map<String, ClientKeyHash> clientKeyHashes(String room) {
    return Map.of();
  }

  /**
   * Records that the key with {@code hash} claimed {@code clientId} in the room; a claim already
   * recorded for the id stays (the first claim wins, as in the room). Done in the background: a
   * crash before it is written loses only the claim, which the owner's next hello makes again.
   */
  default CompletableFuture<Void> saveClientKeyHash(
      String room, String clientId, ClientKeyHash hash) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Stores a blob of the room (R108, R110): {@code blob} is the SHA-256 of {@code bytes}, which the
   * caller has checked. The future completes once it is durable like an op (R26); storing a blob
   * the room holds already changes nothing. A room keeps its blobs as long as its ops: nothing
   * deletes them. The default stores none (test doubles); every log the relay ships stores them.
   */
  default CompletableFuture<Void> putBlob(String room, String blob, String mime, byte[] bytes) {
    return CompletableFuture.failedFuture(new OpLogException("this op log stores no blobs", null));
  }

  /** The room's blob {@code blob}, if it holds it (stored durably, by this relay or another). */
  default Optional<StoredBlob> blob(String room, String blob) {
    return Optional.empty();
  }

  /**
   * Up to {@code length} bytes of a blob the room holds, from {@code offset} (fewer at its end).
   * Throws {@link OpLogException} when the room does not hold it.
   */
  default byte[] readBlob(String room, String blob, long offset, int length) {
    throw new OpLogException("no blob " + blob + " in " + room, null);
  }

  /** The bytes of all the room's blobs together, each counted once (R113 {@code room_full}). */
  default long blobBytes(String room) {
    return 0;
  }

  /**
   * Makes the caller the writer of a shared log's room ({@link #shared()}), before it reads the
   * room: from then on other relays' appends to the room are refused with {@link
   * RoomTakenException}, so what the caller reads next is the room's whole history until it hands
   * the room on. The last relay to open a room holds it: the balancer sends every new connection
   * for a room to one relay, so the relay that last got one is where the room's members are
   * heading, and the one that held the room before hands its members over ({@link #holds}). A log
   * only one relay writes has nothing to claim.
   */
  default void claim(String room) {}

  /** Whether the caller still holds the room it claimed (always, for a log only it writes). */
  default boolean holds(String room) {
    return true;
  }

  /**
   * Whether other relays may write the same rooms (shared storage): the relay then watches for
   * rooms another relay has taken over ({@code RoomRegistry.checkSharedLog}).
   */
  default boolean shared() {
    return false;
  }

  /** Waits for pending writes, then releases files. Idempotent. */
  @Override
  void close();
}
