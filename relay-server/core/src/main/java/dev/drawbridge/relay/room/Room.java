package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.blob.BlobFetches;
import dev.drawbridge.relay.blob.BlobSender;
import dev.drawbridge.relay.blob.FetchSink;
import dev.drawbridge.relay.blob.UploadBudget;
import dev.drawbridge.relay.history.HistoryFetches;
import dev.drawbridge.relay.history.HistoryPages;
import dev.drawbridge.relay.history.HistoryRetention;
import dev.drawbridge.relay.oplog.ClientKeyHash;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.RoomTakenException;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One board's ordering point (R13–R19, R25). State changes run under the room's monitor, so several
 * transport threads, the room-timers thread, the op log's writer thread and the snapshot worker see
 * one sequence of events. The state of its parts ({@link Members} and each {@link Member}, {@link
 * UnstoredOps}, {@link SequencedIds}, {@link DurableNotices}, {@link RoomSnapshots}) is guarded by
 * this same monitor; {@link CatchUp} plans are immutable and {@link Refusals} is stateless.
 *
 * <p>An op gets seq head+1, is applied, acked and broadcast at once (R13, R14), and handed to the
 * op log, which stores ops in order in the background; when the log says an op is durable, members
 * waiting for it get {@code durable} (R26). Waiting for the disk before broadcasting cost one
 * commit (and fsync) per op or two at the benchmark's load: batching commits over a few
 * milliseconds makes persistence cheap without adding that wait to what users see. A joining member
 * is registered at the head under the monitor; its {@link CatchUp} is sent outside it while later
 * broadcasts wait in the member's backlog: no gap, no repeat. A hello may use its client id only as
 * {@link ClientKeys} allow; one with the id's key replaces the id's connection in place.
 */
public final class Room {
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final String name;
  private final OpLog opLog;
  private final ProtocolCodec codec;
  private final RoomLimits limits;
  private final RoomMetrics metrics;

  private final BoardState board;
  private final RoomSnapshots snapshots;

  /** The newest seq given out: everything up to it is applied to the board and broadcast. */
  private long head;

  /** The id of the op at {@code head} (null for an empty room): synced{seq, opId} (R11, R12). */
  private String headOpId;

  private final UnstoredOps unstored;
  private final SequencedIds ids;
  private final DurableNotices durableNotices = new DurableNotices();
  private final Members members = new Members();
  private final ClientKeys keys;
  private final Refusals refusals;
  private final RoomBlobs blobs;
  private final UploadBudget uploadBudget;
  private final BlobSender blobSender;
  private final BlobSender historySender;
  private final HistoryPages historyPages;

  /** The clock ops are stamped with (R116): epoch milliseconds, injectable for tests. */
  private final LongSupplier clock;

  private int sessions;
  private boolean failed;

  Room(
      String name,
      OpLog opLog,
      ProtocolCodec codec,
      RoomLimits limits,
      RoomMetrics metrics,
      Executor snapshotWorker,
      ClientKeys keys,
      UploadBudget uploadBudget,
      BlobSender blobSender,
      BlobSender historySender,
      LongSupplier clock) {
    this.name = name;
    this.historySender = historySender;
    this.clock = clock;
    this.historyPages = new HistoryPages(opLog, limits.history().maxPage());
    this.uploadBudget = uploadBudget;
    this.blobSender = blobSender;
    this.blobs = new RoomBlobs(name, opLog, limits.blobs().maxRoomBlobBytes());
    this.keys = keys;
    this.opLog = opLog;
    this.codec = codec;
    this.limits = limits;
    this.metrics = metrics;
    this.refusals = new Refusals(name, metrics, this::encode);
    opLog.claim(name); // before the read: nothing another relay writes can slip in after it
    StoredBoard stored = StoredBoard.read(name, opLog);
    keys.remember(opLog.clientKeyHashes(name));
    this.board = stored.board();
    this.head = stored.head();
    this.headOpId = stored.headOpId();
    this.snapshots =
        new RoomSnapshots(
            name,
            this,
            opLog,
            snapshotWorker,
            metrics,
            limits.snapshotEvery(),
            stored.snapshot(),
            new HistoryRetention(opLog, limits.history().keep(), clock));
    this.unstored = new UnstoredOps(head);
    this.ids = new SequencedIds(name, opLog, head);
  }

