package dev.drawbridge.client.sync.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.TransportListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

class JavaWebSocketTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Records every event as a line. */
  static final class Events implements TransportListener {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void onOpen() {
      lines.add("open");
    }

    @Override
    public void onMessage(String text) {
      lines.add("msg " + text);
    }

    @Override
    public void onClosed(int code, String reason, boolean remote) {
      lines.add("closed " + code);
    }

    @Override
    public void onHandshakeRejected(int httpStatus, String detail) {
      lines.add("rejected " + httpStatus);
    }
  }

  /** Echo server that also reports the Authorization header it saw. */
  static final class EchoServer extends WebSocketServer {
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<WebSocket> sockets = new CopyOnWriteArrayList<>();

    EchoServer() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      authorizations.add(handshake.getFieldValue("Authorization"));
      sockets.add(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      conn.send("echo " + message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {}
  }

  @Test
  void sendsWithBearerHeaderAndReportsTheServerClosing() throws Exception {
    EchoServer server = new EchoServer();
    server.start();
    await().atMost(WAIT).until(() -> server.getPort() > 0);
    JavaWebSocketTransport transport = new JavaWebSocketTransport();
    Events events = new Events();
    try {
      URI uri = URI.create("ws://127.0.0.1:" + server.getPort() + "/v1/rooms/x");
      transport.connect(uri, Map.of("Authorization", "Bearer t0k"), events);
      await().atMost(WAIT).until(() -> events.lines.contains("open"));
      assertThat(server.authorizations).containsExactly("Bearer t0k");
      assertThat(transport.send("hi")).isTrue();
      await().atMost(WAIT).until(() -> events.lines.contains("msg echo hi"));
      server.sockets.getFirst().close(4001, "nope");
      await().atMost(WAIT).until(() -> events.lines.contains("closed 4001"));
      assertThat(transport.send("late")).isFalse();
    } finally {
      transport.close(1000, "done");
      server.stop(1000);
    }
  }

  @Test
  void aRefusedHandshakeReportsTheHttpStatus() throws Exception {
    try (ServerSocket listener =
        new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread answer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket s = listener.accept()) {
                      InputStream in = s.getInputStream();
                      byte[] buf = new byte[4096];
                      in.read(buf);
                      s.getOutputStream()
                          .write(
                              "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
                                  .getBytes(StandardCharsets.US_ASCII));
                      s.getOutputStream().flush();
                      Thread.sleep(500);
                    } catch (IOException | InterruptedException e) {
                      // test ends
                    }
                  });
      JavaWebSocketTransport transport = new JavaWebSocketTransport();
      Events events = new Events();
      transport.connect(
          URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/v1/rooms/x"),
          Map.of(),
          events);
      await().atMost(WAIT).until(() -> events.lines.contains("rejected 401"));
      assertThat(events.lines).doesNotContain("open").noneMatch(l -> l.startsWith("closed"));
      transport.close(1000, "done");
      answer.join();
    }
  }

  @Test
  void aRefusedConnectionIsAClose() {
    JavaWebSocketTransport transport = new JavaWebSocketTransport(2000);
    Events events = new Events();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    transport.connect(URI.create("ws://127.0.0.1:" + port + "/v1/rooms/x"), Map.of(), events);
    await().atMost(WAIT).until(() -> events.lines.stream().anyMatch(l -> l.startsWith("closed")));
    assertThat(transport.send("x")).isFalse();
  }

  @Test
  void parsesTheStatusFromJavaWebSocketsCloseReason() {
    assertThat(
            JavaWebSocketTransport.handshakeStatus(
                "Invalid status code received: 403 Status line: HTTP/1.1 403 Forbidden"))
        .isEqualTo(403);
    assertThat(JavaWebSocketTransport.handshakeStatus("connection reset")).isEqualTo(-1);
    assertThat(JavaWebSocketTransport.handshakeStatus(null)).isEqualTo(-1);
  }
}
