package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Opens shared boards: restores what is on disk, then connects. */
public final class SyncSessions {
  private SyncSessions() {}

  /**
   * Opens the board {@code request} names with the default timings. The board comes back at once as
   * it was on disk (confirmed board plus unsent ops) and connects in the background.
   *
   * <p>Reads the board's files (cached board, journal) before it returns: for a large board, call
   * it off the UI thread; the session then runs everything on {@code uiExecutor}.
   *
   * @param dataDir the app's data directory; the board gets its own folder under it
   * @param uiExecutor where every board and listener call runs ({@code Platform::runLater})
   * @param transport the socket this session (re)connects through, for this session alone: a
   *     transport holds one connection at a time, so two sessions on one would cut each other off
   * @throws IllegalArgumentException when the address or room name is not usable (plain words)
   * @throws UncheckedIOException when the board's files cannot be opened (e.g. open elsewhere)
   */
  public static SyncSession open(
      JoinRequest request, Path dataDir, Executor uiExecutor, Transport transport) {
    return open(request, dataDir, uiExecutor, SyncConfig.defaults(), transport);
  }

  /**
   * Like {@link #open(JoinRequest, Path, Executor, Transport)} with other timings. The board's
   * pictures are kept in {@code BlobStore.in(dataDir)}, the app-wide store when {@code dataDir} is
   * the app's home ({@code AppDirs.home()}).
   */
  public static SyncSession open(
      JoinRequest request,
      Path dataDir,
      Executor uiExecutor,
      SyncConfig config,
      Transport transport) {
    return open(request, dataDir, BlobStore.in(dataDir), uiExecutor, config, transport);
  }

  /** Like {@link #open(JoinRequest, Path, Executor, SyncConfig, Transport)} with a given store. */
  public static SyncSession open(
      JoinRequest request,
      Path dataDir,
      BlobStore blobStore,
      Executor uiExecutor,
      SyncConfig config,
      Transport transport) {
    URI uri = request.roomUri();
    BoardDirectory directory = null;
    try {
      directory = BoardDirectory.open(dataDir, uri, request.room());
      ProtocolCodec codec = new ProtocolCodec();
      ConfirmedCache cache = new ConfirmedCache(directory.confirmedFile(), codec);
      ConfirmedCache.Cached cached = cache.read();
      BoardSnapshot confirmed = cached.snapshot();
      OfflineJournal journal = OfflineJournal.open(directory.journalFile(), codec);
      LocalBoard board = new LocalBoard();
      board.restore(confirmed, cached.lastOpId(), journal.replayable(confirmed.seq()));
      ClientIdentity identity = directory.identity();

      ExecutorService io =
          Executors.newSingleThreadExecutor(r -> daemon(r, "drawbridge-journal-" + request.room()));
      Scheduler scheduler = Scheduler.daemon("drawbridge-sync-" + request.room());
      BoardDirectory dir = directory;
      AutoCloseable onClose =
          () -> {
            io.shutdown();
            io.awaitTermination(10, TimeUnit.SECONDS);
            scheduler.close();
            dir.close();
          };
      SyncSession session =
          new SyncSession(
              request,
              identity,
              board,
              journal,
              cache,
              config,
              uiExecutor,
              new SyncSession.Parts(
                  transport,
                  scheduler,
                  Clock.systemUTC(),
                  new ReconnectPolicy(
                      config.backoffBase(), config.backoffCap(), new SecureRandom()),
                  io,
                  onClose,
                  directory.connectedBefore(),
                  directory::rememberConnected),
              blobStore);
      session.start();
      return session;
    } catch (IOException e) {
      if (directory != null) {
        directory.close();
      }
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