  public String name() {
    return name;
  }

  Outbound encode(ServerMessage message) {
    return new Outbound(codec.encodeToBytes(message));
  }

  Refusals refusals() {
    return refusals;
  }

  /** Whether the room holds {@code blob} (R111); asks the op log, so never under the monitor. */
  boolean holdsBlob(String blob) {
    return blobs.holds(blob);
  }

  /** A connection's uploads (R110), answered to {@code s}. */
  BlobUploads uploadsFor(Session s) {
    return new BlobUploads(
        name, blobs, limits.blobs(), uploadBudget, metrics, m -> s.send(encode(m)));
  }

  /** A connection's fetches (R112), sent to {@code s} paced by its send queue. */
  BlobFetches fetchesFor(Session s) {
    return new BlobFetches(blobSender, opLog, name, sinkOf(s));
  }

  /** {@code s} as the blob and history senders see it. */
  private FetchSink sinkOf(Session s) {
    return new FetchSink() {
      @Override
      public long pendingBytes() {
        return s.pendingBytes();
      }

      @Override
      public boolean isOpen() {
        return !s.closing();
      }

      @Override
      public void send(ServerMessage message) {
        s.send(encode(message));
      }

      @Override
      public void sendJson(byte[] json) {
        s.send(new Outbound(json));
      }
    };
  }

  /** A connection's history requests (R117), read off the room's monitor and paced to {@code s}. */
  HistoryFetches historyFor(Session s) {
    return new HistoryFetches(
        historySender,
        historyPages,
        limits.history(),
        name,
        sinkOf(s),
        metrics.history(),
        System.nanoTime());
  }

  synchronized Session attach(ClientSocket socket, Grant grant, Runnable onClosed) {
    sessions++;
    return new Session(this, socket, grant, limits, onClosed);
  }

  /** Whether a write failed: the registry then loads the room afresh for new connections. */
  synchronized boolean failed() {
    return failed;
  }

  /**
   * For an op log other relays write too (Redis): {@code held} whether this relay still holds the
   * room ({@link OpLog#holds}) and {@code logHead} the log's head, read a moment ago. When another
   * relay has claimed the room (a new connection for it reached that relay: the balancer routes the
   * room there now), or ordered ops above anything this room assigned, members here would never
   * hear of the ops ordered there: they are closed with 1012, reconnect, and the balancer routes
   * them to the room's relay. The room is then reloaded afresh, like after a failed write.
   */
  synchronized void checkSharedLog(boolean held, long logHead) {
    if (failed || held && logHead <= head) {
      return;
    }
    log.atInfo()
        .addKeyValue("room", name)
        .addKeyValue("held", held)
        .addKeyValue("head", head)
        .addKeyValue("logHead", logHead)
        .log("another relay took this room: handing its members over");
    fail(CloseCodes.ROOM_MOVED, "room moved to another relay");
  }

  /**
   * This room no longer matches the log: it takes nothing more, its members are closed (they
   * reconnect), and the registry loads the room afresh for the next connection.
   */
  private void fail(int closeCode, String reason) {
    failed = true;
    members.closeAll(closeCode, reason);
  }

  /** Whether the registry may forget this room: nobody attached and nothing waiting for disk. */
  synchronized boolean idle() {
    return sessions == 0 && unstored.durable() == head;
  }

  /** The durable head: every op up to it is in the log. */
  synchronized long headSeq() {
    return unstored.durable();
  }

  synchronized long snapshotSeq() {
    BoardSnapshot latest = snapshots.latest();
    return latest == null ? 0 : latest.seq();
  }

