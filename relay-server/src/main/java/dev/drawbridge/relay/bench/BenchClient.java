package dev.drawbridge.relay.bench;

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
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** One bench connection: sends paced ops and records the broadcasts it receives. */
final class BenchClient extends WebSocketClient {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  final int index;
  final int room;
  final CountDownLatch synced = new CountDownLatch(1);
  final AtomicLong sent = new AtomicLong();
  final AtomicLong acked = new AtomicLong();
  final AtomicLong nacked = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final LatencyRecorder latencies;
  private final Set<Long> seenSeqs = new HashSet<>();
  private final Points points;
  private volatile String closeReason;

  BenchClient(
      URI uri,
      Map<String, String> headers,
      int index,
      int room,
      int opSizeBytes,
      LatencyRecorder latencies) {
    super(uri, headers);
    this.index = index;
    this.room = room;
    this.latencies = latencies;
    setTcpNoDelay(true);
    setConnectionLostTimeout(0);
    // About 12 encoded bytes per x,y pair (e.g. "123.0,45.0,"); the rest of an op is ~250 bytes.
    int pairs = Math.clamp((opSizeBytes - 250) / 12, 1, ProtocolLimits.MAX_POINTS_PER_OP);
    float[] coords = new float[pairs * 2];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = 100 + (i * 7) % 900;
    }
    this.points = Points.of(coords);
  }

  void hello() {
    send(
        CODEC.encode(
            new ClientMessage.Hello(
                ProtocolVersion.CURRENT, "bench" + index, "bench " + index, "#3366cc", 0)));
  }

  /** Sends one op whose id carries the send time (this process's nanoTime). */
  void sendOp(long n) {
    long now = System.nanoTime();
    String id = index + "." + n + "." + now;
    Op op =
        new Op.AddElement(
            Element.freehand(
                "e" + index + "." + n, ElementKind.STROKE, 0, 0, points, Style.DEFAULT, n));
    // Counted before the frame leaves, so the drain never sees an ack for an op not yet counted.
    sent.incrementAndGet();
    try {
      send(CODEC.encode(new ClientMessage.SubmitOp(id, op)));
    } catch (RuntimeException e) {
      sent.decrementAndGet();
      throw e;
    }
  }

  String closeReason() {
    return closeReason;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    long now = System.nanoTime();
    ServerMessage m;
    try {
      m = CODEC.decodeServer(message);
    } catch (ProtocolException e) {
      return;
    }
    switch (m) {
      case ServerMessage.OpBroadcast op -> {
        boolean fresh;
        synchronized (seenSeqs) {
          fresh = seenSeqs.add(op.seq());
        }
        if (!fresh) {
          duplicates.incrementAndGet();
          return;
        }
        delivered.incrementAndGet();
        int lastDot = op.id().lastIndexOf('.');
        if (lastDot > 0) {
          try {
            latencies.record(now - Long.parseLong(op.id().substring(lastDot + 1)));
          } catch (NumberFormatException ignored) {
            // Not a bench op (someone else drawing in the room): no latency to measure.
          }
        }
      }
      case ServerMessage.Ack ack -> acked.incrementAndGet();
      case ServerMessage.Nack nack -> nacked.incrementAndGet();
      case ServerMessage.Synced s -> synced.countDown();
      default -> {}
    }
  }

  @Override
  public void onMessage(ByteBuffer bytes) {}

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closeReason = code + " " + reason;
    synced.countDown();
  }

  @Override
  public void onError(Exception ex) {
    closeReason = ex.toString();
  }
}
