package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a room refuses: nacks (R16, R17, R26) and closes (R5, R6, R22), each counted by reason and
 * logged once. Stateless; called by transport threads, with or without the room's monitor.
 */
final class Refusals {
  // Its log lines keep the logger name they had before refusals left Room.
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private static final long STORAGE_BUSY_RETRY_MS = 1_000;
  private static final String STORAGE_BUSY = "storage_busy";

  private final String room;
  private final RoomMetrics metrics;
  private final Function<ServerMessage, Outbound> encode;

  Refusals(String room, RoomMetrics metrics, Function<ServerMessage, Outbound> encode) {
    this.room = room;
    this.metrics = metrics;
    this.encode = encode;
  }

  /**
   * Refuses a hello that is a second one, of an unsupported version (R6), to a failed room (1011,
   * it is being reloaded), with a client id someone else holds (R83) or to a full room (R22).
   * Returns whether it did: the connection is closing.
   */
  boolean refusesHello(
      Session s, ClientMessage.Hello hello, boolean roomFailed, boolean idTaken, boolean roomFull) {
    if (s.member() != null) {
      reject(s, "duplicate_hello", CloseCodes.MALFORMED, "hello was already sent");
      return true;
    }
    switch (ProtocolVersion.check(hello.protocolVersion())) {
      case CLIENT_TOO_OLD -> {
        close(s, "client_too_old", CloseCodes.VERSION_NOT_SUPPORTED, "CLIENT_TOO_OLD");
        return true;
      }
      case SERVER_TOO_OLD -> {
        close(s, "server_too_old", CloseCodes.VERSION_NOT_SUPPORTED, "SERVER_TOO_OLD");
        return true;
      }
      case OK -> {}
    }
    if (roomFailed) {
      s.close(CloseCodes.STORAGE_FAILURE, "storage failure");
      return true;
    }
    if (idTaken) {
      // Nothing reaches the room's members; the log names the id tried, never the key (R83, R84).
      metrics.rejected("client_id_taken");
      log.atWarn()
          .addKeyValue("room", room)
          .addKeyValue("client", hello.clientId())
          .addKeyValue("session", s.id())
          .addKeyValue("remote", s.remote())
          .addKeyValue("reason", "client_id_taken")
          .addKeyValue("closeCode", CloseCodes.CLIENT_ID_TAKEN)
          .log("connection refused");
      s.send(
          encode.apply(
              new ServerMessage.Error(
                  "client_id_taken", "this client id is in use by another installation", null)));
      s.close(CloseCodes.CLIENT_ID_TAKEN, "client id taken");
      return true;
    }
    if (roomFull) {
      close(s, "room_full", CloseCodes.ROOM_FULL, "room is full");
      return true;
    }
    return false;
  }

  /** {@code old} was replaced by a newer connection with the same client id and key (R82). */
  void replaced(Session old) {
    metrics.rejected("replaced");
    log.atInfo()
        .addKeyValue("room", room)
        .addKeyValue("client", old.clientId())
        .addKeyValue("session", old.id())
        .log("connection replaced by a newer one of the same client");
    old.send(
        encode.apply(
            new ServerMessage.Error("replaced", "this board was opened again elsewhere", null)));
    old.close(CloseCodes.REPLACED, "opened elsewhere");
  }

  /**
   * The room's log is far behind (a stalled disk): it refuses rather than hold ever more in memory,
   * and every later op of the connection until the retry time, so none overtakes this one; no
   * strike toward 4008. The client resends after the delay (R17, R26); nothing it drew is lost.
   */
  void storageBusy(Session s, String opId) {
    nack(s, opId, STORAGE_BUSY, STORAGE_BUSY_RETRY_MS);
    s.holdOff(STORAGE_BUSY, STORAGE_BUSY_RETRY_MS);
  }

  void nack(Session s, String opId, String reason, long retryAfterMs) {
    metrics.rejected(reason);
    log.atInfo()
        .addKeyValue("room", room)
        .addKeyValue("client", s.clientId())
        .addKeyValue("session", s.id())
        .addKeyValue("reason", reason)
        .addKeyValue("op", opId)
        .log("op refused");
    s.send(encode.apply(new ServerMessage.Nack(opId, reason, retryAfterMs)));
  }

  /** A {@code blob_get} refused (R112, R113); the connection stays. */
  void blobRefused(Session s, String blob, String reason, long retryAfterMs) {
    metrics.rejected("blob_" + reason);
    s.send(encode.apply(new ServerMessage.BlobRefused(blob, reason, retryAfterMs)));
  }

  /** A {@code history_get} refused (R119); the connection stays. */
  void historyRefused(Session s, ServerMessage.HistoryRefused refused) {
    metrics.rejected("history_" + refused.reason());
    s.send(encode.apply(refused));
  }

  /** Sends error{code} and closes with {@code closeCode}. */
  void reject(Session s, String code, int closeCode, String message) {
    reject(s, code, closeCode, message, null);
  }

  /**
   * Sends error{code, ref} and closes with {@code closeCode}; {@code ref} names what was refused.
   */
  void reject(Session s, String code, int closeCode, String message, String ref) {
    s.send(encode.apply(new ServerMessage.Error(code, message, ref)));
    close(s, code, closeCode, message);
  }

  /** Closes with {@code closeCode} and no error message. */
  private void close(Session s, String code, int closeCode, String reason) {
    metrics.rejected(code);
    log.atWarn()
        .addKeyValue("room", room)
        .addKeyValue("client", s.clientId())
        .addKeyValue("session", s.id())
        .addKeyValue("remote", s.remote())
        .addKeyValue("reason", code)
        .addKeyValue("closeCode", closeCode)
        .log("connection refused");
    s.close(closeCode, reason);
  }
}