  /**
   * Answers hello (R10–R12, R19, R80–R85). The member is registered under the monitor and buffers
   * what the room broadcasts meanwhile; its catch-up is read and sent outside the monitor; then the
   * buffer is flushed and the member goes live.
   */
  void hello(Session s, ClientMessage.Hello hello) {
    CatchUp catchUp = admit(s, hello);
    if (catchUp == null) {
      return;
    }
    catchUp.send(s::sendCatchUp, opLog, name, this::encode, metrics);
    goLive(s.member());
    metrics.endCatchUp(catchUp.sample());
  }

  private synchronized CatchUp admit(Session s, ClientMessage.Hello hello) {
    String clientId = hello.clientId();
    ClientKeys.Verdict verdict =
        keys.verdict(clientId, hello.clientKey(), members.hasClient(clientId));
    List<Member> replaced =
        verdict == ClientKeys.Verdict.REPLACE ? members.ofClient(clientId) : List.of();
    boolean full = members.size() - replaced.size() >= limits.maxMembersPerRoom();
    boolean taken = verdict == ClientKeys.Verdict.TAKEN;
    if (refusals.refusesHello(s, hello, failed, taken, full)) {
      return null;
    }
    ClientKeyHash claimed = keys.claim(clientId, hello.clientKey());
    if (claimed != null) {
      saveClaim(clientId, claimed);
    }
    // R82: the same installation again (its old socket half-open): the old connection goes at once,
    // without left/joined, so the others see one member throughout.
    for (Member old : replaced) {
      members.remove(old);
      refusals.replaced(old.session());
    }
    Peer peer = Member.peerOf(s.grant(), hello);
    boolean firstOfClient = !members.hasClient(peer.clientId()) && replaced.isEmpty();
    List<Peer> others = members.peersOtherThan(peer.clientId());
    var sample = metrics.startCatchUp();
    CatchUp.Start start =
        CatchUp.start(
            hello.lastSeq(),
            hello.lastOpId(),
            head,
            this::opIdAt,
            seq -> seq <= opLog.historyBaseSeq(name),
            snapshots.latest(),
            () -> new BoardSnapshot(head, board.snapshot().elements()));
    if (start.reset()) {
      log.atInfo()
          .addKeyValue("room", name)
          .addKeyValue("client", peer.clientId())
          .addKeyValue("lastSeq", hello.lastSeq())
          .addKeyValue("lastOpId", hello.lastOpId())
          .addKeyValue("head", head)
          .log("client has ops the room does not: reset");
    }
    Member member = new Member(s, peer, head, unstored.durable(), hello.lastSeq());
    s.admitted(member);
    // A replacing connection is no newcomer: joined only if its name or colour changed meanwhile,
    // which the others' rosters take as an update (R82).
    if (firstOfClient || !replaced.isEmpty() && !replaced.getLast().peer().equals(peer)) {
      members.broadcast(encode(new ServerMessage.Joined(peer)), member);
    }
    members.add(member);
    ServerMessage.Welcome welcome =
        new ServerMessage.Welcome(
            s.id(),
            head,
            s.grant().role().wireName(),
            others,
            start.snapshot(),
            start.reset(),
            limits.blobs().maxBlobBytes(),
            limits.history().maxPage());
    return new CatchUp(
        welcome,
        start.from(),
        unstored.durable(),
        unstored.copy(),
        new ServerMessage.Synced(head, headOpId),
        sample);
  }

