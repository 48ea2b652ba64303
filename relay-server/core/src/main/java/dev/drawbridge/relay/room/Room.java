package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One board's ordering point (R13–R19, R25). State changes run under the room's monitor, so several
 * transport threads and the op log's writer thread see one sequence of events.
 *
 * <p>An op gets seq head+1, is applied, acked and broadcast at once (R13, R14), and handed to the
 * op log, which stores ops in order in the background; when the log says an op is durable, members
 * waiting for it get {@code durable} (R26). Waiting for the disk before broadcasting cost one
 * commit (and fsync) per op or two at the benchmark's load: batching commits over a few
 * milliseconds makes persistence cheap without adding that wait to what users see. A joining member
 * is registered at the head under the monitor; its catch-up (stored ops from the log, the not yet
 * stored ones from memory) is sent outside it while later broadcasts wait in the member's backlog:
 * no gap, no repeat.
 */
public final class Room {
  private static final Logger log = LoggerFactory.getLogger(Room.class);
  private static final int RECENT_IDS = 10_000;
  private static final int CATCH_UP_BATCH = 1_000;
  private static final long STORAGE_BUSY_RETRY_MS = 1_000;
  private static final String STORAGE_BUSY = "storage_busy";

  /** Snapshots list elements in id order (docs/protocol.md, "Snapshots"). */
  private static final Comparator<Element> BY_ID = Comparator.comparing(Element::id);

  private final String name;
  private final OpLog opLog;
  private final ProtocolCodec codec;
  private final RoomLimits limits;
  private final RoomMetrics metrics;

  private final BoardState board;
  private final Executor snapshotWorker;

  /** The newest saved snapshot: what joiners get (R11). */
  private BoardSnapshot latestSnapshot;

  /** The seq of the newest snapshot handed to the worker, saved or not. */
  private long snapshotTaken;

  private boolean snapshotInFlight;

  /** The newest seq given out: everything up to it is applied to the board and broadcast. */
  private long head;

  /** The id of the op at {@code head} (null for an empty room): synced{seq, opId} (R11, R12). */
  private String headOpId;

  /** Everything up to it is stored durably and readable from the log. */
  private long durable;

  /** Ops above {@code durable}, oldest first: joiners get them from here, not the log. */
  private final ArrayDeque<Unstored> unstored = new ArrayDeque<>();

  private record Unstored(StoredOp op, Outbound frame, long ackedNanos) {}

  private boolean failed;

  /** Whether a durable notice may be owed to someone (R26, {@link #sendDurableNotices}). */
  private boolean durableOwed;

  private final List<Session> members = new ArrayList<>();
  private int sessions;

  /** Seqs of recent and not yet durable ops by id; older ids are looked up in the log. */
  private final LinkedHashMap<String, Pending> recent = new LinkedHashMap<>();

  private record Pending(long seq) {}

  /** Every stored op id: a new id it has never seen needs no log lookup (R15). */
  private final OpIdFilter storedIds;

  Room(
      String name,
      OpLog opLog,
      ProtocolCodec codec,
      RoomLimits limits,
      RoomMetrics metrics,
      Executor snapshotWorker) {
    this.name = name;
    this.snapshotWorker = snapshotWorker;
    this.opLog = opLog;
    this.codec = codec;
    this.limits = limits;
    this.metrics = metrics;
    this.latestSnapshot = opLog.latestSnapshot(name).orElse(null);
    // The relay never stores an op id twice, so the board applies ops without BoardState's own
    // id bookkeeping (which would keep every op id of the room in memory); the seq is kept here.
    this.board =
        latestSnapshot == null ? new BoardState() : BoardState.fromSnapshot(latestSnapshot);
    long loaded = latestSnapshot == null ? 0 : latestSnapshot.seq();
    this.snapshotTaken = loaded;
    this.headOpId = loaded == 0 ? null : storedOpIdAt(loaded);
    for (List<StoredOp> batch = opLog.readAfter(name, loaded, CATCH_UP_BATCH);
        !batch.isEmpty();
        batch = opLog.readAfter(name, loaded, CATCH_UP_BATCH)) {
      for (StoredOp op : batch) {
        board.applyOp(op.op());
        loaded = op.seq();
        headOpId = op.id();
      }
    }
    this.head = loaded;
    this.durable = loaded;
    this.storedIds = new OpIdFilter(loaded);
    opLog.forEachOpId(name, storedIds::add);
  }

