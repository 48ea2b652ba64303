package dev.drawbridge.relay.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;

/**
 * Refuses a handshake with a chosen HTTP status. Java-WebSocket answers every refused handshake
 * with 404, so the real status line is queued first: the client reads it as the response and
 * ignores the library's trailing 404 (the connection closes right after).
 */
final class HandshakeRefusal {
  private HandshakeRefusal() {}

  static InvalidDataException refuse(WebSocket conn, int status, String reason) {
    if (status != 404 && conn instanceof WebSocketImpl impl) {
      String body = reason + "\n";
      String response =
          "HTTP/1.1 "
              + status
              + " "
              + phrase(status)
              + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length
              + "\r\nConnection: close\r\n\r\n"
              + body;
      impl.outQueue.add(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
    }
    return new InvalidDataException(CloseFrame.POLICY_VALIDATION, reason);
  }

  private static String phrase(int status) {
    return switch (status) {
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 429 -> "Too Many Requests";
      default -> "Refused";
    };
  }
}
