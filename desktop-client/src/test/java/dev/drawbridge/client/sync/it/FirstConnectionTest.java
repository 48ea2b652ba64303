package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.ConnectionState.Failed.Kind;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board that never connected names why its first attempt failed and does not retry on its own
 * (issue 14), whatever answers at the address: nothing, a plain relay asked for wss://, a server
 * that speaks TLS asked for ws://, or a hostile server answering garbage, HTTP 200 or an endless
 * header. The endless header is cut at 16 KiB instead of being buffered without limit.
 */
class FirstConnectionTest {
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          // Longer than the transport's wait for an answer (5 s) plus its TLS probe (3 s).
          .withHeartbeat(Duration.ofMillis(300), Duration.ofSeconds(12))
          .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

  @TempDir Path tmp;

  /** What a raw server does with one accepted connection (after reading the request head). */
  private interface Answer {
    void answer(OutputStream out) throws IOException;
  }

  /** A raw TCP server on 127.0.0.1 that gives every connection {@code answer}. */
  private static final class RawServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger accepted = new AtomicInteger();
    private final Thread thread;

    RawServer(Answer answer) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!socket.isClosed()) {
                      try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                        s.setSoTimeout(5_000);
                        readHead(s.getInputStream());
                        answer.answer(s.getOutputStream());
                      } catch (IOException e) {
                        // The client gave up (as it should on a hostile answer) or we closed.
                      }
                    }
                  });
    }

    String url(String scheme) {
      return scheme + "://127.0.0.1:" + socket.getLocalPort();
    }

    private static void readHead(InputStream in) throws IOException {
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      for (int n = 0; n < 65_536 && matched < 4; n++) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(5_000);
    }
  }

  private Kind failureOf(String url, String room) {
    try (TestClient c = new TestClient("ann", url, room, tmp.resolve(room), CONFIG)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> c.state() instanceof ConnectionState.Failed);
      Kind kind = ((ConnectionState.Failed) c.state()).kind();
      // Named, not retried: no reconnect loop, and it stays failed.
      await()
          .during(Duration.ofMillis(600))
          .until(() -> c.state() instanceof ConnectionState.Failed);
      assertThat(c.states).noneMatch(s -> s instanceof ConnectionState.Reconnecting);
      return kind;
    }
  }

  @Test
  void aDeadPortIsNothingAnswers() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    assertThat(failureOf("ws://127.0.0.1:" + port, "dead")).isEqualTo(Kind.NO_ANSWER);
  }

  @Test
  void garbageIsNotARelay() throws Exception {
    try (RawServer server =
        new RawServer(out -> out.write("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes()))) {
      assertThat(failureOf(server.url("ws"), "garbage")).isEqualTo(Kind.NOT_A_RELAY);
      assertThat(server.accepted.get()).isEqualTo(1);
    }
  }

  @Test
  void anHttp200IsNotARelay() throws Exception {
    String page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello";
    try (RawServer server = new RawServer(out -> out.write(page.getBytes()))) {
      assertThat(failureOf(server.url("ws"), "web")).isEqualTo(Kind.NOT_A_RELAY);
    }
  }

  @Test
  void anEndlessHeaderIsCutAndNotARelay() throws Exception {
    byte[] line = ("X-Fill: " + "a".repeat(1000) + "\r\n").getBytes();
    try (RawServer server =
        new RawServer(
            out -> {
              out.write("HTTP/1.1 101 Switching Protocols\r\n".getBytes());
              // 64 MiB unless the client hangs up first, which it must after 16 KiB.
              for (int i = 0; i < 65_536; i++) {
                out.write(line);
              }
            })) {
      assertThat(failureOf(server.url("ws"), "endless")).isEqualTo(Kind.NOT_A_RELAY);
    }
  }

  @Test
  void aServerAnsweringWithATlsAlertWantsWss() throws Exception {
    // A TLS server's fatal alert (protocol_version) to a plain HTTP request.
    byte[] alert = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46};
    try (RawServer server = new RawServer(out -> out.write(alert))) {
      assertThat(failureOf(server.url("ws"), "tls")).isEqualTo(Kind.NEEDS_TLS);
    }
  }

  @Test
  void aServerThatHangsUpSilentlyIsNotARelay() throws Exception {
    try (RawServer server = new RawServer(out -> {})) {
      assertThat(failureOf(server.url("ws"), "silent")).isEqualTo(Kind.NOT_A_RELAY);
    }
  }

  @Test
  void wssToAPlainRelaySaysItIsNotTls() throws Exception {
    try (Relay relay =
        Relay.start(RelayConfig.localDefaults(tmp.resolve("relay")).withBindAddress("127.0.0.1"))) {
      assertThat(failureOf("wss://127.0.0.1:" + relay.port(), "plain")).isEqualTo(Kind.NOT_TLS);
    }
  }
}
