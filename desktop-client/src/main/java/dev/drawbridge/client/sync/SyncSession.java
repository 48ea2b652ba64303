package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobCacheLimit;
import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.model.LocalOpSink;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A board shared through a relay. Local ops go to the offline journal first and are sent once on
 * disk; the relay's ops, acks and catch-up are applied to the {@link LocalBoard}. On every
 * (re)connect the session says the last seq it has, applies the catch-up, and after {@code synced}
 * resends every op not yet acknowledged, in journal order and with the same ids (the relay acks an
 * id it already stored as a duplicate, so nothing is stored twice).
 *
 * <p>This class wires the parts and owns their lifetime: the {@link Connection} state machine, the
 * {@link Outbox} of unacknowledged ops, the {@link RelayInbox} that applies what the relay says,
 * the {@link PeerRoster}, the {@link PresenceThrottle} and the periodic board cache.
 *
 * <p>Threading: every event (socket, timer, disk) is handed to the UI executor, so the session and
 * its board are only touched on that one thread. Call the session and the board from it too.
 */
public final class SyncSession implements BoardSession {
  private static final Logger log = LoggerFactory.getLogger(SyncSession.class);

  /**
   * Everything a session needs from the outside; tests pass fakes.
   *
   * @param connectedBefore whether the board reached {@code synced} from this installation before:
   *     if not, a failed first attempt is named to the user and not retried (see {@link
   *     Connection})
   * @param rememberConnected run on {@code ioExecutor} when it first does, so the next run knows
   */
  record Parts(
      Transport transport,
      Scheduler scheduler,
      Clock clock,
      ReconnectPolicy policy,
      Executor ioExecutor,
      AutoCloseable onClose,
      boolean connectedBefore,
      Runnable rememberConnected) {
    /** For a board that connected before (the retrying behaviour most tests drive). */
    Parts(
        Transport transport,
        Scheduler scheduler,
        Clock clock,
        ReconnectPolicy policy,
        Executor ioExecutor,
        AutoCloseable onClose) {
      this(transport, scheduler, clock, policy, ioExecutor, onClose, true, () -> {});
    }
  }

  private final String title;
  private final JoinRequest request;
  private final String clientId;
  private final String clientKey;
  private final LocalBoard board;
  private final SyncConfig config;
  private final Executor ui;
  private final UiTimers timers;
  private final JournalWriter journal;
  private final AutoCloseable onClose;
  private final SessionEvents events = new SessionEvents();
  private final PeerRoster roster;
  private final Connection connection;
  private final Outbox outbox;
  private final RelayInbox inbox;
  private final PresenceThrottle presence;
  private final Executor ioExecutor;
  private final Runnable rememberConnected;
  private final BlobUploads uploads;
  private final RelayBlobSource blobs;
  private final RelayHistory history;
  private final BlobCacheLimit cacheLimit;

  // ---- touched on the UI executor only ----
  private Scheduler.Cancellable cacheTimer = Scheduler.Cancellable.NONE;
  private long cachedSeq;
  private String cachedOpId;
  private boolean trimQueued;