  /** Outside the hello's path: the claim holds in memory at once, the log keeps it for later. */
  private void saveClaim(String clientId, ClientKeyHash hash) {
    opLog
        .saveClientKeyHash(name, clientId, hash)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                log.atWarn()
                    .addKeyValue("room", name)
                    .addKeyValue("client", clientId)
                    .setCause(error)
                    .log("client id claim not stored: it holds until the relay restarts");
              }
            });
  }

  /** The id of the room's op at {@code seq} (up to the head), or null when it holds none (R12). */
  private String opIdAt(long seq) {
    return seq > unstored.durable() ? unstored.idAt(seq) : StoredBoard.opIdAt(opLog, name, seq);
  }

  private synchronized void goLive(Member m) {
    m.goLive();
  }

  synchronized void submit(Session s, ClientMessage.SubmitOp submit) {
    if (s.closing()) {
      return; // replaced (R82) while this op waited for the monitor: its client resends it
    }
    if (failed) {
      s.close(CloseCodes.STORAGE_FAILURE, "storage failure");
      return;
    }
    String id = submit.id();
    OptionalLong duplicate = ids.seqOf(id);
    if (duplicate.isPresent()) {
      long seq = duplicate.getAsLong();
      ackDuplicate(s, id, seq, ids.timeOf(id, seq));
      return;
    }
    if (unstored.size() >= limits.maxUnstoredOps()) {
      refusals.storageBusy(s, id);
      return;
    }
    long seq = ++head;
    String clientId = s.clientId();
    long t = Math.max(1, clock.getAsLong());
    StoredOp op = new StoredOp(seq, id, clientId, submit.op(), t);
    // The room's durable seq rides along (R26): members hear of their ops' durability from the
    // next frame they get instead of the next 250 ms round. Still one frame for all members.
    long durable = unstored.durable();
    Outbound frame =
        encode(new ServerMessage.OpBroadcast(seq, id, clientId, submit.op(), durable, t));
    board.applyOp(op.op());
    String previousId = headOpId;
    headOpId = id;
    unstored.add(op, frame);
    s.send(encode(new ServerMessage.Ack(id, seq, false, durable, t)));
    Member author = s.member();
    author.awaitDurable(seq);
    metrics.delivered(members.broadcastOp(frame, seq, author));
    metrics.opIn();
    CompletableFuture<Void> done = opLog.appendAfter(name, previousId, op);
    ids.add(id, seq, t);
    if (snapshots.due(head, board.size())) {
      snapshots.take(head, board.allElements(), done);
    }
    // Registered inside the monitor: if the log already finished, this runs now, and an earlier
    // op's callback cannot be pending (the log completes in order and that callback needs the
    // monitor before the writer can complete anything later).
    done.whenComplete((ok, error) -> onDurable(op, error));
  }

  /**
   * R15: acked with its original seq and time (R116; a time of 0, unknown, is left out by the
   * message itself); durable follows once that seq is (R26).
   */
  private void ackDuplicate(Session s, String id, long seq, long t) {
    s.send(encode(new ServerMessage.Ack(id, seq, true, unstored.durable(), t)));
    s.member().awaitDurable(seq);
    durableNotices.owe();
  }

  /** One round of durable notices (R26); the room-timers thread calls it every 250 ms. */
  synchronized void sendDurableNotices() {
    durableNotices.sendRound(members, unstored.durable(), this::encode);
  }

  private synchronized void onDurable(StoredOp op, Throwable error) {
    if (error != null && !failed && isRoomTaken(error)) {
      log.atInfo()
          .addKeyValue("room", name)
          .addKeyValue("seq", op.seq())
          .log("another relay took this room: handing its members over");
      fail(CloseCodes.ROOM_MOVED, "room moved to another relay");
      return;
    }
    if (error != null || failed) {
      if (!failed) {
        log.atError()
            .addKeyValue("room", name)
            .addKeyValue("seq", op.seq())
            .setCause(error)
            .log("op log write failed: closing the room");
        fail(CloseCodes.STORAGE_FAILURE, "storage failure");
      }
      return;
    }
    unstored.storedUpTo(op.seq(), metrics);
    durableNotices.owe();
    ids.trim(unstored.durable());
  }

  private static boolean isRoomTaken(Throwable error) {
    Throwable e = error instanceof CompletionException ? error.getCause() : error;
    return e instanceof RoomTakenException;
  }

  synchronized void presence(Session s, ClientMessage.Presence presence) {
    members.broadcast(
        encode(ServerMessage.PresenceBroadcast.of(s.clientId(), presence)), s.member());
  }

  synchronized void leave(Session s) {
    sessions--;
    Member left = s.member();
    if (left != null && members.remove(left) && !members.hasClient(left.clientId())) {
      members.broadcast(encode(new ServerMessage.Left(left.clientId())), null);
    }
  }
}
