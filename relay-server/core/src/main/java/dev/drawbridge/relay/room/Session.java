package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.auth.TokenBucket;
import dev.drawbridge.relay.blob.BlobFetches;
import dev.drawbridge.relay.history.HistoryFetches;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One connection to one room, from handshake to close. The transport hands every decoded message to
 * {@link #receive}; per-connection checks (hello first, role, rate limits) happen here and
 * everything that touches the room's order goes to the {@link Room}.
 */
public final class Session {
  private final Room room;
  private final ClientSocket socket;
  private final Grant grant;
  private final String id;
  private final RoomLimits limits;
  // Made on first use (full, as if made at connect: a full bucket stays full): most members of a
  // big room never draw, and four buckets were ~200 bytes of every idle connection.
  private TokenBucket opBucket;
  private TokenBucket byteBucket;
  private TokenBucket strikeBucket;
  private TokenBucket presenceBucket;
  private final Runnable onClosed;
  // After a rate_limited nack, every later op is refused until this time (System.nanoTime), so the
  // ops the relay accepts from one connection are always in the order the client sent them: a
  // small op must not slip in ahead of a bigger one refused just before it.
  private boolean holdingOff;
  private long holdOffUntil;
  // Why: "rate_limited" (the client's fault: refusals count as strikes) or "storage_busy".
  private String holdOffReason = RATE_LIMITED;
  private static final String RATE_LIMITED = "rate_limited";

  // Made at the connection's first blob message (most never send one); guarded by this.
  private BlobUploads uploads;
  private BlobFetches fetches;
  private HistoryFetches history;

  // Set once, under the room's monitor, when the room accepts hello; read by any thread.
  private volatile Member member;
  private volatile boolean closed;
  // Set once the room refused this connection: frames already in flight are ignored.
  private volatile boolean refused;

  Session(Room room, ClientSocket socket, Grant grant, RoomLimits limits, Runnable onClosed) {
    this.room = room;
    this.socket = socket;
    this.grant = grant;
    this.onClosed = onClosed;
    this.id = "s" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    this.limits = limits;
  }

  /** Handles one decoded message of {@code frameBytes} bytes from this connection. */
  public synchronized void receive(ClientMessage message, int frameBytes) {
    if (closed || refused) {
      return;
    }
    if (!(message instanceof ClientMessage.Hello) && member == null) {
      room.refusals()
          .reject(
              this,
              "op_before_hello",
              CloseCodes.MALFORMED,
              "the first message must be hello",
              ClientMessage.typeName(message));
      return;
    }
    switch (message) {
      case ClientMessage.Hello hello -> room.hello(this, hello);
      case ClientMessage.SubmitOp op -> submit(op, frameBytes);
      case ClientMessage.Presence presence -> {
        long now = System.nanoTime();
        if (presenceBucket == null) {
          presenceBucket =
              new TokenBucket(limits.presencePerSecond(), limits.presencePerSecond(), now);
        }
        if (presenceBucket.tryTake(1, now) == 0) {
          room.presence(this, presence);
        }
      }
      case ClientMessage.Ping ping -> send(room.encode(new ServerMessage.Pong(ping.t())));
      case ClientMessage.BlobPut put -> uploads().put(put, grant.role() == Role.EDITOR);
      case ClientMessage.BlobGet get -> fetch(get.blob());
      case ClientMessage.HistoryGet get -> history(get);
    }
  }

  /** R117, R119: any member may read the history, viewers too; one request at a time. */
  private void history(ClientMessage.HistoryGet get) {
    if (history == null) {
      history = room.historyFor(this);
    }
    ServerMessage.HistoryRefused refused = history.request(get, System.nanoTime());
    if (refused != null) {
      room.refusals().historyRefused(this, refused);
    }
  }

  /** R112: any member may fetch, viewers too; a fifth unanswered fetch is refused. */
  private void fetch(String blob) {
    if (fetches == null) {
      fetches = room.fetchesFor(this);
    }
    if (fetches.request(blob) == BlobFetches.Answer.BUSY) {
      room.refusals().blobRefused(this, blob, "busy", BlobFetches.BUSY_RETRY_MS);
    }
  }

  private BlobUploads uploads() {
    if (uploads == null) {
      uploads = room.uploadsFor(this);
    }
    return uploads;
  }

  private void submit(ClientMessage.SubmitOp op, int frameBytes) {
    // Rate limits first, so a viewer cannot flood the relay with ops it knows will be refused.
    long now = System.nanoTime();
    if (opBucket == null) {
      opBucket = new TokenBucket(limits.opsPerSecond(), limits.opBurst(), now);
      byteBucket = new TokenBucket(limits.bytesPerSecond(), limits.byteBurst(), now);
      strikeBucket = new TokenBucket(limits.strikesPerSecond(), limits.rateLimitStrikes(), now);
    }
    long wait;
    if (holdingOff && now - holdOffUntil < 0) {
      wait = Math.max(1, (holdOffUntil - now + 999_999) / 1_000_000);
    } else {
      holdingOff = false;
      wait = Math.max(opBucket.tryTake(1, now), byteBucket.tryTake(frameBytes, now));
      if (wait > 0) {
        holdOff(RATE_LIMITED, wait, now);
      }
    }
    if (wait > 0) {
      boolean clientsFault = holdOffReason.equals(RATE_LIMITED);
      if (clientsFault && strikeBucket.tryTake(1, now) > 0) {
        room.refusals()
            .reject(this, RATE_LIMITED, CloseCodes.RATE_LIMITED, "sustained rate over limit");
        return;
      }
      room.refusals().nack(this, op.id(), holdOffReason, wait);
      return;
    }
    if (grant.role() != Role.EDITOR) {
      room.refusals().nack(this, op.id(), "viewer", 0);
      return;
    }
    // R111, before the room's monitor: the lookup may ask the op log, and ops must not wait on it.
    if (op.op() instanceof Op.AddElement add
        && add.element().hasImage()
        && !room.holdsBlob(add.element().image().blob())) {
      room.refusals().nack(this, op.id(), "missing_blob", 0);
      return;
    }
    room.submit(this, op);
  }

  /**
   * Refuses every op of this connection for {@code millis} with {@code reason} (the room nacked one
   * with that retry time), so ops are never accepted out of the order the client sent them (R17).
   * Called from within {@link #receive}, by the room's {@link Refusals#storageBusy}.
   */
  void holdOff(String reason, long millis) {
    holdOff(reason, millis, System.nanoTime());
  }

  private void holdOff(String reason, long millis, long now) {
    holdingOff = true;
    holdOffUntil = now + millis * 1_000_000;
    holdOffReason = reason;
  }

  /** The room accepted hello: this connection is {@code m} in it from now on. */
  void admitted(Member m) {
    member = m;
  }

  /** Its place in the room, or null before hello. */
  Member member() {
    return member;
  }

  /** The connection is gone (any reason): leave the room, drop an unfinished upload. Idempotent. */
  public void closed() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (this) {
      if (uploads != null) {
        uploads.abandon();
      }
    }
    room.leave(this);
    onClosed.run();
  }

  void send(Outbound message) {
    if (!closed && !refused) {
      socket.send(message);
    }
  }

  void close(int code, String reason) {
    refused = true;
    socket.close(code, reason);
  }

  /** Whether the room closed this connection (refused, replaced) or it is gone. */
  boolean closing() {
    return refused || closed;
  }

  /** Whether hello was accepted (the connection is, or was, a member). */
  public boolean hasSaidHello() {
    return member != null;
  }

  public String id() {
    return id;
  }

  public Grant grant() {
    return grant;
  }

  public String roomName() {
    return room.name();
  }

  long pendingBytes() {
    return socket.pendingBytes();
  }

  String remote() {
    return socket.remote();
  }

  /** The client id from hello, or null before it. */
  String clientId() {
    Member m = member;
    return m == null ? null : m.clientId();
  }
}