  SyncSession(
      JoinRequest request,
      ClientIdentity identity,
      LocalBoard board,
      OfflineJournal journal,
      ConfirmedCache cache,
      SyncConfig config,
      Executor uiExecutor,
      Parts parts,
      BlobStore blobStore) {
    this.request = request;
    this.title = request.room();
    this.clientId = identity.clientId();
    this.clientKey = identity.clientKey();
    this.board = board;
    this.config = config;
    this.onClose = parts.onClose();
    this.ui = new SerialExecutor(uiExecutor);
    this.timers = new UiTimers(parts.scheduler(), ui);
    this.cachedSeq = board.confirmedSeq();
    this.cachedOpId = board.confirmedOpId();
    ProtocolCodec codec = new ProtocolCodec();
    this.roster = new PeerRoster(clientId, events);
    this.connection =
        new Connection(
            parts.transport(),
            Connection.Endpoint.of(request),
            Connection.Timings.of(config),
            parts.clock(),
            parts.policy(),
            timers,
            codec,
            new ConnectionOwner(),
            parts.connectedBefore());
    this.ioExecutor = parts.ioExecutor();
    this.rememberConnected = parts.rememberConnected();
    this.journal =
        new JournalWriter(
            journal,
            cache,
            cachedSeq,
            parts.ioExecutor(),
            index -> ui.execute(() -> outbox().durable(index)));
    this.uploads = new BlobUploads(blobStore, connection, parts.clock(), timers);
    this.outbox =
        new Outbox(
            board,
            this.journal,
            connection,
            events,
            config,
            parts.clock(),
            timers,
            ackedOnDisk(journal, cachedSeq),
            uploads);
    this.cacheLimit = new BlobCacheLimit(blobStore, BlobCacheLimit.DEFAULT_CAP_BYTES);
    this.blobs =
        new RelayBlobSource(blobStore, connection, timers, ioExecutor, ui, this::trimBlobCache);
    this.history = new RelayHistory(connection, timers, ui);
    this.inbox =
        new RelayInbox(
            codec, clientId, board, connection, outbox, roster, events, uploads, blobs, history);
    this.presence = new PresenceThrottle(connection, parts.clock(), timers);
    board.setSink(outbox::submitted);
  }

  /**
   * The journal's acked ops that the cached board holds: the relay has not said they are durable
   * yet as far as this session knows (a {@code durable} after {@code synced} will). Acked ops above
   * the cached board are pending again (see {@link OfflineJournal#replayable}).
   */
  private static AckedNotDurable ackedOnDisk(OfflineJournal journal, long cachedSeq) {
    AckedNotDurable acked = new AckedNotDurable();
    for (OfflineJournal.Entry e : journal.entries()) {
      if (e.acked() && e.seq() <= cachedSeq) {
        acked.acked(e.op(), e.seq());
      }
    }
    return acked;
  }

  /** Starts connecting; until then the session is offline. Call once. */
  void start() {
    ui.execute(
        () -> {
          scheduleCacheWrite();
          trimBlobCache();
          connection.start();
        });
  }

  // ---- BoardSession ------------------------------------------------------------------------

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
  public String memberName() {
    return request.name();
  }

  @Override
  public ConnectionState state() {
    return events.state();
  }

  @Override
  public Collection<Peer> peers() {
    return roster.all();
  }

  @Override
  public int peersBeforeMe() {
    return roster.countBeforeMe();
  }

  /** What the relay lets this user do: "editor" or "viewer" (from the last welcome). */
  @Override
  public String role() {
    return inbox.role();
  }

  /** The app's picture store, and the relay for what it lacks (R112). */
  @Override
  public BlobSource blobs() {
    return blobs;
  }

  /** False once the relay's welcome said it stores no pictures (R109, R114). */
  @Override
  public boolean holdsImages() {
    return !uploads.relayRefusesImages();
  }

  /** The relay's history pages, once its welcome said it serves them (R117, R120). */
  @Override
  public HistorySource history() {
    return history;
  }

  /** Local ops not yet acknowledged by the relay. */
  public int pendingCount() {
    return outbox.size();
  }

  /**
   * Local ops the relay acknowledged but has not yet said are durable (R26): kept in the journal,
   * and sent again if the relay comes back without them.
   */
  public int awaitingDurableCount() {
    return outbox.awaitingDurable();
  }

  /** True when every local op submitted so far is on disk (the journal's fsync finished). */
  public boolean journalFlushed() {
    return outbox.allOnDisk();
  }

  /** Whether this board has reached {@code synced} from this installation, now or before. */
  public boolean connectedOnce() {
    return connection.connectedOnce();
  }

  /** The executor every session and board call should run on. */
  public Executor executor() {
    return ui;
  }

