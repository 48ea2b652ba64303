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
  }

  private final Transport transport;
  private final URI uri;
  private final Map<String, String> headers;
  private final SyncConfig config;
  private final Clock clock;
  private final ReconnectPolicy policy;
  private final UiTimers timers;
  private final SessionEvents events;
  private final ProtocolCodec codec;
  private final Owner owner;

  private Phase phase = Phase.IDLE;
  private int generation;
  private boolean userOffline;
  private boolean closed;
  private Instant lastHeard = Instant.EPOCH;
  private Instant syncedAt;
  private Scheduler.Cancellable heartbeat = Scheduler.Cancellable.NONE;
  private Scheduler.Cancellable reconnectTimer = Scheduler.Cancellable.NONE;

  Connection(
      JoinRequest request,
      SyncConfig config,
      SyncSession.Parts parts,
      UiTimers timers,
      SessionEvents events,
      ProtocolCodec codec,
      Owner owner) {
    this.transport = parts.transport();
    this.uri = request.roomUri();
    this.headers =
        request.token() == null || request.token().isBlank()
            ? Map.of()
            : Map.of("Authorization", "Bearer " + request.token().trim());
    this.config = config;
    this.clock = parts.clock();
    this.policy = parts.policy();
    this.timers = timers;
    this.events = events;
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
    events.setState(new ConnectionState.Offline());
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

  /** The catch-up is complete: the board is up to date with the room. */
  void synced() {
    phase = Phase.SYNCED;
    syncedAt = clock.instant();
    events.setState(new ConnectionState.Synced());
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
    // Connecting is the first attempt; a retry stays "Reconnecting", now trying attempt n.
    events.setState(
        policy.attempts() == 0
            ? new ConnectionState.Connecting()
            : new ConnectionState.Reconnecting(policy.attempts(), clock.instant()));
    scheduleHeartbeat(gen);
    transport.connect(uri, headers, new Listener(gen));
  }

  private void scheduleHeartbeat(int gen) {
    heartbeat.cancel();
    heartbeat = timers.later(config.pingInterval(), () -> heartbeatTick(gen));
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
      send(new ClientMessage.Ping(clock.millis()));
    }
    scheduleHeartbeat(gen);
  }

  private void opened() {
    phase = Phase.CATCHING_UP;
    lastHeard = clock.instant();
    events.setState(new ConnectionState.Syncing());
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
    boolean wasHealthy =
        phase == Phase.SYNCED
            && syncedAt != null
            && Duration.between(syncedAt, clock.instant()).compareTo(config.healthyAfter()) >= 0;
    disconnected();
    if (closed) {
      return;
    }
    if (userOffline) {
      events.setState(new ConnectionState.Offline());
      return;
    }
    if (CloseCodes.isTerminal(code)) {
      events.setState(ConnectionFailures.forCloseCode(code, reason));
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
    ConnectionFailures.forHttpStatus(status)
        .ifPresentOrElse(
            events::setState,
            () -> {
              log.info("Handshake refused with HTTP {}: {}", status, detail);
              scheduleReconnect();
            });
  }

  private void scheduleReconnect() {
    Duration delay = policy.nextDelay();
    int attempt = policy.attempts();
    events.setState(new ConnectionState.Reconnecting(attempt, clock.instant().plus(delay)));
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
  }
}
