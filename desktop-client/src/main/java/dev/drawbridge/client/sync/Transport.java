package dev.drawbridge.client.sync;

import java.net.URI;
import java.util.Map;

/**
 * A WebSocket as the session needs it. One connection at a time: {@link #connect} drops any
 * previous one, whose late events still go to its own listener (the session ignores them).
 * Implementations call listeners on their own threads.
 */
public interface Transport {
  /**
   * Opens a connection to {@code uri} with these handshake headers; events go to {@code listener}.
   */
  void connect(URI uri, Map<String, String> headers, TransportListener listener);

  /**
   * Sends one text frame on the current connection. Returns false (never throws) when there is no
   * open connection, including when the socket closed underneath.
   */
  boolean send(String text);

  /**
   * Closes the current connection now, without waiting for the peer (a half-open connection would
   * never answer a closing handshake). Its listener may or may not hear about it.
   */
  void close(int code, String reason);
}
