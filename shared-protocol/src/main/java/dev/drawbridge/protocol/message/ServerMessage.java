package dev.drawbridge.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.ObjectsOnlyTypeResolver;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;
import java.util.List;

/**
 * Everything the relay may send to a client (docs/protocol.md section 5: welcome and catch-up
 * R10–R12, ops R13–R17 and R26, presence and membership R18–R19, pong R20, errors R5/R8/R9,
 * delivery R25; section 16: blob_data R112, blob_stored and blob_refused R110–R113; section 17: op
 * times R116, history and history_refused R117–R119).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeResolver(ObjectsOnlyTypeResolver.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
  @JsonSubTypes.Type(value = ServerMessage.OpBroadcast.class, name = "op"),
  @JsonSubTypes.Type(value = ServerMessage.Ack.class, name = "ack"),
  @JsonSubTypes.Type(value = ServerMessage.Nack.class, name = "nack"),
  @JsonSubTypes.Type(value = ServerMessage.Synced.class, name = "synced"),
  @JsonSubTypes.Type(value = ServerMessage.Durable.class, name = "durable"),
  @JsonSubTypes.Type(value = ServerMessage.PresenceBroadcast.class, name = "presence"),
  @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = "joined"),
  @JsonSubTypes.Type(value = ServerMessage.Left.class, name = "left"),
  @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
  @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
  @JsonSubTypes.Type(value = ServerMessage.BlobData.class, name = "blob_data"),
  @JsonSubTypes.Type(value = ServerMessage.BlobStored.class, name = "blob_stored"),
  @JsonSubTypes.Type(value = ServerMessage.BlobRefused.class, name = "blob_refused"),
  @JsonSubTypes.Type(value = ServerMessage.History.class, name = "history"),
  @JsonSubTypes.Type(value = ServerMessage.HistoryRefused.class, name = "history_refused"),
})
public sealed interface ServerMessage {

  /**
   * The answer to {@code hello} (R10–R12). Catch-up ops (seq above the snapshot's, or above the
   * client's lastSeq) follow it, then {@code synced}.
   *
   * @param session this connection's id (for logs and support)
   * @param headSeq the room's newest seq when the client joined
   * @param role what the token allows: {@code editor} or {@code viewer}
   * @param peers who else is in the room
   * @param snapshot the board at some seq, when the client's lastSeq is older than the relay's
   *     newest snapshot, or when {@code reset} is set; null otherwise
   * @param reset the client's lastSeq was ahead of the room's head (the relay lost data): the
   *     client must replace its confirmed board with the snapshot and resend its pending ops
   * @param maxBlobBytes the largest image file the relay stores (R109); null from a relay that
   *     stores none (one from before R107), to which a client must not send images
   * @param maxHistoryPage the most ops the relay puts in one {@code history} page (R117, R120);
   *     null from a relay that serves no history (one from before R116), to which a client must not
   *     send {@code history_get}
   */
  record Welcome(
      String session,
      long headSeq,
      String role,
      List<Peer> peers,
      BoardSnapshot snapshot,
      boolean reset,
      Long maxBlobBytes,
      Integer maxHistoryPage)
      implements ServerMessage {
    public Welcome {
      Require.id(session, "session");
      Require.atLeast(headSeq, 0, "headSeq");
      Require.id(role, "role");
      peers = peers == null ? List.of() : Require.list(peers, 10_000, "peers");
      if (reset) {
        Require.present(snapshot, "snapshot");
      }
      if (maxBlobBytes != null) {
        Require.atLeast(maxBlobBytes, 1, "maxBlobBytes");
      }
      if (maxHistoryPage != null) {
        Require.atLeast(maxHistoryPage, 1, "maxHistoryPage");
      }
    }

    /** A welcome from a relay that serves no history (as before R116). */
    public Welcome(
        String session,
        long headSeq,
        String role,
        List<Peer> peers,
        BoardSnapshot snapshot,
        boolean reset,
        Long maxBlobBytes) {
      this(session, headSeq, role, peers, snapshot, reset, maxBlobBytes, null);
    }

    /** A welcome from a relay that stores no images (as before R107). */
    public Welcome(
        String session,
        long headSeq,
        String role,
        List<Peer> peers,
        BoardSnapshot snapshot,
        boolean reset) {
      this(session, headSeq, role, peers, snapshot, reset, null, null);
    }

    /** Whether the relay stores images (R109). */
    public boolean storesBlobs() {
      return maxBlobBytes != null;
    }

    /** Whether the relay answers {@code history_get} (R120). */
    public boolean servesHistory() {
      return maxHistoryPage != null;
    }
  }

  /**
   * An op from another member (or a catch-up op), with the seq the relay gave it (R14, R25).
   *
   * @param durable optional: every op of the room up to this seq was durable when the relay sent
   *     this (R26); the same for every member, so one frame still serves them all
   * @param t optional: when the relay sequenced the op, epoch milliseconds by its clock (R116);
   *     absent from relays before R116 and for ops they stored
   */
  record OpBroadcast(long seq, String id, String clientId, Op op, Long durable, Long t)
      implements ServerMessage {
    public OpBroadcast {
      Require.atLeast(seq, 1, "seq");
      Require.id(id, "id");
      Require.id(clientId, "clientId");
      Require.present(op, "op");
      durable = Durable.optional(durable);
      t = OpTime.optional(t);
    }

    /** A broadcast that says nothing about durability or time. */
    public OpBroadcast(long seq, String id, String clientId, Op op) {
      this(seq, id, clientId, op, null, null);
    }

    /** A broadcast that says nothing about the op's time (as before R116). */
    public OpBroadcast(long seq, String id, String clientId, Op op, Long durable) {
      this(seq, id, clientId, op, durable, null);
    }
  }

  /**
   * The sender's op is stored at {@code seq}; {@code duplicate} when it was stored before (R14,
   * R15). {@code durable}, optional: every op of the room up to it was durable when the relay sent
   * this (R26). {@code t}, optional: when the relay sequenced the op (R116), the same time its
   * broadcast carries.
   */
  record Ack(String id, long seq, boolean duplicate, Long durable, Long t)
      implements ServerMessage {
    public Ack {
      Require.id(id, "id");
      Require.atLeast(seq, 1, "seq");
      durable = Durable.optional(durable);
      t = OpTime.optional(t);
    }

    /** An ack that says nothing about durability or time. */
    public Ack(String id, long seq, boolean duplicate) {
      this(id, seq, duplicate, null, null);
    }

    /** An ack that says nothing about the op's time (as before R116). */
    public Ack(String id, long seq, boolean duplicate, Long durable) {
      this(id, seq, duplicate, durable, null);
    }
  }

  /**
   * The op was not stored. {@code retryAfterMs} > 0: resend it after that long (rate limit); 0: do
   * not resend (e.g. {@code reason} "viewer" or "invalid"). R16, R17.
   */
  record Nack(String id, String reason, long retryAfterMs) implements ServerMessage {
    public Nack {
      Require.id(id, "id");
      Require.id(reason, "reason");
      Require.atLeast(retryAfterMs, 0, "retryAfterMs");
    }
  }

  /**
   * Catch-up is complete: the client has every op up to {@code seq} (R11). {@code opId} is the id
   * of the op at {@code seq} (null when {@code seq} is 0), for the client's next hello (R12).
   */
  record Synced(long seq, String opId) implements ServerMessage {
    public Synced {
      Require.atLeast(seq, 0, "seq");
      if (opId != null) {
        Require.id(opId, "opId");
      }
    }

    /** A synced that does not name the op at {@code seq}. */
    public Synced(long seq) {
      this(seq, null);
    }
  }

  /**
   * Every op of the room up to {@code seq} is durable: the relay can no longer lose it, even in a
   * crash (R26). Acks and broadcasts leave before this; a client keeps its own ops until a {@code
   * durable} covers them.
   */
  record Durable(long seq) implements ServerMessage {
    public Durable {
      Require.atLeast(seq, 1, "seq");
    }

    /**
     * The {@code durable} field of an op broadcast or an ack (R26): null when absent or 0 (nothing
     * durable yet is not news), else at least 1.
     */
    static Long optional(Long durable) {
      if (durable == null || durable == 0) {
        return null;
      }
      Require.atLeast(durable, 1, "durable");
      return durable;
    }
  }

  /**
   * Another member's presence (R18): pointer and selection, and since R88–R94 their view, whether
   * they present, their laser trail and their text draft. It replaces that member's previous
   * presence whole (R92).
   */
  record PresenceBroadcast(
      String clientId,
      Cursor cursor,
      List<String> selection,
      ViewCentre view,
      Boolean presenting,
      Points laser,
      TextDraft draft)
      implements ServerMessage {
    public PresenceBroadcast {
      Require.id(clientId, "clientId");
      selection = selection == null ? List.of() : selection;
      Require.list(selection, ProtocolLimits.MAX_SELECTION, "selection");
      presenting = Boolean.TRUE.equals(presenting) ? Boolean.TRUE : null;
      laser = ClientMessage.Presence.laser(laser);
    }

    /** Pointer and selection only, as before R88. */
    public PresenceBroadcast(String clientId, Cursor cursor, List<String> selection) {
      this(clientId, cursor, selection, null, null, null, null);
    }

    /** What {@code clientId} sent, as the relay forwards it. */
    public static PresenceBroadcast of(String clientId, ClientMessage.Presence p) {
      return new PresenceBroadcast(
          clientId, p.cursor(), p.selection(), p.view(), p.presenting(), p.laser(), p.draft());
    }

    /** Whether the member asks everyone to follow them (R89). */
    public boolean asksToFollow() {
      return presenting != null;
    }
  }

  /** Someone entered the room (R19). */
  record Joined(Peer peer) implements ServerMessage {
    public Joined {
      Require.present(peer, "peer");
    }
  }

  /** Someone left the room (R19). */
  record Left(String clientId) implements ServerMessage {
    public Left {
      Require.id(clientId, "clientId");
    }
  }

  /** The answer to {@code ping}, echoing its {@code t} (R20). */
  record Pong(long t) implements ServerMessage {}

  /**
   * Something the client sent was refused; usually followed by a close with the matching code (R5,
   * R8, R9).
   *
   * @param code machine-readable, e.g. {@code malformed}, {@code too_big}, {@code op_before_hello}
   * @param message plain words for logs
   * @param ref the op id or message type concerned, if any
   */
  record Error(String code, String message, String ref) implements ServerMessage {
    public Error {
      Require.id(code, "code");
      Require.text(message, "message", 1_000);
      Require.optionalText(ref, "ref", ProtocolLimits.MAX_ID_LENGTH);
    }
  }

  /**
   * One chunk of a blob the client asked for with {@code blob_get} (R112), in order from offset 0;
   * the relay may send other messages between two chunks.
   *
   * @param blob the SHA-256 of the whole file
   * @param mime the file's media type
   * @param size the whole file's length in bytes
   * @param offset where {@code data} starts in the file
   * @param data 1 to 49,152 bytes, written as base64
   */
  record BlobData(String blob, String mime, long size, long offset, byte[] data)
      implements ServerMessage, BlobChunk {
    public BlobData {
      BlobChunkFields.check(blob, mime, size, offset, data);
    }

    @Override
    public boolean equals(Object o) {
      return BlobChunkFields.equal(this, o);
    }

    @Override
    public int hashCode() {
      return BlobChunkFields.hash(this);
    }

    @Override
    public String toString() {
      return BlobChunkFields.describe(this);
    }
  }

  /**
   * The room holds the blob durably (R110): ops that show it may now be sent. Also the answer to an
   * upload of a blob the room already held.
   */
  record BlobStored(String blob) implements ServerMessage {
    public BlobStored {
      BlobChunkFields.requireBlobId(blob);
    }
  }

  /**
   * An upload or a fetch was refused (R111, R113). {@code retryAfterMs} > 0: try again (from offset
   * 0) after that long; 0: do not, for this reason.
   *
   * @param blob the blob concerned
   * @param reason {@code viewer}, {@code too_big}, {@code room_full}, {@code hash_mismatch}, {@code
   *     bad_chunk}, {@code bad_image}, {@code not_found}, {@code busy} or {@code rate_limited};
   *     clients treat an unknown one by {@code retryAfterMs} alone
   * @param retryAfterMs when to try again, or 0
   */
  record BlobRefused(String blob, String reason, long retryAfterMs) implements ServerMessage {
    public BlobRefused {
      BlobChunkFields.requireBlobId(blob);
      Require.id(reason, "reason");
      Require.atLeast(retryAfterMs, 0, "retryAfterMs");
    }
  }

  /**
   * One page of the room's history (R117, R118), the answer to a {@code history_get}.
   *
   * @param from the {@code from} of the request this answers
   * @param base when {@code from} was below the oldest op the relay keeps (retention, R118): the
   *     stored snapshot the kept ops start from, and {@code ops} begin at its seq + 1; null
   *     otherwise
   * @param ops stored ops in seq order without gaps, from {@code from} (or from {@code base.seq +
   *     1}); empty when {@code from} is above the head
   * @param next the {@code from} of the next page; null when this page reached {@code headSeq}
   * @param headSeq the room's newest seq when the page was read
   */
  record History(long from, BoardSnapshot base, List<HistoryOp> ops, Long next, long headSeq)
      implements ServerMessage {
    public History {
      Require.atLeast(from, 1, "from");
      ops = Require.list(ops, ProtocolLimits.MAX_HISTORY_PAGE_OPS, "ops");
      if (next != null) {
        Require.atLeast(next, 1, "next");
      }
      Require.atLeast(headSeq, 0, "headSeq");
    }
  }

  /**
   * A {@code history_get} was not answered (R119). {@code retryAfterMs} > 0: ask again after that
   * long; clients treat an unknown {@code reason} by {@code retryAfterMs} alone.
   *
   * @param reason {@code rate_limited}, {@code busy} (a page is still under way) or {@code
   *     unavailable} (the relay could not read its storage)
   */
  record HistoryRefused(String reason, long retryAfterMs) implements ServerMessage {
    public HistoryRefused {
      Require.id(reason, "reason");
      Require.atLeast(retryAfterMs, 0, "retryAfterMs");
    }
  }

  /** The {@code t} of ops (R116). */
  final class OpTime {
    private OpTime() {}

    /** Null when absent or 0 (no time known), else at least 1. */
    static Long optional(Long t) {
      if (t == null || t == 0) {
        return null;
      }
      Require.atLeast(t, 1, "t");
      return t;
    }
  }
}
