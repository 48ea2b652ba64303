package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.message.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A SyncSession on fakes: everything runs on the test thread, time moves on request. */
final class SessionHarness implements AutoCloseable {
  static final JoinRequest REQUEST =
      new JoinRequest("ws://relay.test:4000", "room-1", "Ada", "#112233", "tok");
  static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofSeconds(10), Duration.ofSeconds(25))
          .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
          .withSendWindow(8)
          .withSendRate(1e6, 1e6);

  final FakeTransport transport = new FakeTransport();
  final ManualScheduler scheduler = new ManualScheduler();
  final ReconnectPolicy policy;
  final SyncSession session;
  final BoardDirectory directory;
  final List<ConnectionState> states = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();
  final List<Integer> pendingCounts = new ArrayList<>();
  final List<String> imagesNotStored = new ArrayList<>();
  final BlobStore blobStore;

  SessionHarness(Path dataDir) {
    this(dataDir, CONFIG);
  }

  SessionHarness(Path dataDir, SyncConfig config) {
    blobStore = BlobStore.in(dataDir);
    try {
      ProtocolCodec codec = new ProtocolCodec();
      directory = BoardDirectory.open(dataDir, REQUEST.roomUri(), REQUEST.room());
      ConfirmedCache cache = new ConfirmedCache(directory.confirmedFile(), codec);
      ConfirmedCache.Cached cached = cache.read();
      BoardSnapshot confirmed = cached.snapshot();
      OfflineJournal journal = OfflineJournal.open(directory.journalFile(), codec);
      LocalBoard board = new LocalBoard();
      board.restore(confirmed, cached.lastOpId(), journal.replayable(confirmed.seq()));
      policy = new ReconnectPolicy(config.backoffBase(), config.backoffCap(), new Random(42));
      session =
          new SyncSession(
              REQUEST,
              directory.identity(),
              board,
              journal,
              cache,
              config,
              Runnable::run,
              new SyncSession.Parts(
                  transport, scheduler, scheduler.clock, policy, Runnable::run, directory::close),
              blobStore);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    session.addListener(
        new SessionListener() {
          @Override
          public void stateChanged(ConnectionState state) {
            states.add(state);
          }

          @Override
          public void opRejected(String opId, String reason) {
            rejected.add(opId);
          }

          @Override
          public void imageNotStored(String blobId, String reason) {
            imagesNotStored.add(blobId + " " + reason);
          }

          @Override
          public void pendingChanged(int pendingCount) {
            pendingCounts.add(pendingCount);
          }
        });
    session.start();
  }

  LocalBoard board() {
    return session.board();
  }

  /**
   * Opens the pending connection and completes the handshake with an empty catch-up, as a relay
   * that names the op at the head ({@code "op-<seq>"}) does.
   */
  void connectAndSync(long headSeq) {
    transport.open();
    transport.receive(new ServerMessage.Welcome("s1", headSeq, "editor", List.of(), null, false));
    transport.receive(new ServerMessage.Synced(headSeq, headSeq > 0 ? "op-" + headSeq : null));
  }

  @Override
  public void close() {
    session.close();
  }
}
