package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A board that is not shared ("Work offline", or a file opened on its own). There is no relay and
 * no offline journal: every op is confirmed, and durable as far as sync is concerned, the moment it
 * is made (saving the file is the user's business).
 */
public final class LocalOnlySession implements BoardSession {
  private final LocalBoard board;
  private final String title;
  private final String clientId;
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final BlobSource blobs;

  /** A board whose pictures are kept in memory only (tests, previews). */
  public LocalOnlySession(LocalBoard board, String title, String clientId) {
    this(board, title, clientId, MEMORY_BLOBS);
  }

  /** A board whose pictures are kept in {@code store} (the app's, {@code <home>/blobs}). */
  public LocalOnlySession(LocalBoard board, String title, String clientId, BlobStore store) {
    this(board, title, clientId, BlobSource.of(store));
  }

  private LocalOnlySession(LocalBoard board, String title, String clientId, BlobSource blobs) {
    this.blobs = blobs;
    this.board = board;
    this.title = title;
    this.clientId = clientId;
    // Nobody will acknowledge local ops: confirm them at once so nothing looks pending.
    board.setSink(op -> board.acknowledge(op.id(), board.confirmedSeq() + 1));
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
  }
}
