package dev.drawbridge.client.sync;

import dev.drawbridge.client.sync.ConnectionState.Failed;
import dev.drawbridge.client.sync.ConnectionState.Failed.Kind;
import dev.drawbridge.protocol.CloseCodes;
import java.util.Optional;

/**
 * Turns a refused handshake, a terminal close code, or the failed first attempt of a board that has
 * never connected into a {@link ConnectionState.Failed} in plain words: these are the endings the
 * session does not retry on its own. The reasons are English for logs and tests; the UI words each
 * {@link Kind} in the user's language.
 */
final class ConnectionFailures {
  /** RFC 6455: the connection closed without a close frame (never sent on the wire). */
  private static final int ABNORMAL_CLOSURE = 1006;

  private static final String TOKEN_REFUSED =
      "The relay did not accept the invite token: it may have expired or be for another board.";

  private ConnectionFailures() {}

  /** For a terminal close code ({@link CloseCodes#isTerminal}); {@code reason} is the close's. */
  static Failed forCloseCode(int code, String reason) {
    return switch (code) {
      case CloseCodes.UNAUTHORIZED -> new Failed(Kind.UNAUTHORIZED, TOKEN_REFUSED);
      case CloseCodes.FORBIDDEN ->
          new Failed(Kind.FORBIDDEN, "The relay does not allow you on this board.");
      case CloseCodes.REPLACED -> new Failed(Kind.REPLACED, "This board was opened elsewhere.");
      case CloseCodes.CLIENT_ID_TAKEN ->
          new Failed(
              Kind.CLIENT_ID_TAKEN, "Another device is using this board under your identity.");
      case CloseCodes.HOST_ENDED -> new Failed(Kind.HOST_ENDED, "The host ended this board.");
      case CloseCodes.ROOM_FULL -> new Failed(Kind.ROOM_FULL, "This board is full.");
      case CloseCodes.VERSION_NOT_SUPPORTED ->
          new Failed(
              Kind.VERSION,
              "SERVER_TOO_OLD".equals(reason)
                  ? "The relay is older than this app: ask its owner to update it."
                  : "This app is too old for the relay: please update Drawbridge.");
      // A code this build does not know: say what the relay said, never guess "version".
      default ->
          new Failed(
              Kind.OTHER,
              "closed with " + code + (reason == null || reason.isBlank() ? "" : ": " + reason));
    };
  }

  /**
   * For an HTTP status that refused the handshake (R1-R4, R22); empty for one worth retrying (e.g.
   * a 429 or a proxy's 502) on a board that has connected before. A board that never connected is
   * not retried: whatever answered is named.
   *
   * @param tokenGiven whether the attempt carried a token: without one, 401/403 mean the board
   *     needs an invitation link
   */
  static Optional<Failed> forHttpStatus(int status, boolean tokenGiven, boolean connectedOnce) {
    if ((status == 401 || status == 403) && !tokenGiven) {
      return Optional.of(
          new Failed(Kind.INVITATION_NEEDED, "This board needs an invitation link."));
    }
    return switch (status) {
      case 401 -> Optional.of(new Failed(Kind.UNAUTHORIZED, TOKEN_REFUSED));
      case 403 ->
          Optional.of(
              new Failed(Kind.FORBIDDEN, "The relay does not allow this board with this invite."));
      case 404 ->
          Optional.of(
              new Failed(
                  connectedOnce ? Kind.BAD_ADDRESS : Kind.NOT_A_RELAY,
                  "No Drawbridge relay answers at this address (HTTP 404)."));
      case 429 ->
          connectedOnce
              ? Optional.empty()
              : Optional.of(
                  new Failed(Kind.ROOM_FULL, "The relay has too many connections (HTTP 429)."));
      default ->
          connectedOnce
              ? Optional.empty()
              : Optional.of(
                  new Failed(
                      Kind.NOT_A_RELAY,
                      "The server answered HTTP " + status + ", not a relay handshake."));
    };
  }

  /**
   * For a first attempt the transport could classify ({@link TransportListener#onConnectFailed}).
   */
  static Failed forConnectFailure(ConnectFailure failure, String detail) {
    String words = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
    return switch (failure) {
      case NO_ANSWER -> new Failed(Kind.NO_ANSWER, "Nothing answers at this address" + words);
      case NOT_A_RELAY ->
          new Failed(Kind.NOT_A_RELAY, "What answers is not a Drawbridge relay" + words);
      case NOT_TLS ->
          new Failed(Kind.NOT_TLS, "The server does not speak wss:// (TLS); try ws://" + words);
      case NEEDS_TLS -> new Failed(Kind.NEEDS_TLS, "The server speaks TLS; use wss://" + words);
      case UNTRUSTED_CERTIFICATE ->
          new Failed(Kind.UNTRUSTED_CERTIFICATE, "The server's certificate is not trusted" + words);
    };
  }

  /**
   * For a board that never connected, when its attempt ended without a classified failure: a socket
   * that never opened, went silent ({@code code} negative) or dropped without a close frame (1006,
   * a relay killed or a network gone mid-handshake) found nothing that answers, for now; a close
   * frame after the upgrade and before the first catch-up means what answered is not a relay this
   * app can use (4010: the room is full).
   */
  static Failed neverConnected(int code, String reason, boolean opened) {
    if (code == CloseCodes.ROOM_FULL) {
      return forCloseCode(code, reason);
    }
    if (!opened || code < 0 || code == ABNORMAL_CLOSURE) {
      return new Failed(Kind.NO_ANSWER, "Nothing answers at this address (" + reason + ")");
    }
    return new Failed(
        Kind.NOT_A_RELAY, "The server closed the connection before the board was sent: " + code);
  }
}
