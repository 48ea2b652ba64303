package dev.drawbridge.relay.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A hand-written WebSocket upgrade request: the only way to see the exact HTTP status. */
final class RawHttp {
  private RawHttp() {}

  /** Sends an upgrade for {@code path} and returns the status code of the first response. */
  static int upgradeStatus(int port, String path, Map<String, String> headers) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return upgrade(s, port, path, headers);
    }
  }

  /**
   * Like {@link #upgradeStatus} but leaves the connection open (added to {@code held}, which the
   * caller closes), so it keeps counting against the relay's limits.
   */
  static int upgradeAndHold(int port, String path, Map<String, String> headers, List<Socket> held)
      throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    held.add(s);
    return upgrade(s, port, path, headers);
  }

  private static int upgrade(Socket s, int port, String path, Map<String, String> headers)
      throws IOException {
    s.setSoTimeout(20_000);
    StringBuilder req =
        new StringBuilder("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
            .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
    req.append("\r\n");
    OutputStream out = s.getOutputStream();
    out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    String[] parts = line.toString().split(" ");
    if (parts.length < 2) {
      throw new IOException("no status line: " + line);
    }
    return Integer.parseInt(parts[1]);
  }

  /**
   * Opens a WebSocket and then never reads: the relay's out-queue for it only grows. Returns the
   * socket (the caller closes it).
   */
  static Socket openAndStopReading(int port, String path, String token) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setReceiveBufferSize(4096);
    String req =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Authorization: Bearer "
            + token
            + "\r\n\r\n";
    s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** A masked client text frame carrying {@code payload} as is (no UTF-8 check). */
  static byte[] maskedTextFrame(byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : 4;
    byte[] frame = new byte[header + 4 + n];
    frame[0] = (byte) 0x81;
    if (n < 126) {
      frame[1] = (byte) (0x80 | n);
    } else {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (n >> 8);
      frame[3] = (byte) n;
    }
    byte[] mask = {1, 2, 3, 4};
    System.arraycopy(mask, 0, frame, header, 4);
    for (int i = 0; i < n; i++) {
      frame[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return frame;
  }
}
