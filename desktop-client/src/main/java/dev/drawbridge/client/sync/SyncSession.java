package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.AddOps;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.model.LocalOpSink;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>Threading: every event (socket, timer, disk) is handed to the UI executor, so the session and
 * its board are only touched on that one thread. Call the session and the board from it too.
 */
public final class SyncSession implements BoardSession {
  private static final Logger log = LoggerFactory.getLogger(SyncSession.class);
  private static final Duration PRESENCE_INTERVAL = Duration.ofMillis(40);

  /** Where the connection is, finer than the ConnectionState shown to the user. */
  private enum Phase {
    IDLE,
    CONNECTING,
    CATCHING_UP,
    SYNCED
  }

  /** A local op not yet acknowledged; {@code index} orders it and ties it to the journal. */
  private record Outgoing(PendingOp op, long index) {}

  /** Everything a session needs from the outside; tests pass fakes. */
  record Parts(
      Transport transport,
      Scheduler scheduler,
      Clock clock,
      ReconnectPolicy policy,
      Executor ioExecutor,
      AutoCloseable onClose) {}

  private final String title;
  private final URI uri;
  private final Map<String, String> headers;
  private final JoinRequest request;
  private final String clientId;
  private final LocalBoard board;
  private final SyncConfig config;
  private final Transport transport;
  private final Scheduler scheduler;
  private final Clock clock;
  private final ReconnectPolicy policy;
  private final Executor ui;
  private final JournalWriter journal;
  private final AutoCloseable onClose;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

  // ---- state, touched on the UI executor only ----
  private ConnectionState state = new ConnectionState.Connecting();
  private Phase phase = Phase.IDLE;
  private int generation;
  private boolean userOffline;
  private boolean closed;
  private Instant lastHeard = Instant.EPOCH;
  private Instant syncedAt;
  private String role = "editor";
  private final Map<String, Peer> peers = new LinkedHashMap<>();
  private Scheduler.Cancellable heartbeat = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable reconnectTimer = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable resumeTimer = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable cacheTimer = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable presenceTimer = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable paceTimer = Scheduler.Cancellable.NONE;
  private boolean paceTimerSet;
  private final SendBudget budget;

  private final LinkedHashMap<String, Outgoing> outbox = new LinkedHashMap<>();
  private final ArrayDeque<Outgoing> awaitingDisk = new ArrayDeque<>();
  private final ArrayDeque<Outgoing> sendQueue = new ArrayDeque<>();
  private final Set<String> inFlight = new HashSet<>();
  private long nextIndex;
  private long durableIndex;
  private Instant pausedUntil = Instant.EPOCH;
  private long cachedSeq;
  private Instant lastPresenceSent = Instant.EPOCH;
  private ClientMessage.Presence presenceToSend;

  SyncSession(
      JoinRequest request,
      String clientId,
      LocalBoard board,
      OfflineJournal journal,
      ConfirmedCache cache,
      SyncConfig config,
      Executor uiExecutor,
      Parts parts) {
    this.request = request;
    this.uri = request.roomUri();
    this.title = request.room();
    this.clientId = clientId;
    this.board = board;
    this.config = config;
    this.transport = parts.transport();
    this.scheduler = parts.scheduler();
    this.clock = parts.clock();
    this.policy = parts.policy();
    this.onClose = parts.onClose();
    this.ui = new SerialExecutor(uiExecutor);
    this.headers =
        request.token() == null || request.token().isBlank()
            ? Map.of()
            : Map.of("Authorization", "Bearer " + request.token().trim());
    this.cachedSeq = board.confirmedSeq();
    this.budget = new SendBudget(config.opsPerSecond(), config.opBurst(), clock.instant());
    this.journal =
        new JournalWriter(
            journal, cache, parts.ioExecutor(), index -> ui.execute(() -> durable(index)));
    for (PendingOp p : board.pendingOps()) {
      Outgoing o = new Outgoing(p, ++nextIndex);
      outbox.put(p.id(), o);
    }
    durableIndex = nextIndex;
    board.setSink(this::submitted);
  }

