package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.history.local.FileBackedHistory;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A board that is not shared ("Work offline", or a file opened on its own). There is no relay and
 * no offline journal: every op is confirmed, and durable as far as sync is concerned, the moment it
 * is made (saving the file is the user's business). Every confirmed op is recorded with its time as
 * the board's history (issue 17), which {@link #history()} serves in the relay's page form and
 * {@link #fileHistory()} keeps beside the board's file.
 */
public final class LocalOnlySession implements BoardSession {
  private final LocalBoard board;
  private final String title;
  private final String clientId;
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final BlobSource blobs;
  private final LongSupplier clock;
  private final FileBackedHistory history = new FileBackedHistory();

  /** A board whose pictures are kept in memory only (tests, previews). */
  public LocalOnlySession(LocalBoard board, String title, String clientId) {
    this(board, title, clientId, MEMORY_BLOBS, System::currentTimeMillis);
  }

  /** A board whose pictures are kept in {@code store} (the app's, {@code <home>/blobs}). */
  public LocalOnlySession(LocalBoard board, String title, String clientId, BlobStore store) {
    this(board, title, clientId, BlobSource.of(store), System::currentTimeMillis);
  }

  /** A board with pictures in memory whose op times come from {@code clock} (epoch ms; tests). */
  public LocalOnlySession(LocalBoard board, String title, String clientId, LongSupplier clock) {
    this(board, title, clientId, MEMORY_BLOBS, clock);
  }

  private LocalOnlySession(
      LocalBoard board, String title, String clientId, BlobSource blobs, LongSupplier clock) {
    this.blobs = blobs;
    this.clock = clock;
    this.board = board;
    this.title = title;
    this.clientId = clientId;
    // Nobody will acknowledge local ops: confirm them at once so nothing looks pending.
    board.setSink(
        op -> {
          long seq = board.confirmedSeq() + 1;
          board.acknowledge(op.id(), seq);
          if (board.confirmedSeq() != seq) {
            return; // not a pending op of this board: nothing was confirmed
          }
          HistoryOp sequenced =
              new HistoryOp(seq, op.id(), clientId, Math.max(1, clock.getAsLong()), op.op());
          history.record(sequenced);
          listeners.forEach(l -> l.opSequenced(sequenced));
        });
  }

  @Override
  public HistorySource history() {
    return history.history();
  }

  /** The history tied to the board's file: opened with it, logged beside it, saved into it. */
  public FileBackedHistory fileHistory() {
    return history;
  }

  @Override
  public LocalBoard board() {
    return board;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String clientId() {
    return clientId;
  }

  @Override
  public BlobSource blobs() {
    return blobs;
  }

  @Override
  public ConnectionState state() {
    return new ConnectionState.Offline();
  }

  @Override
  public Collection<Peer> peers() {
    return List.of();
  }

  @Override
  public void addListener(SessionListener listener) {
    listeners.add(listener);
    listener.stateChanged(state());
  }

  @Override
  public void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void sendPresence(Cursor cursor, List<String> selection) {}

  @Override
  public void reconnectNow() {}

  @Override
  public void goOffline() {}

  @Override
  public void close() {
    listeners.clear();
    history.close();
  }
}
