package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.List;

/**
 * One open board: its {@link LocalBoard} and, when shared, the live connection that keeps it in
 * step with the room. The UI draws on {@link #board()} and watches the session through a {@link
 * SessionListener}; it never sees sockets. Call from the UI thread.
 */
public interface BoardSession extends AutoCloseable {
  /** The pictures of sessions that keep none on disk (see {@link #blobs()}). */
  BlobSource MEMORY_BLOBS = BlobSource.inMemory();

  /** The board to draw on and render. */
  LocalBoard board();

  /** A short name for the title and status bar: the room, or the file. */
  String title();

  /** This user's client id (other members see it in presence and op authorship). */
  String clientId();

  /**
   * The name this user joined the board with, which the other members see, or null when the session
   * has none of its own (a local board): then the name in the settings is this user's.
   */
  default String memberName() {
    return null;
  }

  ConnectionState state();

  /**
   * What this user may do on the board: "editor" or "viewer" (a local board is always editable).
   */
  default String role() {
    return "editor";
  }

  /** The other members, in the order they joined the room. */
  Collection<Peer> peers();

  /**
   * How many of {@link #peers()} (the first ones) joined before this user, so that everyone's
   * screen agrees on the order people joined in (used to tell apart two people of one colour).
   */
  default int peersBeforeMe() {
    return 0;
  }

  void addListener(SessionListener listener);

  void removeListener(SessionListener listener);

  /** Shares this user's pointer (null when it leaves the board) and selection; best effort. */
  void sendPresence(Cursor cursor, List<String> selection);

  /**
   * Shares this user's whole presence: pointer, selection, view, presenting, laser points since the
   * last call and text draft (R88–R92); best effort. Laser points of calls the throttle folds
   * together are kept (the newest ones, R90).
   */
  default void sendPresence(ClientMessage.Presence presence) {
    sendPresence(presence.cursor(), presence.selection());
  }

  /**
   * Where this board's pictures are kept and come from (R107–R112): put an image's bytes here
   * before submitting the op that shows it. Sessions that keep no store on disk keep them in
   * memory.
   */
  default BlobSource blobs() {
    return MEMORY_BLOBS;
  }

  /**
   * Whether pictures may be put on this board: false once the relay said it stores none (its
   * welcome had no {@code maxBlobBytes}, R109, R114). Local boards and boards not yet connected
   * hold them (they wait in the journal).
   */
  default boolean holdsImages() {
    return true;
  }

  /**
   * Where this board's past comes from (issue 17): the relay's history pages (R117) once its
   * welcome said it serves them, or a local board's own record. {@link HistorySource#NONE} by
   * default: the app then records what it sees while the board is open ({@code BoardHistory}).
   */
  default HistorySource history() {
    return HistorySource.NONE;
  }

  /** Skips the backoff wait and tries to connect now. No-op for a local board. */
  void reconnectNow();

  /** Disconnects on purpose; local edits keep being journaled. No-op for a local board. */
  void goOffline();

  /** Flushes what is pending to disk and closes the connection. */
  @Override
  void close();
}
