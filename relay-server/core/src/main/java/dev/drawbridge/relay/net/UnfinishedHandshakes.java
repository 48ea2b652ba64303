package dev.drawbridge.relay.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;

/**
 * The connections whose handshake has not finished. Java-WebSocket closes neither a socket whose
 * handshake it refused nor one whose request never completes: {@link #sweep} (every 25 ms) closes a
 * refused one once its response is written (R74) and any other at the handshake deadline (R75).
 */
final class UnfinishedHandshakes {
  private final Set<RelayConnection> connections = ConcurrentHashMap.newKeySet();
  private final long timeoutNanos;
  private final Consumer<RelayConnection> expired;

  /** {@code expired} hears of each connection closed at the deadline. */
  UnfinishedHandshakes(int timeoutSeconds, Consumer<RelayConnection> expired) {
    this.timeoutNanos = timeoutSeconds * 1_000_000_000L;
    this.expired = expired;
  }

  void add(RelayConnection conn) {
    connections.add(conn);
  }

  void sweep() {
    long now = System.nanoTime();
    for (RelayConnection conn : connections) {
      if (conn.getReadyState() != ReadyState.NOT_YET_CONNECTED) {
        connections.remove(conn); // opened, or closed
      } else if (conn.closeIfRefusalWritten()) {
        connections.remove(conn);
      } else {
        boolean refused = conn.isFlushAndClose(); // and the client does not read its response
        if (conn.closeIfUnfinished(now, timeoutNanos)) {
          connections.remove(conn);
          if (!refused) {
            expired.accept(conn);
          }
        }
      }
    }
  }

  /** Closes every connection still in its handshake (shutdown). */
  void closeAll() {
    for (RelayConnection conn : connections) {
      if (conn.getReadyState() == ReadyState.NOT_YET_CONNECTED) {
        conn.closeConnection(CloseFrame.NEVER_CONNECTED, "shutting down", false);
      }
    }
    connections.clear();
  }
}
