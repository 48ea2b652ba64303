package dev.drawbridge.client.sync;

/** What a {@link Transport} connection reports; called on the transport's threads. */
public interface TransportListener {
  void onOpen();

  void onMessage(String text);

  /**
   * The connection closed (or never opened: refused, unreachable, timed out). {@code code} is the
   * WebSocket close code, or a negative number when the socket failed without one.
   */
  void onClosed(int code, String reason, boolean remote);

  /**
   * The server answered the handshake with an HTTP status instead of switching protocols (401 bad
   * token, 403 forbidden, 404 wrong path, 429 too many connections...). No onClosed follows.
   */
  void onHandshakeRejected(int httpStatus, String detail);

  /**
   * The connection never opened, for a reason the transport could tell ({@link ConnectFailure}). No
   * onClosed follows. Transports that cannot tell report a plain onClosed instead, as this default
   * does.
   */
  default void onConnectFailed(ConnectFailure failure, String detail) {
    onClosed(-1, detail, false);
  }
}
