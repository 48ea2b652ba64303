package dev.drawbridge.relay.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket connection on a plain blocking socket, for connections the bench holds without
 * reading: thousands of idle members (no thread each), or a slow consumer that stops reading.
 */
final class RawConnection implements AutoCloseable {
  private final Socket socket;

  private RawConnection(Socket socket) {
    this.socket = socket;
  }

  /**
   * Connects from {@code localAddress} (any port), upgrades and reads the 101 response. A small
   * receive buffer keeps a non-reading connection's kernel backlog small.
   */
  static RawConnection open(
      URI uri, Map<String, String> headers, String localAddress, int receiveBuffer)
      throws IOException {
    Socket s = new Socket();
    try {
      if (receiveBuffer > 0) {
        s.setReceiveBufferSize(receiveBuffer);
      }
      if (localAddress != null) {
        s.bind(new InetSocketAddress(localAddress, 0));
      }
      s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      s.setSoTimeout(10_000);
      s.getOutputStream().write(upgradeRequest(uri, headers));
      s.getOutputStream().flush();
      String status = readHeaders(s.getInputStream());
      if (!status.contains(" 101 ")) {
        throw new IOException("upgrade refused: " + status);
      }
      s.setSoTimeout(0);
      return new RawConnection(s);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** The HTTP request that asks to upgrade to a WebSocket at {@code uri}. */
  static byte[] upgradeRequest(URI uri, Map<String, String> headers) {
    StringBuilder req = new StringBuilder();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    req.append("GET ").append(path.isEmpty() ? "/" : path).append(" HTTP/1.1\r\n");
    req.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
    req.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
    req.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
    req.append("\r\n");
    return req.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String readHeaders(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the upgrade: " + head);
      }
      head.append((char) b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    int eol = head.indexOf("\r\n");
    return eol < 0 ? head.toString() : head.substring(0, eol);
  }

  /** Sends one masked text frame. */
  void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    int n = payload.length;
    int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
    byte[] frame = new byte[header + 4 + n];
    frame[0] = (byte) 0x81;
    if (n < 126) {
      frame[1] = (byte) (0x80 | n);
    } else if (n < 65_536) {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (n >>> 8);
      frame[3] = (byte) n;
    } else {
      frame[1] = (byte) (0x80 | 127);
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    System.arraycopy(mask, 0, frame, header, 4);
    for (int i = 0; i < n; i++) {
      frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
    }
    socket.getOutputStream().write(frame);
    socket.getOutputStream().flush();
  }

  /**
   * Reads (and drops) frames until a close frame or the end of the stream, for at most {@code
   * timeoutMs}; returns the close code, 1006 if the stream ended without one, or -1 if none came in
   * time.
   */
  int drainUntilClose(int timeoutMs) {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    try {
      socket.setSoTimeout(Math.max(1, timeoutMs));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      while (System.nanoTime() < deadline) {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
          len = in.readUnsignedShort();
        } else if (len == 127) {
          len = in.readLong();
        }
        if ((b0 & 0x0f) == 0x8) {
          return len >= 2 ? in.readUnsignedShort() : 1005;
        }
        in.skipNBytes(len);
      }
      return -1;
    } catch (java.net.SocketTimeoutException e) {
      return -1;
    } catch (IOException e) {
      return 1006;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing a bench connection: nothing to do about a failure.
    }
  }
}
