package dev.drawbridge.relay.net;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;

/**
 * The connections whose handshake has not finished. Java-WebSocket never closes a socket whose
 * handshake it refused: {@link #sweep} (every 25 ms) closes it once its response is written (R72).
 */
final class UnfinishedHandshakes {
  private final Set<RelayConnection> connections = ConcurrentHashMap.newKeySet();

  void add(RelayConnection conn) {
    connections.add(conn);
  }

  void sweep() {
    for (RelayConnection conn : connections) {
      if (conn.getReadyState() != ReadyState.NOT_YET_CONNECTED) {
        connections.remove(conn); // opened, or closed
      } else if (conn.closeIfRefusalWritten()) {
        connections.remove(conn);
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
