package dev.drawbridge.relay.bench;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The bench's clients on one thread and one selector: connects them, writes their frames and reads
 * and answers the relay's. A thread per connection (Java-WebSocket's client) costs a context switch
 * per received frame: at 70,000 deliveries/s on one core the load generator, not the relay, set the
 * latency. Here every connection is a non-blocking socket. What clients send is {@link BenchOps};
 * what they receive is counted by {@link DeliveryMeter}, which recognises frames by their first
 * bytes and reads only the fields it needs.
 */
final class LoadLoop implements AutoCloseable {
  private static final int READ_BUFFER = 256 * 1024;

  /** One client: its socket, its pacing and its counts; touched by the loop thread only. */
  static final class Conn {
    final int index;
    final int room;
    // The socket (this class).
    final SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    SelectionKey key;
    boolean closed;
    // Pacing (BenchRun) and its op numbers.
    long nextSend;
    long n;
    // What it sent and received (DeliveryMeter).
    final Set<String> seen = new HashSet<>();
    // Own acked ops not yet said durable (R26), oldest first: {seq, send time}.
    final ArrayDeque<long[]> awaitingDurable = new ArrayDeque<>();
    // Their op ids, in the same order.
    final ArrayDeque<String> awaitingDurableIds = new ArrayDeque<>();
    // Op ids the relay said durable, when the run records them (--durable-ids), else null.
    List<String> durableIds;
    long durable;
    boolean synced;
    long sent;
    long acked;
    long nacked;
    long delivered;
    long duplicates;

    Conn(int index, int room, SocketChannel channel) {
      this.index = index;
      this.room = room;
      this.channel = channel;
    }
  }

  private final BenchTarget target;
  private final BenchOps ops;
  private final DeliveryMeter meter;
  private final Selector selector;
  final List<Conn> conns = new ArrayList<>();
  boolean recordDurableIds;

  LoadLoop(
      BenchTarget target, BenchOps ops, LatencyRecorder latencies, LatencyRecorder durableLatencies)
      throws IOException {
    this.target = target;
    this.ops = ops;
    this.meter = new DeliveryMeter(target, latencies, durableLatencies);
    this.selector = Selector.open();
  }

  /** Connects and upgrades (blocking, at most 10 s), then registers the socket non-blocking. */
  Conn connect(URI uri, Map<String, String> headers, int index, int room) throws IOException {
    SocketChannel ch = SocketChannel.open();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    try {
      watchdog.schedule(() -> closeQuietly(ch), 10, TimeUnit.SECONDS);
      ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      ch.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
      ByteBuffer r = ByteBuffer.wrap(RawConnection.upgradeRequest(uri, headers));
      while (r.hasRemaining()) {
        ch.write(r);
      }
      // Byte by byte: the relay may send frames right after the 101, which belong to the loop.
      ByteBuffer one = ByteBuffer.allocate(1);
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        one.clear();
        if (ch.read(one) < 0 || head.length() > 8192) {
          throw new IOException("upgrade failed: " + head);
        }
        head.append((char) one.get(0));
      }
      if (!head.toString().startsWith("HTTP/1.1 101")) {
        throw new IOException("upgrade refused: " + head.toString().lines().findFirst().orElse(""));
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      throw e;
    } finally {
      watchdog.shutdownNow();
    }
    ch.configureBlocking(false);
    Conn c = new Conn(index, room, ch);
    if (recordDurableIds) {
      c.durableIds = new ArrayList<>();
    }
    c.key = ch.register(selector, SelectionKey.OP_READ, c);
    conns.add(c);
    return c;
  }

  void hello(Conn c) {
    if (target == BenchTarget.RAW) {
      c.synced = true; // a raw relay has no handshake beyond the upgrade
      return;
    }
    sendText(c, BenchOps.hello(c.index));
  }

  /** Sends one op whose id carries the send time. */
  void sendOp(Conn c) {
    long n = c.n++;
    long now = System.nanoTime();
    String op = ops.op(c.index, n, now);
    c.sent++;
    sendText(c, op);
  }

