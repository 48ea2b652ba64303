package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One board's ordering point (R13–R19, R25). Every method runs under the room's monitor, so several
 * transport threads and the op log's writer thread see one sequence of events.
 *
 * <p>An op gets seq head+1 at once, but members hear of it only when the op log says it is durable;
 * the log completes appends in order, so acks and broadcasts leave in seq order too. A joining
 * member is caught up to the durable seq under the same monitor and then receives every later op
 * from the durable callback: no gap, no repeat.
 */
public final class Room {
  private static final Logger log = LoggerFactory.getLogger(Room.class);
  private static final int RECENT_IDS = 10_000;
  private static final int CATCH_UP_BATCH = 1_000;

  private final String name;
  private final OpLog opLog;
  private final ProtocolCodec codec;
  private final RoomLimits limits;
  private final RoomMetrics metrics;

  private final BoardState board;
  private BoardSnapshot latestSnapshot;
  private long head;
  private long durable;
  private boolean failed;
  private final List<Session> members = new ArrayList<>();
  private int sessions;

  /** Op ids of recent and not yet durable ops; older ids are looked up in the log. */
  private final LinkedHashMap<String, Pending> recent = new LinkedHashMap<>();

  private record Pending(long seq, CompletableFuture<Void> durable) {}

  Room(String name, OpLog opLog, ProtocolCodec codec, RoomLimits limits, RoomMetrics metrics) {
    this.name = name;
    this.opLog = opLog;
    this.codec = codec;
    this.limits = limits;
    this.metrics = metrics;
    this.latestSnapshot = opLog.latestSnapshot(name).orElse(null);
    this.board =
        latestSnapshot == null ? new BoardState() : BoardState.fromSnapshot(latestSnapshot);
    for (List<StoredOp> batch = opLog.readAfter(name, board.headSeq(), CATCH_UP_BATCH);
        !batch.isEmpty();
        batch = opLog.readAfter(name, board.headSeq(), CATCH_UP_BATCH)) {
      for (StoredOp op : batch) {
        board.apply(op.seq(), op.id(), op.op());
      }
    }
    this.head = board.headSeq();
    this.durable = head;
  }

  public String name() {
    return name;
  }

  Outbound encode(ServerMessage message) {
    return new Outbound(codec.encodeToBytes(message));
  }

  synchronized Session attach(
      ClientSocket socket, dev.drawbridge.relay.auth.Grant grant, Runnable onClosed) {
    sessions++;
    return new Session(this, socket, grant, limits, onClosed);
  }

  /** Whether the registry may forget this room: nobody attached and nothing waiting for disk. */
  synchronized boolean idle() {
    return sessions == 0 && durable == head;
  }

  synchronized long headSeq() {
    return durable;
  }

  synchronized void hello(Session s, ClientMessage.Hello hello) {
    if (s.peer != null) {
      reject(s, "duplicate_hello", CloseCodes.MALFORMED, "hello was already sent");
      return;
    }
    switch (ProtocolVersion.check(hello.protocolVersion())) {
      case CLIENT_TOO_OLD -> {
        rejectQuietly(s, "client_too_old", CloseCodes.VERSION_NOT_SUPPORTED, "CLIENT_TOO_OLD");
        return;
      }
      case SERVER_TOO_OLD -> {
        rejectQuietly(s, "server_too_old", CloseCodes.VERSION_NOT_SUPPORTED, "SERVER_TOO_OLD");
        return;
      }
      case OK -> {}
    }
    if (failed) {
      s.close(1011, "storage failure");
      return;
    }
    if (members.size() >= limits.maxMembersPerRoom()) {
      rejectQuietly(s, "room_full", CloseCodes.ROOM_FULL, "room is full");
      return;
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
    if (lastSeq > durable) {
      reset = true;
      snapshot = board.snapshot();
      from = durable;
      log.atInfo()
          .addKeyValue("room", name)
          .addKeyValue("client", peer.clientId())
          .addKeyValue("lastSeq", lastSeq)
          .addKeyValue("head", durable)
          .log("client is ahead of the room: reset");
    } else if (latestSnapshot != null && lastSeq < latestSnapshot.seq()) {
      snapshot = latestSnapshot;
      from = snapshot.seq();
    }
    s.peer = peer;
    s.send(
        encode(
            new ServerMessage.Welcome(
                s.id(),
                durable,
                s.grant().role().wireName(),
                List.copyOf(others.values()),
                snapshot,
                reset)));
    while (from < durable) {
      List<StoredOp> batch = opLog.readAfter(name, from, CATCH_UP_BATCH);
      if (batch.isEmpty()) {
        break;
      }
      for (StoredOp op : batch) {
        if (op.seq() > durable) {
          break;
        }
        s.send(encode(new ServerMessage.OpBroadcast(op.seq(), op.id(), op.clientId(), op.op())));
        metrics.delivered(1);
        from = op.seq();
      }
    }
    s.send(encode(new ServerMessage.Synced(durable)));
    metrics.endCatchUp(sample);
    s.deliverAfter = durable;
    s.member = true;
    if (firstOfClient) {
      broadcast(encode(new ServerMessage.Joined(peer)), s);
    }
    members.add(s);
  }

  synchronized void submit(Session s, ClientMessage.SubmitOp submit) {
    if (failed) {
      s.close(1011, "storage failure");
      return;
    }
    String id = submit.id();
    Pending pending = recent.get(id);
    if (pending != null) {
      long seq = pending.seq();
      pending.durable().thenRun(() -> s.send(encode(new ServerMessage.Ack(id, seq, true))));
      return;
    }
    OptionalLong stored = opLog.seqOf(name, id);
    if (stored.isPresent()) {
      s.send(encode(new ServerMessage.Ack(id, stored.getAsLong(), true)));
      return;
    }
    long seq = ++head;
    String clientId = s.clientId();
    StoredOp op = new StoredOp(seq, id, clientId, submit.op());
    Outbound frame = encode(new ServerMessage.OpBroadcast(seq, id, clientId, submit.op()));
    CompletableFuture<Void> done = opLog.append(name, op);
    recent.put(id, new Pending(seq, done));
    metrics.opIn();
    done.whenComplete((ok, error) -> onDurable(s, op, frame, error));
  }

  private synchronized void onDurable(
      Session sender, StoredOp op, Outbound frame, Throwable error) {
    if (error != null || failed) {
      if (!failed) {
        failed = true;
        log.atError()
            .addKeyValue("room", name)
            .addKeyValue("seq", op.seq())
            .setCause(error)
            .log("op log write failed: closing the room");
        for (Session m : List.copyOf(members)) {
          m.close(1011, "storage failure");
        }
      }
      return;
    }
    durable = op.seq();
    board.apply(op.seq(), op.id(), op.op());
    sender.send(encode(new ServerMessage.Ack(op.id(), op.seq(), false)));
    int delivered = 0;
    for (Session m : members) {
      if (m != sender && m.deliverAfter < op.seq()) {
        m.send(frame);
        delivered++;
      }
    }
    metrics.delivered(delivered);
    trimRecent();
    if (durable % limits.snapshotEvery() == 0) {
      latestSnapshot = board.snapshot();
      opLog
          .saveSnapshot(name, latestSnapshot)
          .exceptionally(
              e -> {
                log.atWarn().addKeyValue("room", name).setCause(e).log("snapshot not saved");
                return null;
              });
    }
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
        m.send(message);
      }
    }
  }

  /** Peers currently in the room (for tests and metrics). */
  synchronized Set<String> memberClientIds() {
    Set<String> ids = new LinkedHashSet<>();
    members.forEach(m -> ids.add(m.clientId()));
    return ids;
  }
}
