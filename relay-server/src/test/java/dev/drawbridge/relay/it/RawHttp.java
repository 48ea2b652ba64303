package dev.drawbridge.relay.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A hand-written WebSocket upgrade request: the only way to see the exact HTTP status. */
final class RawHttp {
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)");

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

  /**
   * Sends an upgrade for {@code path} and returns the first response whole: status line, headers
   * and the {@code Content-Length} bytes of its body (what a client reads of a refusal).
   */
  static byte[] refusal(int port, String path, Map<String, String> headers) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      sendUpgrade(s, port, path, headers);
      InputStream in = s.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      int c;
      while (!response.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")
          && (c = in.read()) != -1) {
        response.write(c);
      }
      Matcher length = CONTENT_LENGTH.matcher(response.toString(StandardCharsets.ISO_8859_1));
      if (length.find()) {
        response.write(in.readNBytes(Integer.parseInt(length.group(1))));
      }
      return response.toByteArray();
    }
  }

  private static int upgrade(Socket s, int port, String path, Map<String, String> headers)
      throws IOException {
    sendUpgrade(s, port, path, headers);
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

  private static void sendUpgrade(Socket s, int port, String path, Map<String, String> headers)
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

  /**
   * Opens a WebSocket with an editor-style bearer {@code token} and reads the HTTP response up to
   * its blank line: what follows on the socket is frames.
   */
  static Socket openWebSocket(int port, String path, String token) throws IOException {
    Socket s = openAndStopReading(port, path, token);
    s.setSoTimeout(20_000);
    InputStream in = s.getInputStream();
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c == -1) {
        throw new IOException("connection closed during the handshake");
      }
      matched =
          (c == '\r' && matched % 2 == 0) || (c == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return s;
  }

  /**
   * A client frame with any first byte (FIN, RSV bits, opcode), masked or not; payloads of 126
   * bytes or more get a 16-bit length.
   */
  static byte[] clientFrame(int firstByte, boolean masked, byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : 4;
    byte[] mask = masked ? new byte[] {9, 8, 7, 6} : new byte[0];
    byte[] frame = new byte[header + mask.length + n];
    frame[0] = (byte) firstByte;
    int maskBit = masked ? 0x80 : 0;
    if (n < 126) {
      frame[1] = (byte) (maskBit | n);
    } else {
      frame[1] = (byte) (maskBit | 126);
      frame[2] = (byte) (n >> 8);
      frame[3] = (byte) n;
    }
    System.arraycopy(mask, 0, frame, header, mask.length);
    for (int i = 0; i < n; i++) {
      frame[header + mask.length + i] = masked ? (byte) (payload[i] ^ mask[i % 4]) : payload[i];
    }
    return frame;
  }

  /** A close payload: the code in two bytes, then {@code reason} as is. */
  static byte[] closePayload(int code, byte... reason) {
    byte[] p = new byte[2 + reason.length];
    p[0] = (byte) (code >> 8);
    p[1] = (byte) code;
    System.arraycopy(reason, 0, p, 2, reason.length);
    return p;
  }

  /**
   * Reads frames until the relay's close frame and returns its code; 1005 for a close without a
   * code, 1006 if the connection ends without one.
   */
  static int closeCode(Socket s) throws IOException {
    java.io.DataInputStream data = new java.io.DataInputStream(s.getInputStream());
    try {
      while (true) {
        int opcode = data.readUnsignedByte() & 0x0F;
        long len = data.readUnsignedByte() & 0x7F;
        if (len == 126) {
          len = data.readUnsignedShort();
        } else if (len == 127) {
          len = data.readLong();
        }
        byte[] body = data.readNBytes((int) len);
        if (opcode == 0x8) {
          return body.length < 2 ? 1005 : ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        }
      }
    } catch (java.io.EOFException | java.net.SocketException e) {
      return 1006;
    }
  }
}
