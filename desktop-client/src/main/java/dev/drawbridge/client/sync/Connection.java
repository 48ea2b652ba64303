package dev.drawbridge.client.sync;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.message.ClientMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection state machine: connect, hello, catch-up, synced; the heartbeat that notices a
 * silent relay; and what follows a drop: a retry after backoff, staying offline, or a failure only
 * the user can fix. Each attempt has its own {@code generation}, and socket events are tagged with
 * it, so late events from a connection already given up are dropped.
 *
 * <p>It knows the socket only as a {@link Transport} and the session only as an {@link Owner}, so
 * it can be driven on its own (as ConnectionTest does), without a board, journal or listeners.
 *
 * <p>Touched on the session's UI executor only.
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  /** Where the connection is, finer than the ConnectionState shown to the user. */
  private enum Phase {
    IDLE,
    CONNECTING,
    CATCHING_UP,
    SYNCED
  }

  /** What the connection needs from the rest of the session. */
  interface Owner {
    /** The hello to send once the socket is open (it carries the board's last seq). */
    ClientMessage.Hello hello();

    /** A frame from the relay, in order. */
    void received(String text);

    /** The connection was given up: forget everything that belonged to it. */
    void dropped();

    /** What the user should see now; may repeat the current state. */
    void stateChanged(ConnectionState state);

    /**
     * The board connected (reached {@code synced}) for the first time from this installation: from
     * now on a failed attempt is a lost connection, retried with backoff.
     */
    default void firstConnected() {}
  }

  /** The room's address and the handshake headers (the invite token, when there is one). */
  record Endpoint(URI uri, Map<String, String> headers) {
    static Endpoint of(JoinRequest request) {
      String token = request.token();
      return new Endpoint(
          request.roomUri(),
          token == null || token.isBlank()
              ? Map.of()
              : Map.of("Authorization", "Bearer " + token.trim()));
    }
  }

  /**
   * The heartbeat's timings, and how long a connection must stay synced to reset the backoff (see
   * {@link SyncConfig} for each).
   */
  record Timings(Duration pingInterval, Duration heartbeatTimeout, Duration healthyAfter) {
    static Timings of(SyncConfig config) {
      return new Timings(config.pingInterval(), config.heartbeatTimeout(), config.healthyAfter());
    }
  }

  private final Transport transport;
  private final Endpoint endpoint;
  private final Timings timings;
  private final Clock clock;
  private final ReconnectPolicy policy;
  private final UiTimers timers;
  private final ProtocolCodec codec;
  private final Owner owner;

  private Phase phase = Phase.IDLE;
  // Whether this board ever reached synced here (this run or before): until then an attempt that
  // fails is "never connected", named and not retried; afterwards it is a drop, retried.
  private boolean connectedOnce;

  /** Whether a relay at this address has welcomed us in this run (see {@link #welcomed}). */
  private boolean welcomedHere;

  /**
   * Retrying after a first connection found nothing that answers, without a state per attempt: the
   * "never connected" card stays until a relay answers or the user acts ({@link #failFirst}).
   */
  private boolean retryingQuietly;

  private int generation;
  private boolean userOffline;
  private boolean closed;
  private Instant lastHeard = Instant.EPOCH;
  private Instant syncedAt;
  private Scheduler.Cancellable heartbeat = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable reconnectTimer = Scheduler.Cancellable.NONE;

  /**
   * @param timers where timer and socket events run: the UI executor, the only thread this touches
   * @param codec encodes what {@link #send} is given; frames received go to the owner as text
   * @param connectedBefore whether the board has reached {@code synced} from this installation
   *     before (its folder remembers): if not, a failed first attempt is named, not retried
   */
  Connection(
      Transport transport,
      Endpoint endpoint,
      Timings timings,
      Clock clock,
      ReconnectPolicy policy,
      UiTimers timers,
      ProtocolCodec codec,
      Owner owner,
      boolean connectedBefore) {
    this.connectedOnce = connectedBefore;
    this.transport = transport;
    this.endpoint = endpoint;
    this.timings = timings;
    this.clock = clock;
    this.policy = policy;
    this.timers = timers;
    this.codec = codec;
    this.owner = owner;
  }

  /** True between the relay's {@code synced} and the next drop: local ops may go out. */
  boolean isSynced() {
    return phase == Phase.SYNCED;
  }

  /** Changes whenever a connection starts or is given up; timers compare it to stay relevant. */
  int generation() {
    return generation;
  }

  boolean isClosed() {
    return closed;
  }

  /** Sends {@code message}; false when the socket is not open (its close event is on its way). */
  boolean send(ClientMessage message) {
    return transport.send(codec.encode(message));
  }

  /** The first attempt. */
  void start() {
    connect();
  }

  void reconnectNow() {
    if (closed) {
      return;
    }
    userOffline = false;
    if (phase != Phase.IDLE) {
      return;
    }
    retryingQuietly = false; // the user asked: show the attempt
    connect();
  }

  void goOffline() {
    if (closed) {
      return;
    }
    userOffline = true;
    if (phase != Phase.IDLE) {
      transport.close(1000, "offline");
      disconnected();
    }
    reconnectTimer.cancel();
    owner.stateChanged(new ConnectionState.Offline());
  }

  /** For good: no event or timer does anything after this. */
  void close() {
    closed = true;
    reconnectTimer.cancel();
    if (phase != Phase.IDLE) {
      transport.close(1000, "closed");
      disconnected();
    }
  }

  /**
   * The relay answered hello with welcome: this address is a Drawbridge relay that lets us in, so
   * from now on a drop is a lost connection to retry (a relay killed during a first catch-up comes
   * back), not a first connection that failed.
   */
  void welcomed() {
    welcomedHere = true;
  }

  /** The catch-up is complete: the board is up to date with the room. */
  void synced() {
    phase = Phase.SYNCED;
    syncedAt = clock.instant();
    if (!connectedOnce) {
      connectedOnce = true;
      owner.firstConnected();
    }
    owner.stateChanged(new ConnectionState.Synced());
  }

  /**
   * Whether a relay at this address has let this board in (synced before, or welcomed in this run):
   * a drop is then a lost connection to retry, not a first connection that failed.
   */
  private boolean knownRelay() {
    return connectedOnce || welcomedHere;
  }

  /** Whether the board has reached {@code synced} here, in this run or before. */
  boolean connectedOnce() {
    return connectedOnce;
  }

  /**
   * Our view of the room is broken (a seq gap): reconnect and catch up again. Through the backoff,
   * so a misbehaving relay cannot make us spin.
   */
  void resync(String why) {
    log.warn("Resynchronising: {}", why);
    transport.close(1000, "resync");
    disconnected();
    if (!closed && !userOffline) {
      scheduleReconnect();
    }
  }

  private void connect() {
    reconnectTimer.cancel();
    int gen = ++generation;
    phase = Phase.CONNECTING;
    lastHeard = clock.instant();
    // Connecting until the board first connects; after that a retry stays "Reconnecting", now
    // trying attempt n.
    if (!retryingQuietly) {
      owner.stateChanged(
          policy.attempts() == 0 || !knownRelay()
              ? new ConnectionState.Connecting()
              : new ConnectionState.Reconnecting(policy.attempts(), clock.instant()));
    }
    scheduleHeartbeat(gen);
    transport.connect(endpoint.uri(), endpoint.headers(), new Listener(gen));
  }

  private void scheduleHeartbeat(int gen) {
    heartbeat.cancel();
    heartbeat = timers.later(timings.pingInterval(), () -> heartbeatTick(gen));
  }

  private void heartbeatTick(int gen) {
    if (gen != generation || phase == Phase.IDLE) {
      return;
    }
    Duration silence = Duration.between(lastHeard, clock.instant());
    if (silence.compareTo(timings.heartbeatTimeout()) >= 0) {
      log.info("No frame from the relay for {} ms: dropping the connection", silence.toMillis());
      transport.close(1000, "heartbeat timeout");
      connectionLost(-1, "The relay stopped answering.");
      return;
    }
    if (phase != Phase.CONNECTING) {
      send(new ClientMessage.Ping(clock.millis()));
    }
    scheduleHeartbeat(gen);
  }

  private void opened() {
    retryingQuietly = false;
    phase = Phase.CATCHING_UP;
    lastHeard = clock.instant();
    owner.stateChanged(new ConnectionState.Syncing());
    send(owner.hello());
  }

  private void received(String text) {
    lastHeard = clock.instant();
    owner.received(text);
  }

  /** Forgets the connection: later events from it are ignored. */
  private void disconnected() {
    generation++;
    phase = Phase.IDLE;
    heartbeat.cancel();
    owner.dropped();
  }

  /** The connection is gone (closed, failed or timed out); decide what comes next. */
  private void connectionLost(int code, String reason) {
    boolean opened = phase == Phase.CATCHING_UP || phase == Phase.SYNCED;
    boolean wasHealthy =
        phase == Phase.SYNCED
            && syncedAt != null
            && Duration.between(syncedAt, clock.instant()).compareTo(timings.healthyAfter()) >= 0;
    disconnected();
    if (closed) {
      return;
    }
    if (userOffline) {
      owner.stateChanged(new ConnectionState.Offline());
      return;
    }
    if (CloseCodes.isTerminal(code)) {
      owner.stateChanged(ConnectionFailures.forCloseCode(code, reason));
      return;
    }
    if (!knownRelay()) {
      log.info("First connection to {} failed: {} {}", endpoint.uri(), code, reason);
      failFirst(ConnectionFailures.neverConnected(code, reason, opened));
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
    ConnectionFailures.forHttpStatus(
            status, endpoint.headers().containsKey("Authorization"), connectedOnce)
        .ifPresentOrElse(
            owner::stateChanged,
            () -> {
              log.info("Handshake refused with HTTP {}: {}", status, detail);
              scheduleReconnect();
            });
  }

  private void connectFailed(ConnectFailure failure, String detail) {
    if (knownRelay()) {
      // A board that worked before: the relay may be restarting or the network away. Retry.
      connectionLost(-1, detail);
      return;
    }
    disconnected();
    if (closed || userOffline) {
      return;
    }
    log.info("First connection to {} failed: {} ({})", endpoint.uri(), failure, detail);
    failFirst(ConnectionFailures.forConnectFailure(failure, detail));
  }

  /**
   * A board that never connected says why (Retry, Back). When nothing answers (yet), it also keeps
   * trying quietly with the usual backoff, and the card goes as soon as a relay answers: someone
   * who joins a board on a train, before the relay is reachable, draws into the journal meanwhile
   * and syncs when it is. Every other first failure (not a relay, TLS the wrong way, an invitation
   * needed, a full room) waits for the user: trying again cannot change the answer.
   */
  private void failFirst(ConnectionState.Failed failure) {
    owner.stateChanged(failure);
    retryingQuietly = failure.kind() == ConnectionState.Failed.Kind.NO_ANSWER;
    if (retryingQuietly) {
      retryLater(policy.nextDelay());
    }
  }

  private void scheduleReconnect() {
    Duration delay = policy.nextDelay();
    int attempt = policy.attempts();
    owner.stateChanged(new ConnectionState.Reconnecting(attempt, clock.instant().plus(delay)));
    retryLater(delay);
  }

  private void retryLater(Duration delay) {
    reconnectTimer.cancel();
    int gen = generation;
    reconnectTimer =
        timers.later(
            delay,
            () -> {
              if (gen == generation && phase == Phase.IDLE && !userOffline && !closed) {
                connect();
              }
            });
  }

  /** Hands one connection's events to the UI executor, tagged so stale ones are dropped. */
  private final class Listener implements TransportListener {
    private final int gen;

    Listener(int gen) {
      this.gen = gen;
    }

    private void onUi(Runnable task) {
      timers
          .ui()
          .execute(
              () -> {
                if (gen == generation && !closed) {
                  task.run();
                }
              });
    }

    @Override
    public void onOpen() {
      onUi(Connection.this::opened);
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

    @Override
    public void onConnectFailed(ConnectFailure failure, String detail) {
      onUi(() -> connectFailed(failure, detail));
    }
  }
}
