package dev.drawbridge.relay.net;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.PeerFaultLog;
import dev.drawbridge.relay.auth.TokenRejectedException;
import dev.drawbridge.relay.room.RoomRegistry;
import dev.drawbridge.relay.room.Session;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's WebSocket endpoint: handshake checks (R1–R4, R22's per-IP limit), bounded handshakes
 * (R73–R75, through {@link RelayConnection}), text-only decoding (R7–R9), and handing messages to
 * sessions. Room logic lives in {@code room}.
 */
public final class RelayWebSocketServer extends WebSocketServer
    implements RelayConnection.Admission {
  private static final Logger log = LoggerFactory.getLogger(RelayWebSocketServer.class);

  private final TransportSettings settings;
  private final RoomRegistry rooms;
  private final ProtocolCodec codec = new ProtocolCodec();
  private final ConnectionsPerAddress perAddress = new ConnectionsPerAddress();
  private final UnfinishedHandshakes handshakes;
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("relay-timers").daemon(true).unstarted(r));
  private final Counter bytesIn;
  private final Counter bytesOut;
  private final PeerFaultLog peerFaults = new PeerFaultLog(log);

  /** Handshake outcome, kept on the connection until it opens. */
  /** What the handshake settled: the room, the token's grant, the client's own address. */
  private record Admitted(String room, Grant grant, InetAddress client) {}

  /** An open connection's state. */
  private record Attached(Session session) {}

  public RelayWebSocketServer(
      TransportSettings settings, RoomRegistry rooms, MeterRegistry meters) {
    super(
        settings.address(),
        settings.workerThreads(),
        List.of(new RelayDraft(settings.maxFrameBytes())));
    this.settings = settings;
    this.rooms = rooms;
    setTcpNoDelay(true);
    setReuseAddr(true);
    // One gathering write per connection and selector pass instead of one write per frame.
    setWebSocketFactory(
        new RelayConnection.Factory(new GatheringChannel.Factory(), this, this::accepted));
    handshakes =
        new UnfinishedHandshakes(settings.handshakeTimeoutSeconds(), this::handshakeExpired);
    setConnectionLostTimeout(settings.pingIntervalSeconds());
    setDaemon(true);
    bytesIn =
        Counter.builder("drawbridge.bytes.in").description("frame bytes received").register(meters);
    bytesOut =
        Counter.builder("drawbridge.bytes.out").description("frame bytes queued").register(meters);
    Gauge.builder("drawbridge.connections", this, s -> s.getConnections().size())
        .description("open WebSocket connections")
        .register(meters);
  }

  /** Serves wss:// (the library's TLS channels replace the gathering ones). */
  public void serveTls(SSLContext context) {
    setWebSocketFactory(
        new RelayConnection.Factory(
            new DefaultSSLWebSocketServerFactory(context), this, this::accepted));
  }

  /** Starts listening; returns once the port is bound. */
  public void startAndWait() throws IOException {
    start();
    try {
      started.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException("cannot listen on " + settings.address(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IOException("timed out starting on " + settings.address(), e);
    }
  }

  @Override
  public void onStart() {
    started.complete(null);
    timers.scheduleWithFixedDelay(this::rescueStrandedWrites, 25, 25, TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(handshakes::sweep, 25, 25, TimeUnit.MILLISECONDS);
  }

  /**
   * Java-WebSocket 1.6.0 can strand queued bytes: its selector thread drains a connection's queue,
   * and if another thread queues a frame (and asks for OP_WRITE) just before the selector resets
   * the key to OP_READ, that frame waits for the next send to the same client — up to a ping
   * interval in a quiet room. This sweep re-arms OP_WRITE for any connection with queued bytes but
   * no write interest, bounding that delay to ~25 ms. A spurious re-arm is harmless.
   */
  private void rescueStrandedWrites() {
    try {
      for (WebSocket c : getConnections()) {
        if (c instanceof WebSocketImpl impl && !impl.outQueue.isEmpty()) {
          SelectionKey key = impl.getSelectionKey();
          if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
            onWriteDemand(c);
          }
        }
      }
    } catch (RuntimeException e) {
      // A key cancelled mid-sweep; the next sweep sees the current state.
      log.debug("write sweep", e);
    }
  }

  /** A socket was accepted: it counts against its peer's address until it says otherwise. */
  private void accepted(RelayConnection conn) {
    conn.countAgainst(perAddress, conn.getRemoteSocketAddress().getAddress());
    handshakes.add(conn);
  }

  /**
   * Checks a complete upgrade request before Java-WebSocket sees it, so that a refusal is the only
   * response (the library would follow it with its own 404).
   */
  @Override
  public void admit(RelayConnection conn, ClientHandshake request) throws HandshakeRefusal {
    // The client's own address, as the trusted proxies name it (else the peer's).
    InetAddress ip =
        settings
            .proxies()
            .clientOf(
                conn.getRemoteSocketAddress().getAddress(),
                request.hasFieldValue("X-Forwarded-For")
                    ? request.getFieldValue("X-Forwarded-For")
                    : null);
    RoomPath target = RoomPath.parse(request.getResourceDescriptor());
    if (target == null) {
      throw refuse(conn, ip, 404, "not_found", null, "no such endpoint");
    }
    String origin = request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : null;
    if (!settings.origins().allows(origin)) {
      throw refuse(conn, ip, 403, "origin", target.room(), "origin not allowed");
    }
    Grant grant = Grant.OPEN;
    if (settings.tokens() != null) {
      try {
        grant = settings.tokens().verify(bearer(request, target), target.room());
      } catch (TokenRejectedException e) {
        throw refuse(conn, ip, e.httpStatus(), e.rejectReason(), target.room(), e.getMessage());
      }
    }
    conn.countAgainst(perAddress, ip);
    if (perAddress.of(ip) > settings.maxConnectionsPerIp()) {
      throw refuse(
          conn,
          ip,
          429,
          "too_many_connections",
          target.room(),
          "too many connections from this address");
    }
    conn.setAttachment(new Admitted(target.room(), grant, ip));
  }

  @Override
  public HandshakeRefusal tooLarge(RelayConnection conn) {
    return refuse(conn, null, 431, "header_too_large", null, "request head over 16 KiB");
  }

  @Override
  public HandshakeRefusal notHttp(RelayConnection conn) {
    return refuse(
        conn,
        null,
        400,
        "not_http",
        null,
        "not an HTTP request (TLS sent to a relay without TLS?)");
  }

  private void handshakeExpired(RelayConnection conn) {
    countReject("handshake_timeout");
    peerFaults
        .atWarn()
        .addKeyValue("remote", conn.getRemoteSocketAddress())
        .addKeyValue("reason", "handshake_timeout")
        .log("handshake not finished in time: closed");
  }

  private static String bearer(ClientHandshake request, RoomPath target) {
    if (request.hasFieldValue("Authorization")) {
      String value = request.getFieldValue("Authorization").trim();
      if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return value.substring(7).trim();
      }
    }
    return target.token();
  }

  /**
   * Logs and counts a refused handshake; {@code client} is the address trusted proxies named (null
   * before the request was read), logged when it is not the peer's own.
   */
  private HandshakeRefusal refuse(
      WebSocket conn, InetAddress client, int status, String reason, String room, String message) {
    countReject(reason);
    var event = peerFaults.atWarn();
    if (room != null) {
      event = event.addKeyValue("room", room);
    }
    event
        .addKeyValue(
            "remote", WebSocketClientSocket.describe(conn.getRemoteSocketAddress(), client))
        .addKeyValue("reason", reason)
        .addKeyValue("status", status)
        .log("handshake refused");
    return new HandshakeRefusal(status, message);
  }

  void countReject(String reason) {
    rooms.metrics().rejected(reason);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    if (!(conn.getAttachment() instanceof Admitted admitted)) {
      conn.close(CloseCodes.MALFORMED, "not admitted");
      return;
    }
    var socket =
        new WebSocketClientSocket(
            conn, this, settings.maxPendingBytes(), timers, bytesOut, admitted.client());
    Session session = rooms.open(admitted.room(), socket, admitted.grant());
    conn.setAttachment(new Attached(session));
    if (session != null) {
      // A connection that never says hello would hold a slot for free (R5).
      timers.schedule(
          () -> {
            if (!session.hasSaidHello() && conn.isOpen()) {
              refuseFrame(conn, session, "hello_timeout", CloseCodes.MALFORMED, "no hello in time");
            }
          },
          settings.helloTimeoutSeconds(),
          TimeUnit.SECONDS);
    }
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    bytesIn.increment(message.length());
    if (!(conn.getAttachment() instanceof Attached attached) || attached.session() == null) {
      return;
    }
    Session session = attached.session();
    ClientMessage decoded;
    try {
      decoded = codec.decodeClient(message);
    } catch (ProtocolException e) {
      refuseFrame(conn, session, e.reason().code(), e.reason().closeCode(), e.getMessage());
      return;
    }
    session.receive(decoded, message.length());
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {
    bytesIn.increment(message.remaining());
    Session session = conn.getAttachment() instanceof Attached a ? a.session() : null;
    refuseFrame(conn, session, "binary_frame", CloseCodes.MALFORMED, "text frames only");
  }

  private void refuseFrame(
      WebSocket conn, Session session, String code, int closeCode, String message) {
    countReject(code);
    peerFaults
        .atWarn()
        .addKeyValue("room", session == null ? null : session.roomName())
        .addKeyValue("session", session == null ? null : session.id())
        .addKeyValue("remote", conn.getRemoteSocketAddress())
        .addKeyValue("reason", code)
        .addKeyValue("closeCode", closeCode)
        .log("frame refused: {}", message);
    String text =
        message == null ? code : message.length() > 200 ? message.substring(0, 200) : message;
    if (conn.isOpen()) {
      conn.send(codec.encode(new ServerMessage.Error(code, text, null)));
      conn.close(closeCode, code);
    }
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    Object attachment = conn.getAttachment();
    conn.setAttachment(null);
    if (attachment instanceof Attached a && a.session() != null) {
      a.session().closed();
    }
  }

  /** Every closing socket passes here, opened or not (onClose hears of opened ones only). */
  @Override
  protected boolean removeConnection(WebSocket conn) {
    if (conn instanceof RelayConnection c) {
      c.uncount(perAddress);
    }
    return super.removeConnection(conn);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    if (conn == null) {
      if (!started.isDone()) {
        started.completeExceptionally(ex);
      } else {
        log.error("relay server error", ex);
      }
      return;
    }
    if (ex instanceof InvalidDataException bad) {
      // Refused by the framing layer (RelayDraft) before any message existed.
      String reason = RelayDraft.rejectReason(bad.getCloseCode());
      countReject(reason);
      Session session = conn.getAttachment() instanceof Attached a ? a.session() : null;
      peerFaults
          .atWarn()
          .addKeyValue("room", session == null ? null : session.roomName())
          .addKeyValue("session", session == null ? null : session.id())
          .addKeyValue("remote", conn.getRemoteSocketAddress())
          .addKeyValue("reason", reason)
          .addKeyValue("closeCode", bad.getCloseCode())
          .log("frame refused");
      return;
    }
    log.atDebug()
        .addKeyValue("remote", conn.getRemoteSocketAddress())
        .setCause(ex)
        .log("connection error");
  }

  /**
   * Closes every open connection with {@code closeCode} and {@code reason} first (e.g. 4015 when a
   * host ends its board, R86), then shuts down as {@link #shutdown(int)} does.
   */
  public void shutdown(int timeoutMillis, int closeCode, String reason)
      throws InterruptedException {
    for (WebSocket c : getConnections()) {
      c.close(closeCode, reason);
    }
    shutdown(timeoutMillis);
  }

  /** Closes every connection with 1001 (R23) and stops listening. */
  public void shutdown(int timeoutMillis) throws InterruptedException {
    stop(timeoutMillis, "server shutting down");
    timers.shutdownNow();
    handshakes.closeAll();
  }
}
