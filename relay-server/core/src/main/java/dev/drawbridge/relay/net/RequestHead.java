package dev.drawbridge.relay.net;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An HTTP request's head: its bytes up to and including the blank line, at most {@link #MAX_BYTES}
 * (R73). The blank line is looked for in new bytes only, so a request that trickles in costs time
 * linear in its size; Java-WebSocket re-parses everything received on every read, and buffers it
 * without limit.
 */
final class RequestHead {
  static final int MAX_BYTES = 16 * 1024;

  enum State {
    INCOMPLETE,
    COMPLETE,
    TOO_LARGE,
    /**
     * The first byte cannot start an HTTP request (an upper-case method token, or the empty line a
     * server may skip before it): a TLS ClientHello sent to a relay without TLS, or noise. Said at
     * once rather than after the handshake timeout, so such a client fails in a moment (R73).
     */
    NOT_HTTP
  }

  private byte[] bytes = new byte[1024];
  private int length;

  /** How much of "\r\n\r\n" the last bytes matched. */
  private int matched;

  /**
   * Takes bytes from {@code in} up to the end of the head; what follows it (frames sent right
   * behind the request) stays in {@code in}.
   */
  State append(ByteBuffer in) {
    while (in.hasRemaining()) {
      if (length == MAX_BYTES) {
        return State.TOO_LARGE;
      }
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(MAX_BYTES, 2 * length));
      }
      byte b = in.get();
      if (length == 0 && (b == '\r' || b == '\n')) {
        continue; // empty lines before the request line are skipped (RFC 9112, 2.2)
      }
      if (length == 0 && !(b >= 'A' && b <= 'Z')) {
        in.position(in.limit());
        return State.NOT_HTTP;
      }
      bytes[length++] = b;
      matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
      if (matched == 4) {
        return State.COMPLETE;
      }
    }
    return State.INCOMPLETE;
  }

  /** The head read so far (the whole head once {@link State#COMPLETE}). */
  ByteBuffer bytes() {
    return ByteBuffer.wrap(bytes, 0, length);
  }
}