  public String name() {
    return name;
  }

  Outbound encode(ServerMessage message) {
    return new Outbound(codec.encodeToBytes(message));
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
   * For an op log other relays write too (Redis): {@code logHead} is the log's head, read a moment
   * ago. Above anything this room assigned, another relay has ordered ops here (this relay lost the
   * room while it was away, and got it back from the balancer for some members only). Members here
   * would never hear of those ops, so they are closed with 1012: they reconnect and the balancer
   * routes them to the room's relay. The room is then reloaded afresh, like after a failed write.
   */
  synchronized void checkSharedLogHead(long logHead) {
    if (failed || logHead <= head) {
      return;
    }
    log.atWarn()
        .addKeyValue("room", name)
        .addKeyValue("head", head)
        .addKeyValue("logHead", logHead)
        .log("another relay wrote this room's shared log: handing its members over");
    fail(CloseCodes.ROOM_MOVED, "room moved to another relay");
  }

  /**
   * This room no longer matches the log: it takes nothing more, its members are closed (they
   * reconnect), and the registry loads the room afresh for the next connection.
   */
  private void fail(int closeCode, String reason) {
    failed = true;
    for (Session m : List.copyOf(members)) {
      m.close(closeCode, reason);
    }
  }

  /** Whether the registry may forget this room: nobody attached and nothing waiting for disk. */
  synchronized boolean idle() {
    return sessions == 0 && durable == head;
  }

  /** The durable head: every op up to it is in the log. */
  synchronized long headSeq() {
    return durable;
  }

  synchronized long snapshotSeq() {
    return latestSnapshot == null ? 0 : latestSnapshot.seq();
  }

  /** What a joining member is owed: computed under the monitor, sent outside it. */
  private record CatchUp(
      ServerMessage.Welcome welcome,
      long from,
      long durable,
      List<Unstored> unstored,
      ServerMessage.Synced synced,
      Timer.Sample sample) {}

  /**
   * Answers hello (R10–R12, R19). The member is registered under the monitor and buffers what the
   * room broadcasts meanwhile; its catch-up (welcome, stored ops, synced) is read and sent outside
   * the monitor, so a long catch-up does not hold up the room — or the op log's writer thread,
   * which completes every room's appends; then the buffer is flushed and the member goes live.
   */
  void hello(Session s, ClientMessage.Hello hello) {
    CatchUp plan = admit(s, hello);
    if (plan == null) {
      return;
    }
    s.send(encode(plan.welcome()));
    long from = plan.from();
    while (from < plan.durable()) {
      List<StoredOp> batch = opLog.readAfter(name, from, CATCH_UP_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      int sent = 0;
      for (StoredOp op : batch) {
        if (op.seq() > plan.durable()) {
          break;
        }
        s.send(encode(new ServerMessage.OpBroadcast(op.seq(), op.id(), op.clientId(), op.op())));
        from = op.seq();
        sent++;
      }
      metrics.delivered(sent);
      if (sent < batch.size()) {
        break;
      }
    }
    for (Unstored u : plan.unstored()) {
      if (u.op().seq() > from) {
        s.send(u.frame());
      }
    }
    s.send(encode(plan.synced()));
    if (plan.durable() > 0) {
      s.send(encode(new ServerMessage.Durable(plan.durable())));
    }
    goLive(s);
    metrics.endCatchUp(plan.sample());
  }

  private synchronized CatchUp admit(Session s, ClientMessage.Hello hello) {
    if (s.peer != null) {
      reject(s, "duplicate_hello", CloseCodes.MALFORMED, "hello was already sent");
      return null;
    }
    switch (ProtocolVersion.check(hello.protocolVersion())) {
      case CLIENT_TOO_OLD -> {
        rejectQuietly(s, "client_too_old", CloseCodes.VERSION_NOT_SUPPORTED, "CLIENT_TOO_OLD");
        return null;
      }
      case SERVER_TOO_OLD -> {
        rejectQuietly(s, "server_too_old", CloseCodes.VERSION_NOT_SUPPORTED, "SERVER_TOO_OLD");
        return null;
      }
      case OK -> {}
    }
    if (failed) {
      s.close(CloseCodes.STORAGE_FAILURE, "storage failure");
      return null;
    }
    if (members.size() >= limits.maxMembersPerRoom()) {
      rejectQuietly(s, "room_full", CloseCodes.ROOM_FULL, "room is full");
      return null;
    }
    String displayName = s.grant().name() != null ? s.grant().name() : hello.name();
    if (displayName.length() > 64) {
      displayName = displayName.substring(0, 64);
    }
    Peer peer = new Peer(hello.clientId(), displayName, hello.color(), s.grant().role().wireName());
    Map<String, Peer> others = new LinkedHashMap<>();
    for (Session m : members) {
      others.putIfAbsent(m.peer.clientId(), m.peer);
    }
    boolean firstOfClient = !others.containsKey(peer.clientId());
    others.remove(peer.clientId());

    Timer.Sample sample = metrics.startCatchUp();
    long lastSeq = hello.lastSeq();
    BoardSnapshot snapshot = null;
    boolean reset = false;
    long from = lastSeq;
    if (lastSeq > head || !holdsOp(lastSeq, hello.lastOpId())) {
      reset = true;
      snapshot = boardSnapshot();
      from = head;
      log.atInfo()
          .addKeyValue("room", name)
          .addKeyValue("client", peer.clientId())
          .addKeyValue("lastSeq", lastSeq)
          .addKeyValue("lastOpId", hello.lastOpId())
          .addKeyValue("head", head)
          .log("client has ops the room does not: reset");
    } else if (latestSnapshot != null && lastSeq < latestSnapshot.seq()) {
      snapshot = latestSnapshot;
      from = snapshot.seq();
    }
    s.peer = peer;
    s.deliverAfter = head;
    // It hears of durable once after synced; later when its own ops (or those up to its lastSeq,
    // still waiting for the disk) are.
    s.durableSent = durable;
    s.durableWanted = Math.min(lastSeq, head);
    s.backlog = new ArrayList<>();
    if (firstOfClient) {
      broadcast(encode(new ServerMessage.Joined(peer)), s);
    }
    members.add(s);
    ServerMessage.Welcome welcome =
        new ServerMessage.Welcome(
            s.id(),
            head,
            s.grant().role().wireName(),
            List.copyOf(others.values()),
            snapshot,
            reset);
    return new CatchUp(
        welcome,
        from,
        durable,
        List.copyOf(unstored),
        new ServerMessage.Synced(head, headOpId),
        sample);
  }

  /**
   * Whether the room's op at {@code seq} is {@code opId} (R12); true when the client did not say
   * (an older client) or has nothing yet.
   */
  private boolean holdsOp(long seq, String opId) {
    if (seq == 0 || opId == null) {
      return true;
    }
    if (seq > durable) {
      for (Unstored u : unstored) {
        if (u.op().seq() == seq) {
          return opId.equals(u.op().id());
        }
      }
      return false;
    }
    return opId.equals(storedOpIdAt(seq));
  }

  /** The id of the stored op at {@code seq}, or null when the log has none there. */
  private String storedOpIdAt(long seq) {
    List<StoredOp> at = opLog.readAfter(name, seq - 1, 1);
    return at.isEmpty() || at.getFirst().seq() != seq ? null : at.getFirst().id();
  }

  /** Sends what was broadcast during the member's catch-up, then delivers to it directly. */
  private synchronized void goLive(Session s) {
    List<Outbound> backlog = s.backlog;
    s.backlog = null;
    if (backlog != null) {
      backlog.forEach(s::send);
    }
  }

  /** Sends to a member, or buffers while its catch-up is still being sent. */
  private void deliver(Session m, Outbound message) {
    if (m.backlog != null) {
      m.backlog.add(message);
    } else {
      m.send(message);
    }
  }

  /** The board at the head, tombstones included (R12). */
  private BoardSnapshot boardSnapshot() {
    return new BoardSnapshot(head, board.snapshot().elements());
  }

  synchronized void submit(Session s, ClientMessage.SubmitOp submit) {
    if (failed) {
      s.close(CloseCodes.STORAGE_FAILURE, "storage failure");
      return;
    }
    String id = submit.id();
    Pending pending = recent.get(id);
    if (pending != null) {
      ackDuplicate(s, id, pending.seq());
      return;
    }
    if (storedIds.mightContain(id)) {
      OptionalLong stored = opLog.seqOf(name, id);
      if (stored.isPresent()) {
        ackDuplicate(s, id, stored.getAsLong());
        return;
      }
    }
    if (unstored.size() >= limits.maxUnstoredOps()) {
      // The log is far behind (a stalled disk): refuse rather than hold ever more in memory. The
      // client resends after the delay (R17, R26); nothing it drew is lost.
      nack(s, id, STORAGE_BUSY, STORAGE_BUSY_RETRY_MS);
      s.holdOff(STORAGE_BUSY, STORAGE_BUSY_RETRY_MS);
      return;
    }
    long seq = ++head;
    String clientId = s.clientId();
    StoredOp op = new StoredOp(seq, id, clientId, submit.op());
    Outbound frame = encode(new ServerMessage.OpBroadcast(seq, id, clientId, submit.op()));
    board.applyOp(op.op());
    headOpId = id;
    unstored.addLast(new Unstored(op, frame, System.nanoTime()));
    s.send(encode(new ServerMessage.Ack(id, seq, false)));
    s.durableWanted = seq;
    int delivered = 0;
    for (Session m : members) {
      if (m != s && m.deliverAfter < seq) {
        deliver(m, frame);
        delivered++;
      }
    }
    metrics.delivered(delivered);
    metrics.opIn();
    CompletableFuture<Void> done = opLog.append(name, op);
    recent.put(id, new Pending(seq));
    storedIds.add(id);
    if (snapshotDue()) {
      takeSnapshot(done);
    }
    // Registered inside the monitor: if the log already finished, this runs now, and an earlier
    // op's callback cannot be pending (the log completes in order and that callback needs the
    // monitor before the writer can complete anything later).
    done.whenComplete((ok, error) -> onDurable(op, error));
  }

  /** R15: acked with its original seq; durable follows once that seq is (R26). */
  private void ackDuplicate(Session s, String id, long seq) {
    s.send(encode(new ServerMessage.Ack(id, seq, true)));
    s.durableWanted = Math.max(s.durableWanted, seq);
    durableOwed = true;
  }

  /**
   * Sends durable{seq} to members still waiting to hear of some of their ops, when the durable seq
   * moved since they were last told: called periodically, so one notice covers every commit since
   * the last, and an author who never pauses still hears of its older ops (R26).
   */
  synchronized void sendDurableNotices() {
    if (!durableOwed) {
      return;
    }
    durableOwed = false;
    Outbound notice = null;
    for (Session m : members) {
      if (m.durableWanted > m.durableSent && durable > m.durableSent) {
        if (notice == null) {
          notice = encode(new ServerMessage.Durable(durable));
        }
        deliver(m, notice);
        m.durableSent = durable;
      }
    }
  }

  private synchronized void onDurable(StoredOp op, Throwable error) {
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
    durable = op.seq();
    while (!unstored.isEmpty() && unstored.getFirst().op().seq() <= durable) {
      metrics.stored(unstored.removeFirst().ackedNanos());
    }
    durableOwed = true;
    trimRecent();
  }

  /**
   * Copies the board's elements at the head (linear, under the monitor) and leaves sorting,
   * encoding and writing them to the snapshot worker once the head's op is durable (a snapshot
   * never covers an op the log could still lose): on a board of 45,000 elements that work takes
   * tens of milliseconds, and done here it held up every submit and every ack behind it (the p99
   * spikes of the relay benchmark). Joiners get the new snapshot once it is saved; until then the
   * previous one plus a few more ops (R11). {@code headStored} completes when the head's op is.
   */
  private void takeSnapshot(CompletableFuture<Void> headStored) {
    long seq = head;
    List<Element> elements = new ArrayList<>(board.allElements());
    snapshotTaken = seq;
    snapshotInFlight = true;
    headStored.whenComplete(
        (ok, error) -> {
          if (error != null) {
            snapshotSaved(null, error);
            return;
          }
          try {
            snapshotWorker.execute(() -> saveSnapshot(seq, elements));
          } catch (RejectedExecutionException e) {
            // The relay is shutting down; the op log holds every op the snapshot would cover.
            snapshotSaved(null, null);
          }
        });
  }

  private void saveSnapshot(long seq, List<Element> elements) {
    Timer.Sample timing = metrics.startSnapshot();
    BoardSnapshot snapshot;
    CompletableFuture<Void> saved;
    try {
      elements.sort(BY_ID);
      snapshot = new BoardSnapshot(seq, elements);
      saved = opLog.saveSnapshot(name, snapshot);
    } catch (RuntimeException e) {
      // Never leave the room waiting for a snapshot that will not come: the next one is due later.
      snapshotSaved(null, e);
      return;
    }
    saved.whenComplete(
        (ok, error) -> {
          metrics.endSnapshot(timing);
          snapshotSaved(snapshot, error);
        });
  }

  private synchronized void snapshotSaved(BoardSnapshot snapshot, Throwable error) {
    snapshotInFlight = false;
    if (error != null) {
      log.atWarn().addKeyValue("room", name).setCause(error).log("snapshot not saved");
    } else if (snapshot != null
        && (latestSnapshot == null || snapshot.seq() > latestSnapshot.seq())) {
      latestSnapshot = snapshot;
    }
  }

  /**
   * Every {@code snapshotEvery} ops, but on a big board only once a quarter of its element count
   * has passed since the last one: a snapshot costs the whole board, so this keeps its cost per op
   * bounded (about 4 elements encoded per op instead of board size / snapshotEvery) while a late
   * joiner still replays at most a quarter of the board after it (R11).
   */
  private boolean snapshotDue() {
    return !snapshotInFlight
        && head - snapshotTaken >= Math.max(limits.snapshotEvery(), board.size() / 4);
  }

  private void trimRecent() {
    var it = recent.entrySet().iterator();
    while (recent.size() > RECENT_IDS && it.hasNext()) {
      Pending eldest = it.next().getValue();
      if (eldest.seq() > durable) {
        break;
      }
      it.remove();
    }
  }

  synchronized void presence(Session s, ClientMessage.Presence presence) {
    broadcast(
        encode(
            new ServerMessage.PresenceBroadcast(
                s.clientId(), presence.cursor(), presence.selection())),
        s);
  }

  synchronized void leave(Session s) {
    sessions--;
    if (!members.remove(s)) {
      return;
    }
    String clientId = s.clientId();
    for (Session m : members) {
      if (m.clientId().equals(clientId)) {
        return;
      }
    }
    broadcast(encode(new ServerMessage.Left(clientId)), null);
  }

  void nack(Session s, String opId, String reason, long retryAfterMs) {
    metrics.rejected(reason);
    log.atInfo()
        .addKeyValue("room", name)
        .addKeyValue("client", s.clientId())
        .addKeyValue("session", s.id())
        .addKeyValue("reason", reason)
        .addKeyValue("op", opId)
        .log("op refused");
    s.send(encode(new ServerMessage.Nack(opId, reason, retryAfterMs)));
  }

  /** Sends error{code} and closes with {@code closeCode}. */
  void reject(Session s, String code, int closeCode, String message) {
    s.send(encode(new ServerMessage.Error(code, message, null)));
    rejectQuietly(s, code, closeCode, message);
  }

  private void rejectQuietly(Session s, String code, int closeCode, String reason) {
    metrics.rejected(code);
    log.atWarn()
        .addKeyValue("room", name)
        .addKeyValue("client", s.clientId())
        .addKeyValue("session", s.id())
        .addKeyValue("remote", s.remote())
        .addKeyValue("reason", code)
        .addKeyValue("closeCode", closeCode)
        .log("connection refused");
    s.close(closeCode, reason);
  }

  private void broadcast(Outbound message, Session except) {
    for (Session m : members) {
      if (m != except) {
        deliver(m, message);
      }
    }
  }
}
