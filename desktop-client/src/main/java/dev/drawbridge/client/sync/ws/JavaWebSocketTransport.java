package dev.drawbridge.client.sync.ws;

import dev.drawbridge.client.sync.ConnectFailure;
import dev.drawbridge.client.sync.Transport;
import dev.drawbridge.client.sync.TransportListener;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Collections;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transport} on Java-WebSocket: a new client per connection (the library's clients are not
 * meant to be reused), TCP_NODELAY on, frames up to the protocol's largest server frame (a welcome
 * carries the whole board), and the library's own ping timer off (the session has its heartbeat).
 */
public final class JavaWebSocketTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(JavaWebSocketTransport.class);

  /**
   * Java-WebSocket reports a non-101 handshake answer as a close (1002) with this reason, e.g.
   * "Invalid status code received: 401 Status line: HTTP/1.1 401 Unauthorized".
   */
  private static final Pattern HANDSHAKE_STATUS =
      Pattern.compile("Invalid status code received: (\\d{3})");

  private final int connectTimeoutMillis;
  private volatile Client current;

  public JavaWebSocketTransport() {
    this(10_000);
  }

  public JavaWebSocketTransport(int connectTimeoutMillis) {
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public void connect(URI uri, Map<String, String> headers, TransportListener listener) {
    Client previous = current;
    if (previous != null) {
      previous.abort(1000, "reconnecting");
    }
    Client client = new Client(uri, headers, listener, connectTimeoutMillis);
    current = client;
    client.connect();
  }

  @Override
  public boolean send(String text) {
    Client client = current;
    if (client == null || !client.isOpen()) {
      return false;
    }
    try {
      client.send(text);
      return true;
    } catch (RuntimeException e) {
      // WebsocketNotConnectedException when the socket closed between isOpen and send.
      return false;
    }
  }

  @Override
  public void close(int code, String reason) {
    Client client = current;
    current = null;
    if (client != null) {
      client.abort(code, reason);
    }
  }

  /** The HTTP status of a refused handshake, from Java-WebSocket's close reason; -1 if none. */
  static int handshakeStatus(String closeReason) {
    if (closeReason == null) {
      return -1;
    }
    Matcher m = HANDSHAKE_STATUS.matcher(closeReason);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Whether {@code e} or one of its causes is a certificate the platform does not trust. */
  static boolean certificateProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a TLS server answers at {@code host:port}: a plain attempt there got no answer at all,
   * which is how a TLS server treats a plain HTTP request. A certificate we do not trust still
   * proves TLS. Nothing is sent but a ClientHello; a few seconds at most.
   */
  static boolean speaksTls(String host, int port) {
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
      plain.setSoTimeout(PROBE_TIMEOUT_MILLIS);
      SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
      try (SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, false)) {
        socket.startHandshake();
        return true;
      }
    } catch (SSLException e) {
      return certificateProblem(e);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static final int PROBE_TIMEOUT_MILLIS = 3_000;

  /**
   * How long a connected server may take to answer the upgrade (or the TLS handshake). A relay
   * answers in milliseconds; a plain server asked for TLS waits for an HTTP request that never
   * comes, and without this the attempt would hang until the session's heartbeat gave up on it.
   */
  static final int ANSWER_TIMEOUT_MILLIS = 5_000;

  private static final class Client extends WebSocketClient {
    private final TransportListener listener;
    private final boolean tls;
    // Plain connections only: a TLS socket is layered by the library itself (see HandshakeWatch).
    private final HandshakeWatch watch;
    private volatile boolean opened;
    private volatile boolean aborted;
    private volatile Exception error;
    // wss:// only: the TCP connection was made and TLS was layered on it (the handshake may fail).
    private volatile boolean tlsStarted;

    Client(URI uri, Map<String, String> headers, TransportListener listener, int timeoutMillis) {
      super(
          uri,
          new Draft_6455(Collections.emptyList(), ProtocolLimits.MAX_SERVER_FRAME_BYTES),
          headers,
          timeoutMillis);
      this.listener = listener;
      this.tls = "wss".equalsIgnoreCase(uri.getScheme());
      this.watch = tls ? null : new HandshakeWatch();
      if (watch != null) {
        setSocketFactory(watch.socketFactory());
      }
      setTcpNoDelay(true);
      setConnectionLostTimeout(0);
      // A connection being given up on must never keep the app's JVM from exiting.
      setDaemon(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
      if (aborted) {
        // Given up on while still connecting: do not leave a forgotten connection open.
        close(1000, "abandoned");
        return;
      }
      opened = true;
      if (watch != null) {
        watch.opened();
      }
      answerTimeout(0);
      listener.onOpen();
    }

    @Override
    public void onMessage(String message) {
      listener.onMessage(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      int status = opened ? -1 : handshakeStatus(reason);
      ConnectFailure failure = opened || aborted || status > 0 ? null : classify();
      if (status > 0) {
        listener.onHandshakeRejected(status, reason);
      } else if (failure != null) {
        Exception e = error;
        listener.onConnectFailed(failure, e != null ? e.toString() : reason);
      } else {
        listener.onClosed(code, reason, remote);
      }
    }

    @Override
    protected void onSetSSLParameters(javax.net.ssl.SSLParameters parameters) {
      super.onSetSSLParameters(parameters);
      // Called once the TCP connection is made and TLS layered on it, before the handshake.
      tlsStarted = true;
      answerTimeout(ANSWER_TIMEOUT_MILLIS);
    }

    /** Bounds each read of the socket: {@link #ANSWER_TIMEOUT_MILLIS} until open, then none. */
    private void answerTimeout(int millis) {
      Socket socket = getSocket();
      if (socket != null) {
        try {
          socket.setSoTimeout(millis);
        } catch (IOException e) {
          // Closed underneath: the close reports it.
        }
      }
    }

    /**
     * Why this connection never opened, when the socket can tell; null when it cannot (then a plain
     * close is reported). Runs on the client's own thread, never the UI's: it may probe.
     */
    private ConnectFailure classify() {
      Exception e = error;
      if (e != null && certificateProblem(e)) {
        return ConnectFailure.UNTRUSTED_CERTIFICATE;
      }
      if (e instanceof SSLException) {
        // wss:// to a server that answered in plain (its HTTP answer is not a TLS record).
        return ConnectFailure.NOT_TLS;
      }
      if (e instanceof UnknownHostException
          || e instanceof UnresolvedAddressException
          || e instanceof ConnectException
          || e instanceof NoRouteToHostException
          || e instanceof PortUnreachableException
          || e instanceof SocketTimeoutException && (watch == null || !watch.connected())) {
        return ConnectFailure.NO_ANSWER;
      }
      if (watch == null) {
        // wss:// that got as far as TLS and no further: a plain server, waiting for a request.
        return tlsStarted ? ConnectFailure.NOT_TLS : null;
      }
      if (!watch.connected()) {
        return null;
      }
      if (watch.tooLong()) {
        return ConnectFailure.NOT_A_RELAY;
      }
      if (watch.answeredWithTls()) {
        return ConnectFailure.NEEDS_TLS;
      }
      if (watch.bytes() == 0
          && speaksTls(getURI().getHost(), getURI().getPort() > 0 ? getURI().getPort() : 80)) {
        return ConnectFailure.NEEDS_TLS;
      }
      return ConnectFailure.NOT_A_RELAY;
    }

    @Override
    public void onError(Exception e) {
      // A close always follows an error; reconnecting is decided there, not here.
      error = e;
      log.debug("WebSocket error on {}: {}", getURI(), e.toString());
    }

    /** Closes without a closing handshake: the peer may be gone or black-holed. */
    void abort(int code, String reason) {
      aborted = true;
      try {
        closeConnection(code, reason);
      } catch (RuntimeException e) {
        log.debug("closeConnection failed", e);
      }
      Socket socket = getSocket();
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException e) {
          // Already closed.
        }
      }
    }
  }
}
