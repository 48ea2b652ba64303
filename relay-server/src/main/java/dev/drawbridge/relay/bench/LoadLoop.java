package dev.drawbridge.relay.bench;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.op.Op;
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
 * The bench's clients on one thread and one selector. A thread per connection (Java-WebSocket's
 * client) costs a context switch per received frame: at 70,000 deliveries/s on one core the load
 * generator, not the relay, set the latency. Here every connection is a non-blocking socket; op
 * frames are recognised by their first bytes and only their id is read.
 */
final class LoadLoop implements AutoCloseable {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final byte[] OP_PREFIX = ascii("{\"type\":\"op\",");
  private static final byte[] ACK_PREFIX = ascii("{\"type\":\"ack\",");
  private static final byte[] NACK_PREFIX = ascii("{\"type\":\"nack\",");
  private static final byte[] SYNCED_PREFIX = ascii("{\"type\":\"synced\",");
  private static final byte[] DURABLE_PREFIX = ascii("{\"type\":\"durable\",");
  private static final byte[] ID_FIELD = ascii("\"id\":\"");
  private static final byte[] SEQ_FIELD = ascii("\"seq\":");
  private static final int READ_BUFFER = 256 * 1024;

  /** One connection's state; touched by the loop thread only. */
  static final class Conn {
    final int index;
    final int room;
    final SocketChannel channel;
    ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    final Set<String> seen = new HashSet<>();
    // Own acked ops not yet said durable (R26), oldest first: {seq, send time}.
    final ArrayDeque<long[]> awaitingDurable = new ArrayDeque<>();
    SelectionKey key;
    boolean synced;
    boolean closed;
    long sent;
    long acked;
    long nacked;
    long delivered;
    long duplicates;
    long nextSend;
    long n;

    Conn(int index, int room, SocketChannel channel) {
      this.index = index;
      this.room = room;
      this.channel = channel;
    }
  }

  private final BenchTarget target;
  private final LatencyRecorder latencies;
  private final LatencyRecorder durableLatencies;
  private final Points points;
  private final Selector selector;
  final List<Conn> conns = new ArrayList<>();

  LoadLoop(
      BenchTarget target,
      int opSizeBytes,
      LatencyRecorder latencies,
      LatencyRecorder durableLatencies)
      throws IOException {
    this.target = target;
    this.latencies = latencies;
    this.durableLatencies = durableLatencies;
    // About 12 encoded bytes per x,y pair (e.g. "123.0,45.0,"); the rest of an op is ~250 bytes.
    int pairs = Math.clamp((opSizeBytes - 250) / 12, 1, ProtocolLimits.MAX_POINTS_PER_OP);
    float[] coords = new float[pairs * 2];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = 100 + (i * 7) % 900;
    }
    this.points = Points.of(coords);
    this.selector = Selector.open();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Connects and upgrades (blocking, at most 10 s), then registers the socket non-blocking. */
  Conn connect(URI uri, Map<String, String> headers, int index, int room) throws IOException {
    SocketChannel ch = SocketChannel.open();
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    try {
      watchdog.schedule(() -> closeQuietly(ch), 10, TimeUnit.SECONDS);
      ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      ch.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
      StringBuilder req = new StringBuilder();
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      req.append("GET ").append(path.isEmpty() ? "/" : path).append(" HTTP/1.1\r\n");
      req.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
      req.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
      req.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
      headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      req.append("\r\n");
      ByteBuffer r = ByteBuffer.wrap(req.toString().getBytes(StandardCharsets.US_ASCII));
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
    c.key = ch.register(selector, SelectionKey.OP_READ, c);
    conns.add(c);
    return c;
  }

  void hello(Conn c) {
    if (target == BenchTarget.RAW) {
      c.synced = true; // a raw relay has no handshake beyond the upgrade
      return;
    }
    sendText(
        c,
        CODEC.encode(
            new ClientMessage.Hello(
                ProtocolVersion.CURRENT, "bench" + c.index, "bench " + c.index, "#3366cc", 0)));
  }

  /** Sends one op whose id carries the send time (this process's nanoTime). */
  void sendOp(Conn c) {
    long n = c.n++;
    long now = System.nanoTime();
    String id = c.index + "." + n + "." + now;
    Op op =
        new Op.AddElement(
            Element.freehand(
                "e" + c.index + "." + n, ElementKind.STROKE, 0, 0, points, Style.DEFAULT, n));
    c.sent++;
    sendText(c, CODEC.encode(new ClientMessage.SubmitOp(id, op)));
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
      case 0x1 -> onText(c, in, at, len, now);
      case 0x8 -> markClosed(c);
      case 0x9 -> {
        byte[] p = new byte[len];
        in.get(at, p);
        sendFrame(c, 0xA, p);
      }
      default -> {}
    }
  }

