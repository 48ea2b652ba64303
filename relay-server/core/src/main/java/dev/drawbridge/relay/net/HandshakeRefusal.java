package dev.drawbridge.relay.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A refused handshake: the one HTTP response the client gets (R74) before the relay closes the
 * connection. Thrown without a stack trace: an attacker can make the relay refuse thousands.
 */
final class HandshakeRefusal extends Exception {
  private final int status;

  HandshakeRefusal(int status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  ByteBuffer response() {
    String body = getMessage() + "\n";
    String response =
        "HTTP/1.1 "
            + status
            + " "
            + HttpStatus.phrase(status)
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\nConnection: close\r\n\r\n"
            + body;
    return ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8));
  }
}