  /** Starts connecting; until then the session is offline. Call once. */
  void start() {
    ui.execute(
        () -> {
          scheduleCacheWrite();
          connect();
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
  public ConnectionState state() {
    return state;
  }

  @Override
  public Collection<Peer> peers() {
    return List.copyOf(peers.values());
  }

  /** What the relay lets this user do: "editor" or "viewer" (from the last welcome). */
  @Override
  public String role() {
    return role;
  }

  /** Local ops not yet acknowledged by the relay. */
  public int pendingCount() {
    return outbox.size();
  }

  /** True when every local op submitted so far is on disk (the journal's fsync finished). */
  public boolean journalFlushed() {
    return durableIndex >= nextIndex;
  }

  /** The executor every session and board call should run on. */
  public Executor executor() {
    return ui;
  }

  @Override
  public void addListener(SessionListener listener) {
    listeners.add(listener);
    listener.stateChanged(state);
    listener.peersChanged(peers());
    listener.pendingChanged(outbox.size());
  }

  @Override
  public void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void sendPresence(Cursor cursor, List<String> selection) {
    presenceToSend = new ClientMessage.Presence(cursor, selection);
    Duration since = Duration.between(lastPresenceSent, clock.instant());
    if (since.compareTo(PRESENCE_INTERVAL) >= 0) {
      flushPresence();
    } else {
      // Throttled like the relay does (R18): keep only the newest position, send it shortly.
      presenceTimer.cancel();
      presenceTimer = later(PRESENCE_INTERVAL.minus(since), this::flushPresence);
    }
  }

  private void flushPresence() {
    if (presenceToSend != null && phase == Phase.SYNCED) {
      transport.send(codec.encode(presenceToSend));
      lastPresenceSent = clock.instant();
    }
    presenceToSend = null;
  }

  @Override
  public void reconnectNow() {
    if (closed) {
      return;
    }
    userOffline = false;
    if (phase != Phase.IDLE) {
      return;
    }
    connect();
  }

  @Override
  public void goOffline() {
    if (closed) {
      return;
    }
    userOffline = true;
    if (phase != Phase.IDLE) {
      transport.close(1000, "offline");
      disconnected();
    }
    reconnectTimer.cancel();
    setState(new ConnectionState.Offline());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reconnectTimer.cancel();
    cacheTimer.cancel();
    resumeTimer.cancel();
    presenceTimer.cancel();
    if (phase != Phase.IDLE) {
      transport.close(1000, "closed");
      disconnected();
    }
    board.setSink(LocalOpSink.NONE);
    journal.cacheConfirmed(board.confirmed().snapshot());
    journal.close();
    setState(new ConnectionState.Offline());
    try {
      onClose.close();
    } catch (Exception e) {
      log.warn("Closing the session's resources failed", e);
    }
  }

  // ---- local ops ---------------------------------------------------------------------------

  private void submitted(PendingOp op) {
    Outgoing o = new Outgoing(op, ++nextIndex);
    outbox.put(op.id(), o);
    awaitingDisk.add(o);
    journal.append(op, o.index());
    firePending();
  }

  /** Ops up to {@code index} are on disk: they may go out now. */
  private void durable(long index) {
    durableIndex = Math.max(durableIndex, index);
    while (!awaitingDisk.isEmpty() && awaitingDisk.peek().index() <= durableIndex) {
      Outgoing o = awaitingDisk.poll();
      if (phase == Phase.SYNCED && outbox.containsKey(o.op().id())) {
        sendQueue.add(o);
      }
    }
    pump();
  }

  /** Sends queued ops while the window has room. */
  private void pump() {
    if (phase != Phase.SYNCED || clock.instant().isBefore(pausedUntil)) {
      return;
    }
    while (inFlight.size() < config.sendWindow() && !sendQueue.isEmpty()) {
      Outgoing o = sendQueue.peek();
      String id = o.op().id();
      if (!outbox.containsKey(id) || inFlight.contains(id)) {
        sendQueue.poll();
        continue;
      }
      if (!budget.tryTake(clock.instant())) {
        schedulePacedPump();
        return;
      }
      if (!transport.send(codec.encode(new ClientMessage.SubmitOp(id, o.op().op())))) {
        return; // the socket closed underneath; its close event is on its way
      }
      sendQueue.poll();
      inFlight.add(id);
    }
  }

  private void schedulePacedPump() {
    if (paceTimerSet) {
      return;
    }
    paceTimerSet = true;
    paceTimer =
        later(
            budget.untilNext(clock.instant()),
            () -> {
              paceTimerSet = false;
              pump();
            });
  }

  // ---- connection --------------------------------------------------------------------------

  private void connect() {
    reconnectTimer.cancel();
    int gen = ++generation;
    phase = Phase.CONNECTING;
    lastHeard = clock.instant();
    // Connecting is the first attempt; a retry stays "Reconnecting", now trying attempt n.
    setState(
        policy.attempts() == 0
            ? new ConnectionState.Connecting()
            : new ConnectionState.Reconnecting(policy.attempts(), clock.instant()));
    scheduleHeartbeat(gen);
    transport.connect(uri, headers, new Listener(gen));
  }

  private void scheduleHeartbeat(int gen) {
    heartbeat.cancel();
    heartbeat = later(config.pingInterval(), () -> heartbeatTick(gen));
  }

  private void heartbeatTick(int gen) {
    if (gen != generation || phase == Phase.IDLE) {
      return;
    }
    Duration silence = Duration.between(lastHeard, clock.instant());
    if (silence.compareTo(config.heartbeatTimeout()) >= 0) {
      log.info("No frame from the relay for {} ms: dropping the connection", silence.toMillis());
      transport.close(1000, "heartbeat timeout");
      connectionLost(-1, "The relay stopped answering.");
      return;
    }
    if (phase != Phase.CONNECTING) {
      transport.send(codec.encode(new ClientMessage.Ping(clock.millis())));
    }
    scheduleHeartbeat(gen);
  }

  private void opened() {
    phase = Phase.CATCHING_UP;
    lastHeard = clock.instant();
    setState(new ConnectionState.Syncing());
    transport.send(
        codec.encode(
            new ClientMessage.Hello(
                ProtocolVersion.CURRENT,
                clientId,
                request.name(),
                request.color(),
                board.confirmedSeq())));
  }

  /** Forgets the connection: later events from it are ignored. */
  private void disconnected() {
    generation++;
    phase = Phase.IDLE;
    heartbeat.cancel();
    resumeTimer.cancel();
    paceTimer.cancel();
    paceTimerSet = false;
    sendQueue.clear();
    inFlight.clear();
    pausedUntil = Instant.EPOCH;
    if (!peers.isEmpty()) {
      peers.clear();
      firePeers();
    }
  }

  /** The connection is gone (closed, failed or timed out); decide what comes next. */
  private void connectionLost(int code, String reason) {
    boolean wasHealthy =
        phase == Phase.SYNCED
            && syncedAt != null
            && Duration.between(syncedAt, clock.instant()).compareTo(config.healthyAfter()) >= 0;
    disconnected();
    if (closed) {
      return;
    }
    if (userOffline) {
      setState(new ConnectionState.Offline());
      return;
    }
    if (CloseCodes.isTerminal(code)) {
      setState(failure(code, reason));
      return;
    }
    if (wasHealthy) {
      policy.reset();
    }
    scheduleReconnect();
  }

  private void handshakeRejected(int status, String detail) {
    disconnected();
    if (closed || userOffline) {
      return;
    }
    switch (status) {
      case 401 ->
          setState(
              new ConnectionState.Failed(
                  ConnectionState.Failed.Kind.UNAUTHORIZED,
                  "The relay did not accept the invite token (it may have expired)."));
      case 403 ->
          setState(
              new ConnectionState.Failed(
                  ConnectionState.Failed.Kind.FORBIDDEN,
                  "The relay does not allow this board with this invite."));
      case 404 ->
          setState(
              new ConnectionState.Failed(
                  ConnectionState.Failed.Kind.BAD_ADDRESS,
                  "No Drawbridge relay answers at this address."));
      default -> {
        log.info("Handshake refused with HTTP {}: {}", status, detail);
        scheduleReconnect();
      }
    }
  }

  private static ConnectionState.Failed failure(int code, String reason) {
    return switch (code) {
      case CloseCodes.UNAUTHORIZED ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.UNAUTHORIZED,
              "The relay did not accept the invite token (it may have expired).");
      case CloseCodes.FORBIDDEN ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.FORBIDDEN, "The relay does not allow you on this board.");
      default ->
          new ConnectionState.Failed(
              ConnectionState.Failed.Kind.VERSION,
              "SERVER_TOO_OLD".equals(reason)
                  ? "The relay is older than this app: ask its owner to update it."
                  : "This app is too old for the relay: please update Drawbridge.");
    };
  }

  private void scheduleReconnect() {
    Duration delay = policy.nextDelay();
    int attempt = policy.attempts();
    setState(new ConnectionState.Reconnecting(attempt, clock.instant().plus(delay)));
    reconnectTimer.cancel();
    int gen = generation;
    reconnectTimer =
        later(
            delay,
            () -> {
              if (gen == generation && phase == Phase.IDLE && !userOffline && !closed) {
                connect();
              }
            });
  }

  /**
   * Our view of the room is broken (a seq gap): reconnect and catch up again. Through the backoff,
   * so a misbehaving relay cannot make us spin.
   */
  private void resync(String why) {
    log.warn("Resynchronising: {}", why);
    transport.close(1000, "resync");
    disconnected();
    if (!closed && !userOffline) {
      scheduleReconnect();
    }
  }

  // ---- relay messages ----------------------------------------------------------------------

  private void received(String text) {
    lastHeard = clock.instant();
    ServerMessage message;
    try {
      message = codec.decodeServer(text);
    } catch (ProtocolException e) {
      // A newer relay may send types we do not know (R70): skip them.
      log.debug("Ignoring a frame the client cannot read: {}", e.getMessage());
      return;
    }
    switch (message) {
      case ServerMessage.Welcome w -> welcome(w);
      case ServerMessage.OpBroadcast op -> remoteOp(op);
      case ServerMessage.Ack ack -> ack(ack);
      case ServerMessage.Nack nack -> nack(nack);
      case ServerMessage.Synced s -> synced(s);
      case ServerMessage.PresenceBroadcast p -> listeners.forEach(l -> l.presence(p));
      case ServerMessage.Joined j -> {
        if (j.peer().clientId().equals(clientId)) {
          return;
        }
        peers.put(j.peer().clientId(), j.peer());
        firePeers();
      }
      case ServerMessage.Left l -> {
        if (peers.remove(l.clientId()) != null) {
          firePeers();
        }
      }
      case ServerMessage.Pong pong -> {}
      case ServerMessage.Error e ->
          log.warn("Relay error {}: {} ({})", e.code(), e.message(), e.ref());
    }
  }

  private void welcome(ServerMessage.Welcome w) {
    role = w.role();
    peers.clear();
    w.peers().stream()
        .filter(p -> !p.clientId().equals(clientId))
        .forEach(p -> peers.put(p.clientId(), p));
    firePeers();
    if (w.snapshot() != null && (w.reset() || w.snapshot().seq() > board.confirmedSeq())) {
      // A reset means the relay lost ops we had (restored from a backup): its board wins and our
      // pending ops go again on top of it.
      // Ops of ours the snapshot already holds stay pending; their resends get duplicate acks.
      List<Element> ours = w.reset() ? ownVisibleElements() : List.of();
      board.replaceConfirmed(w.snapshot());
      redrawLost(ours);
    }
  }

  /** What this user drew that the confirmed board shows (before a reset replaces it). */
  private List<Element> ownVisibleElements() {
    return board.confirmed().visibleElements().stream()
        .filter(e -> clientId.equals(e.author()))
        .toList();
  }

  /**
   * After a reset, elements this user drew that the relay no longer has are submitted again as new
   * ops (nothing a user draws is lost, even when the relay's data is). Others' elements are theirs
   * to restore; edits to surviving elements follow the relay's board.
   */
  private void redrawLost(List<Element> ours) {
    List<Op> lost = new ArrayList<>();
    for (Element e : ours) {
      if (board.view().get(e.id()) == null) {
        lost.addAll(AddOps.forElement(e));
      }
    }
    if (!lost.isEmpty()) {
      log.info("The relay lost {} of this user's elements; drawing them again", lost.size());
      board.submitAll(lost);
    }
  }

  private void remoteOp(ServerMessage.OpBroadcast op) {
    long head = board.confirmedSeq();
    if (op.seq() <= head) {
      return;
    }
    if (op.seq() > head + 1) {
      resync("op " + op.seq() + " after " + head);
      return;
    }
    board.applyRemote(op.seq(), op.id(), op.op());
    if (outbox.remove(op.id()) != null) {
      // Our own op, stored before a connection dropped; this catch-up replaces its lost ack.
      inFlight.remove(op.id());
      journal.acked(op.id(), op.seq());
      firePending();
    }
  }

  private void ack(ServerMessage.Ack ack) {
    if (!outbox.containsKey(ack.id())) {
      return;
    }
    if (ack.seq() > board.confirmedSeq() + 1) {
      resync("ack at " + ack.seq() + " after " + board.confirmedSeq());
      return;
    }
    board.acknowledge(ack.id(), ack.seq());
    budget.speedUp();
    outbox.remove(ack.id());
    inFlight.remove(ack.id());
    journal.acked(ack.id(), ack.seq());
    firePending();
    pump();
  }

  private void nack(ServerMessage.Nack nack) {
    if (!outbox.containsKey(nack.id())) {
      return;
    }
    if (nack.retryAfterMs() > 0) {
      // Resend, in order, once the relay is ready again.
      requeueAll();
      if (!clock.instant().isBefore(pausedUntil)) {
        // One slow-down per refusal burst: the other ops in flight were refused for the same
        // reason.
        budget.slowDown(clock.instant());
      }
      pausedUntil = clock.instant().plusMillis(nack.retryAfterMs());
      resumeTimer.cancel();
      int gen = generation;
      resumeTimer =
          later(
              Duration.ofMillis(nack.retryAfterMs()),
              () -> {
                if (gen == generation) {
                  pump();
                }
              });
      return;
    }
    log.info("The relay refused op {} ({})", nack.id(), nack.reason());
    board.reject(nack.id());
    outbox.remove(nack.id());
    inFlight.remove(nack.id());
    journal.dropped(nack.id());
    firePending();
    listeners.forEach(l -> l.opRejected(nack.id(), nack.reason()));
    pump();
  }

  /**
   * Queues every unacknowledged op again, in journal order. Not just from the refused one: later
   * refusals of ops sent after it must not push an earlier refused op out of the queue. Ops that
   * were in fact stored come back as duplicate acks.
   */
  private void requeueAll() {
    sendQueue.clear();
    inFlight.clear();
    for (Outgoing o : outbox.values()) {
      if (o.index() <= durableIndex) {
        sendQueue.add(o);
      }
    }
  }

  private void synced(ServerMessage.Synced s) {
    if (s.seq() > board.confirmedSeq()) {
      resync("synced at " + s.seq() + " but the board is at " + board.confirmedSeq());
      return;
    }
    phase = Phase.SYNCED;
    syncedAt = clock.instant();
    setState(new ConnectionState.Synced());
    requeueAll();
    pump();
  }

  // ---- board cache -------------------------------------------------------------------------

  private void scheduleCacheWrite() {
    cacheTimer =
        later(
            config.cacheInterval(),
            () -> {
              if (closed) {
                return;
              }
              if (board.confirmedSeq() != cachedSeq) {
                cachedSeq = board.confirmedSeq();
                journal.cacheConfirmed(board.confirmed().snapshot());
              }
              scheduleCacheWrite();
            });
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private Scheduler.Cancellable later(Duration delay, Runnable task) {
    return scheduler.schedule(delay, () -> ui.execute(task));
  }

  private void setState(ConnectionState next) {
    if (next.equals(state)) {
      return;
    }
    state = next;
    listeners.forEach(l -> l.stateChanged(next));
  }

  private void firePeers() {
    Collection<Peer> now = peers();
    listeners.forEach(l -> l.peersChanged(now));
  }

  private void firePending() {
    int n = outbox.size();
    listeners.forEach(l -> l.pendingChanged(n));
  }

  /** Hands one connection's events to the UI executor, tagged so stale ones are dropped. */
  private final class Listener implements TransportListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    private void onUi(Runnable task) {
      ui.execute(
          () -> {
            if (gen == generation && !closed) {
              task.run();
            }
          });
    }

    @Override
    public void onOpen() {
      onUi(SyncSession.this::opened);
    }

    @Override
    public void onMessage(String text) {
      onUi(() -> received(text));
    }

    @Override
    public void onClosed(int code, String reason, boolean remote) {
      onUi(() -> connectionLost(code, reason));
    }

    @Override
    public void onHandshakeRejected(int httpStatus, String detail) {
      onUi(() -> handshakeRejected(httpStatus, detail));
    }
  }
}
