package dev.drawbridge.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.ObjectsOnlyTypeResolver;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;
import java.util.List;

/**
 * Everything a client may send to the relay (docs/protocol.md section 4: hello R5/R6/R10–R12, op
 * R13–R17, presence R18, ping R20; section 16: blob_put R110, blob_get R112; section 17:
 * history_get R117).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonTypeResolver(ObjectsOnlyTypeResolver.class)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
  @JsonSubTypes.Type(value = ClientMessage.SubmitOp.class, name = "op"),
  @JsonSubTypes.Type(value = ClientMessage.Presence.class, name = "presence"),
  @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
  @JsonSubTypes.Type(value = ClientMessage.BlobPut.class, name = "blob_put"),
  @JsonSubTypes.Type(value = ClientMessage.BlobGet.class, name = "blob_get"),
  @JsonSubTypes.Type(value = ClientMessage.HistoryGet.class, name = "history_get"),
})
public sealed interface ClientMessage {

  /** The wire {@code type} of {@code message}, e.g. {@code "op"}: an error's {@code ref} (R5). */
  static String typeName(ClientMessage message) {
    return switch (message) {
      case Hello hello -> "hello";
      case SubmitOp op -> "op";
      case Presence presence -> "presence";
      case Ping ping -> "ping";
      case BlobPut put -> "blob_put";
      case BlobGet get -> "blob_get";
      case HistoryGet get -> "history_get";
    };
  }

  /**
   * The first message on every connection (R5, R6, R10–R12).
   *
   * @param protocolVersion the client's protocol version ({@code ProtocolVersion})
   * @param clientId stable per installation and board; op authorship and presence use it
   * @param name display name shown to others
   * @param color the user's colour for cursors and the people panel
   * @param lastSeq the highest seq the client has applied (0 for none)
   * @param lastOpId the id of the op at {@code lastSeq}, if the client knows it: the relay checks
   *     it against its log, so a client whose history the relay no longer has (a relay that lost
   *     ops it had broadcast) is reset even when the room's head has grown past {@code lastSeq}
   *     again (R12). Optional; null when {@code lastSeq} is 0.
   * @param clientKey the secret this installation keeps for this board next to its client id: the
   *     room lets a {@code clientId} it has seen with a key in only with the same key (R80–R85).
   *     Optional (clients before it omit it); never broadcast, and left out of {@link #toString}.
   */
  record Hello(
      int protocolVersion,
      String clientId,
      String name,
      String color,
      long lastSeq,
      String lastOpId,
      String clientKey)
      implements ClientMessage {
    public Hello {
      Require.id(clientId, "clientId");
      Require.text(name, "name", ProtocolLimits.MAX_NAME_LENGTH);
      Require.color(color, "color");
      Require.atLeast(lastSeq, 0, "lastSeq");
      if (lastOpId != null) {
        Require.id(lastOpId, "lastOpId");
      }
      if (clientKey != null) {
        Require.id(clientKey, "clientKey");
      }
    }

    /** A hello that does not name the op at {@code lastSeq} (no history check, R12). */
    public Hello(int protocolVersion, String clientId, String name, String color, long lastSeq) {
      this(protocolVersion, clientId, name, color, lastSeq, null, null);
    }

    /** A hello without a client key: what clients before R80 send. */
    public Hello(
        int protocolVersion,
        String clientId,
        String name,
        String color,
        long lastSeq,
        String lastOpId) {
      this(protocolVersion, clientId, name, color, lastSeq, lastOpId, null);
    }

    /** The same hello with {@code key} as its client key (R80). */
    public Hello withClientKey(String key) {
      return new Hello(protocolVersion, clientId, name, color, lastSeq, lastOpId, key);
    }

    // A record prints every component: the key must not reach a log line through it (R84).
    @Override
    public String toString() {
      return "Hello[protocolVersion=%d, clientId=%s, name=%s, color=%s, lastSeq=%d, lastOpId=%s, clientKey=%s]"
          .formatted(
              protocolVersion,
              clientId,
              name,
              color,
              lastSeq,
              lastOpId,
              clientKey == null ? null : "(hidden)");
    }
  }

  /**
   * A drawing op. {@code id} is unique per op and kept across resends, so the relay can ack a
   * replayed op with its original seq instead of storing it twice (R13–R17).
   */
  record SubmitOp(String id, Op op) implements ClientMessage {
    public SubmitOp {
      Require.id(id, "id");
      Require.present(op, "op");
    }
  }

  /**
   * Ephemeral: where the user's pointer is (null when off the board) and what they selected (R18);
   * since R88–R94 also what they look at, whether they present, their laser trail and the text they
   * are typing. Each presence replaces the sender's previous one whole (R92): an absent field means
   * none (no view known, not presenting, no laser points since the last one, no draft).
   *
   * @param view the centre and zoom of the sender's view, for others to follow (R88); optional
   * @param presenting true while the sender asks everyone to follow them (R89); null means false
   * @param laser laser pointer points (board units) since the sender's previous presence, at most
   *     {@link ProtocolLimits#MAX_LASER_POINTS} (R90); null or empty for none
   * @param draft text being typed and not yet committed (R91); optional
   */
  record Presence(
      Cursor cursor,
      List<String> selection,
      ViewCentre view,
      Boolean presenting,
      Points laser,
      TextDraft draft)
      implements ClientMessage {
    public Presence {
      selection = selection == null ? List.of() : selection;
      Require.list(selection, ProtocolLimits.MAX_SELECTION, "selection");
      selection.forEach(id -> Require.id(id, "selection[]"));
      presenting = Boolean.TRUE.equals(presenting) ? Boolean.TRUE : null;
      laser = Presence.laser(laser);
    }

    /** Pointer and selection only, as before R88. */
    public Presence(Cursor cursor, List<String> selection) {
      this(cursor, selection, null, null, null, null);
    }

    /** Whether the sender asks everyone to follow them (R89). */
    public boolean asksToFollow() {
      return presenting != null;
    }

    /** Empty laser runs are not written; more than the limit is too big (R9, R90). */
    static Points laser(Points laser) {
      if (laser == null || laser.isEmpty()) {
        return null;
      }
      if (laser.size() > ProtocolLimits.MAX_LASER_POINTS) {
        throw Require.tooBig("laser", "more than " + ProtocolLimits.MAX_LASER_POINTS + " points");
      }
      return laser;
    }
  }

  /** Application-level heartbeat; the relay answers {@code pong} with the same {@code t} (R20). */
  record Ping(long t) implements ClientMessage {}

  /**
   * One chunk of an image file the client uploads (R110). Chunks of one blob go in order, each
   * starting where the previous one ended; the relay checks the whole file's SHA-256 against {@code
   * blob} after the chunk that reaches {@code size}.
   *
   * @param blob the SHA-256 of the whole file (R108)
   * @param mime the file's media type (R107)
   * @param size the whole file's length in bytes
   * @param offset where {@code data} starts in the file
   * @param data 1 to 49,152 bytes, written as base64
   */
  record BlobPut(String blob, String mime, long size, long offset, byte[] data)
      implements ClientMessage, BlobChunk {
    public BlobPut {
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

  /** Asks for the bytes of a blob the room holds; answered by {@code blob_data} chunks (R112). */
  record BlobGet(String blob) implements ClientMessage {
    public BlobGet {
      BlobChunkFields.requireBlobId(blob);
    }
  }

  /**
   * Asks for a page of the room's history (R117): the stored ops from seq {@code from} on, at most
   * {@code limit} of them. Answered by one {@code history} or one {@code history_refused}. Sent
   * only to a relay whose welcome has {@code maxHistoryPage} (R120).
   *
   * @param from the first seq wanted, at least 1
   * @param limit how many ops at most, 1 to {@link ProtocolLimits#MAX_HISTORY_PAGE_OPS}
   */
  record HistoryGet(long from, int limit) implements ClientMessage {
    public HistoryGet {
      Require.atLeast(from, 1, "from");
      Require.atLeast(limit, 1, "limit");
      if (limit > ProtocolLimits.MAX_HISTORY_PAGE_OPS) {
        throw Require.tooBig("limit", "over " + ProtocolLimits.MAX_HISTORY_PAGE_OPS + " ops");
      }
    }
  }
}
