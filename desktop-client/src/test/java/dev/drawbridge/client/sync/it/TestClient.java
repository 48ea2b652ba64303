package dev.drawbridge.client.sync.it;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.JoinRequest;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.client.sync.SyncSession;
import dev.drawbridge.client.sync.SyncSessions;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real SyncSession over real sockets, with its own "UI thread" (a single-thread executor) that
 * every board call goes through, and a record of every op id it produced.
 */
final class TestClient implements AutoCloseable {
  final String name;
  final ExecutorService ui;
  final SyncSession session;
  final List<String> submitted = new CopyOnWriteArrayList<>();
  final List<String> rejected = new CopyOnWriteArrayList<>();
  final List<ConnectionState> states = new CopyOnWriteArrayList<>();
  final List<String> imagesNotStored = new CopyOnWriteArrayList<>();

  TestClient(String name, String serverUrl, String room, Path dataDir, SyncConfig config) {
    this(name, serverUrl, room, dataDir, config, null);
  }

  TestClient(
      String name, String serverUrl, String room, Path dataDir, SyncConfig config, String token) {
    this.name = name;
    this.ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-" + name));
    JoinRequest request = new JoinRequest(serverUrl, room, name, "#336699", token);
    this.session =
        call(() -> SyncSessions.open(request, dataDir, ui, config, new JavaWebSocketTransport()));
    run(
        () -> {
          session.board().addOpObserver(op -> submitted.add(op.id()));
          session.addListener(
              new SessionListener() {
                @Override
                public void stateChanged(ConnectionState state) {
                  states.add(state);
                }

                @Override
                public void opRejected(String opId, String reason) {
                  rejected.add(opId + " " + reason);
                }

                @Override
                public void imageNotStored(String blobId, String reason) {
                  imagesNotStored.add(blobId + " " + reason);
                }
              });
        });
  }

  <T> T call(Callable<T> task) {
    try {
      Future<T> f = ui.submit(task);
      return f.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(name + ": " + e, e);
    }
  }

  void run(Runnable task) {
    call(
        () -> {
          task.run();
          return null;
        });
  }

  void onBoard(Consumer<LocalBoard> action) {
    run(() -> action.accept(session.board()));
  }

  String hash() {
    return call(() -> session.board().view().hash());
  }

  /** The hash and every tombstone: what "converged" means ({@link BoardFingerprint}). */
  String wholeBoard() {
    return call(() -> BoardFingerprint.of(session.board().view()));
  }

  long confirmedSeq() {
    return call(() -> session.board().confirmedSeq());
  }

  int pending() {
    return call(session::pendingCount);
  }

  /** Acked ops the relay has not yet said are durable (R26). */
  int awaitingDurable() {
    return call(session::awaitingDurableCount);
  }

  ConnectionState state() {
    return call(session::state);
  }

  boolean synced() {
    return state() instanceof ConnectionState.Synced;
  }

  /** Synced, nothing pending, and at the given head. */
  boolean settledAt(long head) {
    return call(
        () ->
            session.state() instanceof ConnectionState.Synced
                && session.pendingCount() == 0
                && session.board().confirmedSeq() == head);
  }

  /** Puts {@code png} in the session's store and adds an image of it; returns the op id. */
  String addImage(String elementId, byte[] png) {
    return call(() -> ImageOps.add(session, elementId, png));
  }

  /** Whether the relay may hold pictures (its welcome had {@code maxBlobBytes}, R109). */
  boolean holdsImages() {
    return call(session::holdsImages);
  }

  /** Asks for {@code blobId} (in view) and returns its bytes if they are here now. */
  java.util.Optional<byte[]> fetch(String blobId) {
    return call(
        () -> {
          session.blobs().want(blobId, true);
          return session.blobs().bytes(blobId);
        });
  }

  @Override
  public void close() {
    try {
      run(session::close);
    } finally {
      ui.shutdown();
    }
  }
}
