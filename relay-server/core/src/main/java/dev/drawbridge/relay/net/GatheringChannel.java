package dev.drawbridge.relay.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Iterator;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;

/**
 * A plain TCP connection's channel that writes all of the connection's queued frames with one
 * gathering write. Java-WebSocket's selector writes its out-queue one buffer per {@code write}
 * call, i.e. one system call per frame per receiver — the relay's main cost under load, when a busy
 * room queues several frames to each member between two selector passes. Here the first call writes
 * as many queued frames as the socket takes; the library's following calls find them written and
 * only remove them from the queue.
 */
final class GatheringChannel implements ByteChannel {
  private static final int MAX_FRAMES = 128;
  // Only the selector thread writes; one scratch array for all connections.
  private static final ThreadLocal<ByteBuffer[]> SCRATCH =
      ThreadLocal.withInitial(() -> new ByteBuffer[MAX_FRAMES]);

  private final SocketChannel channel;
  private final WebSocketImpl conn;

  GatheringChannel(SocketChannel channel, WebSocketImpl conn) {
    this.channel = channel;
    this.conn = conn;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (!src.hasRemaining()) {
      return 0; // already written by an earlier gathering write
    }
    ByteBuffer[] batch = SCRATCH.get();
    int n = 0;
    Iterator<ByteBuffer> queued = conn.outQueue.iterator();
    if (!queued.hasNext() || queued.next() != src) {
      return channel.write(src); // not the queue's head: write just this buffer
    }
    batch[n++] = src;
    while (n < MAX_FRAMES && queued.hasNext()) {
      batch[n++] = queued.next();
    }
    try {
      return (int) Math.min(Integer.MAX_VALUE, channel.write(batch, 0, n));
    } finally {
      Arrays.fill(batch, 0, n, null);
    }
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return channel.read(dst);
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** The server factory that hands out gathering channels (plain TCP only, not TLS). */
  static final class Factory implements WebSocketServerFactory {
    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
      return new WebSocketImpl(a, d);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter a, java.util.List<Draft> drafts) {
      return new WebSocketImpl(a, drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
      return key.attachment() instanceof WebSocketImpl conn
          ? new GatheringChannel(channel, conn)
          : channel;
    }

    @Override
    public void close() {
      // Nothing held.
    }
  }
}
