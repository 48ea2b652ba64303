package dev.drawbridge.client.sync.ws;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Watches what a plain ({@code ws://}) server sends before the WebSocket opens: whether the TCP
 * connection was made, the first bytes (a TLS record means the server wants {@code wss://}), and a
 * bound on the answer. Java-WebSocket buffers a handshake answer without limit (copying it on every
 * read), so a server that sends an endless header would eat the app's memory: past {@link
 * #MAX_ANSWER_BYTES} the read fails and the attempt is classified as "not a relay".
 */
final class HandshakeWatch {
  /** The most a relay's upgrade answer may take; a relay's is a few hundred bytes (R73's bound). */
  static final int MAX_ANSWER_BYTES = 16 * 1024;

  private volatile boolean connected;
  private volatile boolean opened;
  private volatile boolean tooLong;
  private volatile long bytes;
  private final byte[] first = new byte[2];

  /** Sockets whose connect and reads this watch sees (for Java-WebSocket's socket factory). */
  SocketFactory socketFactory() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new WatchedSocket();
      }

      @Override
      public Socket createSocket(String host, int port) {
        throw connectedSocketsUnused();
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort) {
        throw connectedSocketsUnused();
      }

      @Override
      public Socket createSocket(InetAddress host, int port) {
        throw connectedSocketsUnused();
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
        throw connectedSocketsUnused();
      }
    };
  }

  /** Java-WebSocket asks its factory only for an unconnected socket, which it connects itself. */
  private static UnsupportedOperationException connectedSocketsUnused() {
    return new UnsupportedOperationException("the client connects an unconnected socket");
  }

  /** The WebSocket opened: reads are frames from now on, not counted. */
  void opened() {
    opened = true;
  }

  boolean connected() {
    return connected;
  }

  boolean tooLong() {
    return tooLong;
  }

  long bytes() {
    return bytes;
  }

  /** The first bytes are a TLS record header (handshake 0x16 or alert 0x15, version 3.x). */
  boolean answeredWithTls() {
    return bytes >= 2 && (first[0] == 0x16 || first[0] == 0x15) && first[1] == 0x03;
  }

  private final class WatchedSocket extends Socket {
    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      super.connect(endpoint, timeout);
      connected = true;
      // A server that accepts and never answers fails the read instead of hanging the attempt.
      setSoTimeout(JavaWebSocketTransport.ANSWER_TIMEOUT_MILLIS);
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return new FilterInputStream(super.getInputStream()) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0 && !opened) {
            for (int i = 0; i < n && bytes + i < first.length; i++) {
              first[(int) bytes + i] = b[off + i];
            }
            bytes += n;
            if (bytes > MAX_ANSWER_BYTES) {
              tooLong = true;
              throw new IOException("handshake answer over " + MAX_ANSWER_BYTES + " bytes");
            }
          }
          return n;
        }
      };
    }
  }
}
