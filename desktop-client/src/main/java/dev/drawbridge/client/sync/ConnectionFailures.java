package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.CloseCodes;
import java.util.Optional;

/**
 * Turns a refused handshake or a terminal close code into a {@link ConnectionState.Failed} in plain
 * words: these are the endings the session does not retry on its own.
 */
final class ConnectionFailures {
  private static final String TOKEN_REFUSED =
      "The relay did not accept the invite token: it may have expired or be for another board.";

  private ConnectionFailures() {}

  /** For a terminal close code ({@link CloseCodes#isTerminal}); {@code reason} is the close's. */
  static ConnectionState.Failed forCloseCode(int code, String reason) {
    return switch (code) {
      case CloseCodes.UNAUTHORIZED ->
          new ConnectionState.Failed(ConnectionState.Failed.Kind.UNAUTHORIZED, TOKEN_REFUSED);
      case CloseCodes.FORBIDDEN ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.FORBIDDEN, "The relay does not allow you on this board.");
      case CloseCodes.REPLACED ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.REPLACED, "This board was opened elsewhere.");
      case CloseCodes.CLIENT_ID_TAKEN ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.CLIENT_ID_TAKEN,
              "Another device is using this board under your identity.");
      default ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.VERSION,
              "SERVER_TOO_OLD".equals(reason)
                  ? "The relay is older than this app: ask its owner to update it."
                  : "This app is too old for the relay: please update Drawbridge.");
    };
  }

  /**
   * For an HTTP status that refused the handshake (R1-R3); empty for one worth retrying (e.g. a 429
   * or a proxy's 502).
   */
  static Optional<ConnectionState.Failed> forHttpStatus(int status) {
    return switch (status) {
      case 401 ->
          Optional.of(
              new ConnectionState.Failed(ConnectionState.Failed.Kind.UNAUTHORIZED, TOKEN_REFUSED));
      case 403 ->
          Optional.of(
              new ConnectionState.Failed(
                  ConnectionState.Failed.Kind.FORBIDDEN,
                  "The relay does not allow this board with this invite."));
      case 404 ->
          Optional.of(
              new ConnectionState.Failed(
                  ConnectionState.Failed.Kind.BAD_ADDRESS,
                  "No Drawbridge relay answers at this address."));
      default -> Optional.empty();
    };
  }
}
