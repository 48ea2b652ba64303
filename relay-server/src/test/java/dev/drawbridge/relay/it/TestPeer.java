package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A protocol client for tests: decoded server messages land in a queue; the close is a future.
 * {@code durable} notices (R26) arrive whenever the op log has committed, between any two other
 * messages, so they go to their own list ({@link #awaitDurable}) instead of the queue.
 */
public final class TestPeer extends WebSocketClient {
  public static final Duration WAIT = Duration.ofSeconds(20);
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  public final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
  public final List<String> undecodable = new ArrayList<>();
  public final List<Long> durables = new java.util.concurrent.CopyOnWriteArrayList<>();
  public final CompletableFuture<Close> closed = new CompletableFuture<>();
  public final String clientId;

  /** Every text frame received, as sent (to check what the relay never says). */
  public final List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The key its hello carries (R80); null says hello as a client before R80 did. */
  public volatile String clientKey;

  /** How the connection ended: WebSocket close code and reason (1002 + status text if refused). */
  public record Close(int code, String reason, boolean remote) {}

  public TestPeer(URI uri, String clientId) {
    this(uri, clientId, Map.of());
  }

  public TestPeer(URI uri, String clientId, Map<String, String> headers) {
    super(uri, headers);
    this.clientId = clientId;
    setConnectionLostTimeout(0);
  }

  /** Connects; true when the handshake succeeded. */
  public boolean open() throws InterruptedException {
    return connectBlocking(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  public void hello(long lastSeq) {
    hello(lastSeq, null);
  }

  /** Says hello naming the op it holds at {@code lastSeq} (R12). */
  public void hello(long lastSeq, String lastOpId) {
    send(
        new ClientMessage.Hello(
            ProtocolVersion.CURRENT, clientId, clientId, "#336699", lastSeq, lastOpId, clientKey));
  }

  /** Connects, says hello and returns the welcome (after which catch-up and synced follow). */
  public ServerMessage.Welcome join(long lastSeq) throws InterruptedException {
    return join(lastSeq, null);
  }

  /** {@link #join(long)} naming the op held at {@code lastSeq}. */
  public ServerMessage.Welcome join(long lastSeq, String lastOpId) throws InterruptedException {
    assertThat(open()).as("handshake").isTrue();
    hello(lastSeq, lastOpId);
    return next(ServerMessage.Welcome.class);
  }

  /** Waits until a {@code durable} covering {@code seq} has arrived (R26). */
  public void awaitDurable(long seq) {
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> durables.stream().anyMatch(d -> d >= seq));
  }

  /** Joins and reads up to synced; returns the catch-up ops. */
  public List<ServerMessage.OpBroadcast> joinAndSync(long lastSeq) throws InterruptedException {
    join(lastSeq);
    List<ServerMessage.OpBroadcast> ops = new ArrayList<>();
    while (true) {
      ServerMessage m = next();
      if (m instanceof ServerMessage.Synced) {
        return ops;
      }
      if (m instanceof ServerMessage.OpBroadcast op) {
        ops.add(op);
      }
    }
  }

  public void send(ClientMessage message) {
    send(CODEC.encode(message));
  }

  public String submitStroke(String opId, String elementId) {
    send(new ClientMessage.SubmitOp(opId, stroke(elementId)));
    return opId;
  }

  public static Op stroke(String elementId) {
    return new Op.AddElement(
        Element.freehand(
            elementId, ElementKind.STROKE, 1, 2, Points.of(0, 0, 3, 4), Style.DEFAULT, 1));
  }

  /** The next message, failing after {@link #WAIT}. */
  public ServerMessage next() throws InterruptedException {
    ServerMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(m).as("a message for %s within %s", clientId, WAIT).isNotNull();
    return withoutDurable(m);
  }

  /**
   * The room's durable seq that acks and broadcasts carry (R26) depends on when the op log last
   * committed, and their time (R116) on the relay's clock, which these tests do not control: they
   * see those messages without either ({@link #nextAsSent} keeps them). DurableNoticeTest (relay
   * core, a log that commits when told) checks the field itself.
   */
  private static ServerMessage withoutDurable(ServerMessage m) {
    return switch (m) {
      case ServerMessage.Ack a -> new ServerMessage.Ack(a.id(), a.seq(), a.duplicate());
      case ServerMessage.OpBroadcast o ->
          new ServerMessage.OpBroadcast(o.seq(), o.id(), o.clientId(), o.op());
      default -> m;
    };
  }

  /**
   * The next message as sent, {@code durable} and {@code t} (R116) included: both depend on when
   * things happened, so {@link #next} leaves them out and only tests of them read them here.
   */
  public ServerMessage nextAsSent() throws InterruptedException {
    ServerMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(m).as("a message for %s within %s", clientId, WAIT).isNotNull();
    return m;
  }

  /** Skips messages until one of {@code type} arrives; returns it as sent. */
  public <T extends ServerMessage> T nextAsSentOf(Class<T> type) throws InterruptedException {
    while (true) {
      ServerMessage m = nextAsSent();
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  /** The next message, which must be of {@code type}. */
  public <T extends ServerMessage> T next(Class<T> type) throws InterruptedException {
    ServerMessage m = next();
    assertThat(m).isInstanceOf(type);
    return type.cast(m);
  }

  /** Skips messages until one of {@code type} arrives. */
  public <T extends ServerMessage> T nextOf(Class<T> type) throws InterruptedException {
    while (true) {
      ServerMessage m = next();
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  public Close awaitClose() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    frames.add(message);
    try {
      ServerMessage m = CODEC.decodeServer(message);
      if (m instanceof ServerMessage.Durable d) {
        durables.add(d.seq());
      } else {
        received.add(m);
      }
    } catch (ProtocolException e) {
      synchronized (undecodable) {
        undecodable.add(message);
      }
    }
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    synchronized (undecodable) {
      undecodable.add("binary frame");
    }
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closed.complete(new Close(code, reason, remote));
  }

  @Override
  public void onError(Exception ex) {}
}