  @Override
  public void addListener(SessionListener listener) {
    events.add(listener);
    listener.stateChanged(events.state());
    listener.peersChanged(peers());
    listener.pendingChanged(outbox.changedElements());
  }

  @Override
  public void removeListener(SessionListener listener) {
    events.remove(listener);
  }

  @Override
  public void sendPresence(Cursor cursor, List<String> selection) {
    presence.send(new ClientMessage.Presence(cursor, selection));
  }

  @Override
  public void sendPresence(ClientMessage.Presence p) {
    presence.send(p);
  }

  @Override
  public void reconnectNow() {
    connection.reconnectNow();
  }

  @Override
  public void goOffline() {
    connection.goOffline();
  }

  @Override
  public void close() {
    if (connection.isClosed()) {
      return;
    }
    cacheTimer.cancel();
    presence.cancel();
    connection.close();
    board.setSink(LocalOpSink.NONE);
    journal.cacheConfirmed(board.confirmed().snapshot(), board.confirmedOpId());
    journal.close();
    events.setState(new ConnectionState.Offline());
    try {
      onClose.close();
    } catch (Exception e) {
      log.warn("Closing the session's resources failed", e);
    }
  }

  // ---- picture cache ---------------------------------------------------------------------------

  /**
   * Keeps fetched pictures under the cap, off the UI thread; never those this board shows or its
   * unsent ops need (the pins, taken here on the UI thread). Folded while one is queued.
   */
  private void trimBlobCache() {
    if (trimQueued) {
      return;
    }
    trimQueued = true;
    Set<String> pins = new HashSet<>();
    for (Element e : board.view().allElements()) {
      if (e.hasImage()) {
        pins.add(e.image().blob());
      }
    }
    for (PendingOp p : board.pendingOps()) {
      ImageRef image = ImageGate.imageOf(p.op());
      if (image != null) {
        pins.add(image.blob());
      }
    }
    for (Element e : board.confirmed().allElements()) {
      if (e.hasImage()) {
        pins.add(e.image().blob());
      }
    }
    ioExecutor.execute(
        () -> {
          cacheLimit.trim(pins);
          ui.execute(() -> trimQueued = false);
        });
  }

  // ---- board cache -------------------------------------------------------------------------

  /** Caches the confirmed board every few seconds, so a reopened board needs less catch-up. */
  private void scheduleCacheWrite() {
    cacheTimer =
        timers.later(
            config.cacheInterval(),
            () -> {
              if (connection.isClosed()) {
                return;
              }
              if (board.confirmedSeq() != cachedSeq
                  || !Objects.equals(board.confirmedOpId(), cachedOpId)) {
                cachedSeq = board.confirmedSeq();
                cachedOpId = board.confirmedOpId();
                journal.cacheConfirmed(board.confirmed().snapshot(), cachedOpId);
              }
              scheduleCacheWrite();
            });
  }

  /** For the journal's callback, made before the outbox it calls (a lambda cannot name it yet). */
  private Outbox outbox() {
    return outbox;
  }

  /** The connection's hooks into the rest of the session. */
  private final class ConnectionOwner implements Connection.Owner {
    @Override
    public ClientMessage.Hello hello() {
      return new ClientMessage.Hello(
          ProtocolVersion.CURRENT,
          clientId,
          request.name(),
          request.color(),
          board.confirmedSeq(),
          board.confirmedOpId(),
          clientKey);
    }

    @Override
    public void received(String text) {
      inbox.received(text);
    }

    @Override
    public void dropped() {
      outbox.connectionDropped();
      uploads.connectionDropped();
      blobs.connectionDropped();
      history.connectionDropped();
      roster.clear();
    }

    @Override
    public void stateChanged(ConnectionState state) {
      events.setState(state);
    }

    @Override
    public void firstConnected() {
      ioExecutor.execute(rememberConnected);
    }
  }
}
