package dev.drawbridge.relay.server;

import dev.drawbridge.relay.net.HttpStatus;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The request line of an HTTP/1.x request, read up to the blank line that ends its headers (which
 * the metrics endpoint does not need) and no further than a bound.
 *
 * @param method e.g. GET
 * @param path the request target without its query
 */
record RequestLine(String method, String path) {

  /** A request refused before it is routed: 400 (not HTTP/1.x) or 431 (head over the bound). */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;

    Refused(int status) {
      super(HttpStatus.phrase(status).toLowerCase(Locale.ROOT));
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /**
   * Reads the request head from {@code in}; bytes after it (a body, a pipelined request) are left
   * unread or ignored.
   *
   * @throws Refused when the head is malformed or longer than {@code maxBytes}
   * @throws IOException when the client closes first, or the socket's timeout passes
   */
  static RequestLine read(InputStream in, int maxBytes) throws IOException {
    byte[] head = new byte[maxBytes];
    int length = 0;
    while (true) {
      if (length == maxBytes) {
        throw new Refused(431);
      }
      int n = in.read(head, length, maxBytes - length);
      if (n < 0) {
        throw new EOFException("closed before the end of the request head");
      }
      int from = Math.max(0, length - 3);
      length += n;
      for (int i = from; i < length; i++) {
        if (head[i] == '\n'
            && ((i >= 1 && head[i - 1] == '\n')
                || (i >= 3 && head[i - 1] == '\r' && head[i - 2] == '\n'))) {
          return parse(new String(head, 0, i, StandardCharsets.ISO_8859_1));
        }
      }
    }
  }

  private static RequestLine parse(String head) throws Refused {
    int lineEnd = head.indexOf('\n');
    String[] parts = head.substring(0, lineEnd).strip().split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || parts[0].isEmpty()) {
      throw new Refused(400);
    }
    int query = parts[1].indexOf('?');
    return new RequestLine(parts[0], query < 0 ? parts[1] : parts[1].substring(0, query));
  }
}
