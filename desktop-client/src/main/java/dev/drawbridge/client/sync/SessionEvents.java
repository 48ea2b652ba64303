package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session's listeners and the connection state they were last told. The state lives here so a
 * change is announced exactly once, whichever part of the session causes it.
 */
final class SessionEvents {
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private ConnectionState state = new ConnectionState.Connecting();

  void add(SessionListener listener) {
    listeners.add(listener);
  }

  void remove(SessionListener listener) {
    listeners.remove(listener);
  }

  ConnectionState state() {
    return state;
  }

  void setState(ConnectionState next) {
    if (next.equals(state)) {
      return;
    }
    state = next;
    listeners.forEach(l -> l.stateChanged(next));
  }

  void peersChanged(Collection<Peer> peers) {
    listeners.forEach(l -> l.peersChanged(peers));
  }

  void pendingChanged(int pendingCount) {
    listeners.forEach(l -> l.pendingChanged(pendingCount));
  }

  void presence(ServerMessage.PresenceBroadcast presence) {
    listeners.forEach(l -> l.presence(presence));
  }

  void opRejected(String opId, String reason) {
    listeners.forEach(l -> l.opRejected(opId, reason));
  }

  void imageNotStored(String blobId, String reason) {
    listeners.forEach(l -> l.imageNotStored(blobId, reason));
  }

  void opSequenced(HistoryOp op) {
    listeners.forEach(l -> l.opSequenced(op));
  }
}
