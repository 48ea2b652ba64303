package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.message.HistoryOp;
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

  /**
   * A picture this user put on the board cannot be stored by the relay (docs/protocol.md R113):
   * {@code reason} is the relay's ({@code too_big}, {@code room_full}, {@code bad_image}, {@code
   * hash_mismatch}, {@code viewer}, …) and the image is gone from the board and the journal; or
   * {@link #IMAGES_NOT_SUPPORTED} once per session when the relay stores no pictures at all (R114):
   * those images stay in the journal, unsent, and the rest of the board goes on.
   */
  default void imageNotStored(String blobId, String reason) {}

  /**
   * The board's confirmed history took {@code op} (a member's op, catch-up included, or this user's
   * own once acknowledged; every op of a local board), in seq order and after the confirmed board
   * applied it. {@code op.t()} is the relay's time (R116), or null. For {@code BoardHistory}.
   */
  default void opSequenced(HistoryOp op) {}

  /** The {@code reason} of {@link #imageNotStored} for a relay that stores no pictures (R114). */
  String IMAGES_NOT_SUPPORTED = "not_supported";
}