  private static boolean startsWith(ByteBuffer in, int at, int len, byte[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in.get(at + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private void onText(Conn c, ByteBuffer in, int at, int len, long now) {
    if (startsWith(in, at, len, OP_PREFIX)) {
      // The client's {"type":"op","id":…} as forwarded by a raw relay, or the relay's
      // {"type":"op","seq":…,"id":…}: the first "id" is the op id, unique per op.
      String id = stringField(in, at + OP_PREFIX.length, at + len);
      if (id == null) {
        return;
      }
      if (!c.seen.add(id)) {
        c.duplicates++;
        return;
      }
      c.delivered++;
      long sentAt = sendTime(id);
      if (sentAt != NO_TIME) {
        latencies.record(sentAt, now);
      }
    } else if (target == BenchTarget.DRAWBRIDGE) {
      if (startsWith(in, at, len, ACK_PREFIX)) {
        c.acked++;
        String id = stringField(in, at + ACK_PREFIX.length, at + len);
        long seq = seqField(in, at + ACK_PREFIX.length, at + len);
        long sentAt = id == null ? NO_TIME : sendTime(id);
        if (seq > 0 && sentAt != NO_TIME) {
          c.awaitingDurable.addLast(new long[] {seq, sentAt});
        }
      } else if (startsWith(in, at, len, DURABLE_PREFIX)) {
        long seq = seqField(in, at + DURABLE_PREFIX.length, at + len);
        while (!c.awaitingDurable.isEmpty() && c.awaitingDurable.peekFirst()[0] <= seq) {
          durableLatencies.record(c.awaitingDurable.removeFirst()[1], now);
        }
      } else if (startsWith(in, at, len, NACK_PREFIX)) {
        c.nacked++;
      } else if (startsWith(in, at, len, SYNCED_PREFIX)) {
        c.synced = true;
      }
    }
  }

  private static final long NO_TIME = Long.MIN_VALUE;

  /** The send time a bench op id carries after its last dot, or {@link #NO_TIME}. */
  private static long sendTime(String id) {
    int lastDot = id.lastIndexOf('.');
    if (lastDot > 0) {
      try {
        return Long.parseLong(id, lastDot + 1, id.length(), 10);
      } catch (NumberFormatException ignored) {
        // Not a bench op (someone else drawing in the room): no latency to measure.
      }
    }
    return NO_TIME;
  }

  /** The first {@code "id":"…"} value in [from, end), or null. */
  private static String stringField(ByteBuffer in, int from, int end) {
    int start = fieldValue(in, from, end, ID_FIELD);
    if (start < 0) {
      return null;
    }
    int stop = start;
    while (stop < end && in.get(stop) != '"') {
      stop++;
    }
    byte[] bytes = new byte[stop - start];
    in.get(start, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** The first {@code "seq":N} value in [from, end), or -1. */
  private static long seqField(ByteBuffer in, int from, int end) {
    int at = fieldValue(in, from, end, SEQ_FIELD);
    if (at < 0) {
      return -1;
    }
    long seq = 0;
    for (; at < end && in.get(at) >= '0' && in.get(at) <= '9'; at++) {
      seq = seq * 10 + (in.get(at) - '0');
    }
    return seq;
  }

  private static int fieldValue(ByteBuffer in, int from, int end, byte[] field) {
    for (int i = from; i + field.length <= end; i++) {
      if (startsWith(in, i, end - i, field)) {
        return i + field.length;
      }
    }
    return -1;
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