  private void sendText(Conn c, String text) {
    sendFrame(c, 0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  private void sendFrame(Conn c, int opcode, byte[] payload) {
    if (c.closed) {
      return;
    }
    int n = payload.length;
    int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
    ByteBuffer f = ByteBuffer.allocate(header + 4 + n);
    f.put((byte) (0x80 | opcode));
    if (n < 126) {
      f.put((byte) (0x80 | n));
    } else if (n < 65_536) {
      f.put((byte) (0x80 | 126)).putShort((short) n);
    } else {
      f.put((byte) (0x80 | 127)).putLong(n);
    }
    int mask = ThreadLocalRandom.current().nextInt();
    f.putInt(mask);
    for (int i = 0; i < n; i++) {
      f.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
    }
    f.flip();
    c.out.add(f);
    flush(c);
  }

  private void flush(Conn c) {
    try {
      while (!c.out.isEmpty()) {
        ByteBuffer head = c.out.peek();
        c.channel.write(head);
        if (head.hasRemaining()) {
          c.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        c.out.poll();
      }
      c.key.interestOps(SelectionKey.OP_READ);
    } catch (IOException | java.nio.channels.CancelledKeyException e) {
      markClosed(c);
    }
  }

  /** Handles socket events for at most {@code timeoutNanos} (at least one select). */
  void poll(long timeoutNanos) throws IOException {
    // Rounded up: sleeping a little past a send time only delays that send (latency is measured
    // from the actual send), while spinning on selectNow would eat the generator's core.
    int ready =
        timeoutNanos <= 0
            ? selector.selectNow()
            : selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
    if (ready == 0) {
      return;
    }
    var it = selector.selectedKeys().iterator();
    while (it.hasNext()) {
      SelectionKey k = it.next();
      it.remove();
      Conn c = (Conn) k.attachment();
      if (!k.isValid()) {
        markClosed(c);
        continue;
      }
      if (k.isWritable()) {
        flush(c);
      }
      if (k.isValid() && k.isReadable()) {
        read(c);
      }
    }
  }

  private void read(Conn c) {
    try {
      int got = c.channel.read(c.in);
      if (got < 0) {
        markClosed(c);
        return;
      }
    } catch (IOException e) {
      markClosed(c);
      return;
    }
    long now = System.nanoTime();
    ByteBuffer in = c.in;
    in.flip();
    while (in.remaining() >= 2) {
      int start = in.position();
      int b0 = in.get(start) & 0xff;
      int b1 = in.get(start + 1) & 0x7f;
      int header = 2;
      long len = b1;
      if (b1 == 126) {
        if (in.remaining() < 4) {
          break;
        }
        len = in.getShort(start + 2) & 0xffff;
        header = 4;
      } else if (b1 == 127) {
        if (in.remaining() < 10) {
          break;
        }
        len = in.getLong(start + 2);
        header = 10;
      }
      if (len > in.capacity() - header) {
        // A frame bigger than the buffer (a large welcome): grow it for this connection.
        if (len > ProtocolLimits.MAX_SERVER_FRAME_BYTES) {
          markClosed(c);
          return;
        }
        // Copy what is buffered from this frame on; the next read appends the rest.
        ByteBuffer bigger = ByteBuffer.allocate((int) len + header + READ_BUFFER);
        bigger.put(in);
        c.in = bigger;
        return;
      }
      if (in.remaining() < header + len) {
        break;
      }
      int payload = start + header;
      onFrame(c, b0 & 0x0f, in, payload, (int) len, now);
      in.position(payload + (int) len);
    }
    in.compact();
  }

  private void onFrame(Conn c, int opcode, ByteBuffer in, int at, int len, long now) {
    switch (opcode) {
      case 0x1 -> meter.onText(c, in, at, len, now);
      case 0x8 -> markClosed(c);
      case 0x9 -> {
        byte[] p = new byte[len];
        in.get(at, p);
        sendFrame(c, 0xA, p);
      }
      default -> {}
    }
  }

  private void markClosed(Conn c) {
    c.closed = true;
    if (c.key != null) {
      c.key.cancel();
    }
    closeQuietly(c.channel);
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // Nothing to do about a failed close of a bench socket.
    }
  }

  @Override
  public void close() {
    for (Conn c : conns) {
      if (!c.closed) {
        sendFrame(c, 0x8, new byte[] {0x03, (byte) 0xe8}); // 1000
        markClosed(c);
      }
    }
    try {
      selector.close();
    } catch (IOException ignored) {
      // Closing the bench's selector: nothing to do about a failure.
    }
  }
}
