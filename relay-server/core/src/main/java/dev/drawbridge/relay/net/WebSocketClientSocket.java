package dev.drawbridge.relay.net;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.relay.room.ClientSocket;
import dev.drawbridge.relay.room.Outbound;
import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's handle on one Java-WebSocket connection. Sends queue the message's shared frame bytes
 * straight into the connection's out-queue (the library's own send would re-frame per receiver),
 * and count what is queued: a client that stops reading and lets more than the cap pile up is
 * closed with 4011 (R24) before it can exhaust the heap.
 */
final class WebSocketClientSocket implements ClientSocket {
  private static final Logger log = LoggerFactory.getLogger(WebSocketClientSocket.class);

  private final WebSocket conn;
  private final RelayWebSocketServer server;
  private final long maxPendingBytes;
  private final ScheduledExecutorService timers;
  private final Counter bytesOut;
  private final String remote;
  private long queuedEstimate;
  private boolean tooSlow;
  // The member's catch-up frames while queued (the welcome with a big board's snapshot, the ops
  // after it): they count beside the cap, not against it, so that a board bigger than the cap can
  // be joined at all; what piles up besides them still may not pass the cap. A catch-up is bounded
  // by the snapshot cadence. Written bytes leave a buffer's remaining().
  private final ArrayDeque<ByteBuffer> catchUp = new ArrayDeque<>();

  WebSocketClientSocket(
      WebSocket conn,
      RelayWebSocketServer server,
      long maxPendingBytes,
      ScheduledExecutorService timers,
      Counter bytesOut,
      java.net.InetAddress client) {
    this.conn = conn;
    this.server = server;
    this.maxPendingBytes = maxPendingBytes;
    this.timers = timers;
    this.bytesOut = bytesOut;
    this.remote = describe(conn.getRemoteSocketAddress(), client);
  }

  /**
   * How log lines name the member: the peer's address and port, and before it the client's own
   * address when a trusted proxy named another (behind nginx every peer is nginx).
   */
  static String describe(java.net.InetSocketAddress peer, java.net.InetAddress client) {
    if (peer == null) {
      return "?";
    }
    String socket = peer.getAddress().getHostAddress() + ":" + peer.getPort();
    return client == null || client.equals(peer.getAddress())
        ? socket
        : client.getHostAddress() + " via " + socket;
  }

  @Override
  public void send(Outbound message) {
    enqueue(message, false);
  }

  @Override
  public void sendCatchUp(Outbound message) {
    enqueue(message, true);
  }

  private void enqueue(Outbound message, boolean ofCatchUp) {
    if (!conn.isOpen() || !(conn instanceof WebSocketImpl impl)) {
      return;
    }
    ByteBuffer frame = message.<ByteBuffer>framed(TextFrames::frame);
    ByteBuffer queued = frame.duplicate();
    synchronized (this) {
      if (tooSlow) {
        return;
      }
      if (ofCatchUp) {
        catchUp.add(queued);
      } else {
        queuedEstimate += frame.remaining();
        if (queuedEstimate > maxPendingBytes) {
          queuedEstimate = pendingBytes(impl) - catchUpBytes();
          if (queuedEstimate + frame.remaining() > maxPendingBytes) {
            tooSlow = true;
          }
        }
      }
      if (!tooSlow) {
        impl.outQueue.add(queued);
      }
    }
    if (tooSlow) {
      closeTooSlow();
      return;
    }
    bytesOut.increment(frame.remaining());
    server.onWriteDemand(conn);
  }

  // Catch-up bytes not yet written; drops the buffers written whole.
  private long catchUpBytes() {
    while (!catchUp.isEmpty() && !catchUp.peek().hasRemaining()) {
      catchUp.poll();
    }
    long sum = 0;
    for (ByteBuffer b : catchUp) {
      sum += b.remaining();
    }
    return sum;
  }

  @Override
  public long pendingBytes() {
    if (!(conn instanceof WebSocketImpl impl)) {
      return 0;
    }
    synchronized (this) {
      return pendingBytes(impl);
    }
  }

  private static long pendingBytes(WebSocketImpl impl) {
    long sum = 0;
    for (ByteBuffer b : impl.outQueue) {
      sum += b.remaining();
    }
    return sum;
  }

  private void closeTooSlow() {
    log.atWarn()
        .addKeyValue("remote", remote)
        .addKeyValue("reason", "too_slow")
        .addKeyValue("closeCode", CloseCodes.TOO_SLOW)
        .log("client stopped reading: closing");
    server.countReject("too_slow");
    close(CloseCodes.TOO_SLOW, "too slow");
    // The close frame waits behind the unread backlog; drop the TCP connection if it never drains.
    timers.schedule(
        () -> {
          if (!conn.isClosed()) {
            log.atDebug().addKeyValue("remote", remote).log("backlog never drained: dropping TCP");
            conn.closeConnection(CloseCodes.TOO_SLOW, "too slow");
          }
        },
        2,
        TimeUnit.SECONDS);
  }

  /**
   * Closes from the timer thread. Callers may hold a room's monitor, and Java-WebSocket calls
   * onClose (which takes that monitor) while holding the connection's: closing inline could
   * deadlock.
   */
  @Override
  public void close(int code, String reason) {
    timers.execute(() -> conn.close(code, reason));
  }

  @Override
  public String remote() {
    return remote;
  }
}
