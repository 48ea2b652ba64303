package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.Collection;

/**
 * What a board session tells the UI. Every call arrives on the session's UI executor
 * (Platform::runLater in the app, Runnable::run in tests).
 */
public interface SessionListener {
  default void stateChanged(ConnectionState state) {}

  /** Who else is in the room now. */
  default void peersChanged(Collection<Peer> peers) {}

  /** Another member's cursor or selection moved. */
  default void presence(ServerMessage.PresenceBroadcast presence) {}

  /**
   * The number of elements with local changes the relay has not acknowledged yet changed (a stroke
   * drawn offline counts once, however many ops it took).
   */
  default void pendingChanged(int pendingCount) {}

  /**
   * The relay refused a local op for good (e.g. {@code reason} "viewer": this user may only look);
   * it is gone from the board and the journal.
   */
  default void opRejected(String opId, String reason) {}
}
