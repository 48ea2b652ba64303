package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench} against a real relay: everything delivered once, one JSON line out (R25). */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void r25_benchReportsNoLossNoDuplicates() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      StringWriter out = new StringWriter();
      var cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      int code =
          cli.execute(
              "bench",
              "--url=ws://127.0.0.1:" + fx.relay.port(),
              "--token=" + RelayFixture.token("*", Role.EDITOR),
              "--clients=6",
              "--rooms=2",
              "--rate=20",
              "--op-size=400",
              "--duration=1500ms",
              "--json");
      JsonNode report = new ObjectMapper().readTree(out.toString().trim());
      assertThat(report.get("sent").asLong()).as(out.toString()).isPositive();
      // Every op was answered (a nack would be a rate limit on a starved box, not a loss).
      assertThat(report.get("acked").asLong() + report.get("nacked").asLong())
          .as(out.toString())
          .isEqualTo(report.get("sent").asLong());
      assertThat(report.get("expected").asLong()).isEqualTo(report.get("acked").asLong() * 2);
      assertThat(report.get("lost").asLong()).isZero();
      assertThat(report.get("duplicates").asLong()).isZero();
      assertThat(report.get("p99Ms").asDouble()).isPositive();
      // Every acked op is said durable (R26), a measurable time after it was sent.
      assertThat(report.get("durableP50Ms").asDouble()).isPositive();
      assertThat(code).isZero();
    }
  }

  @Test
  void benchDrivesARawBroadcastRelayWithTheSameOps() throws Exception {
    try (RawBroadcastRelay raw = new RawBroadcastRelay()) {
      StringWriter out = new StringWriter();
      var cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));
      int code =
          cli.execute(
              "bench",
              "--target=raw",
              "--url=ws://127.0.0.1:" + raw.port(),
              "--clients=5",
              "--rooms=1",
              "--rate=20",
              "--op-size=200",
              "--duration=1s",
              "--json");
      JsonNode report = new ObjectMapper().readTree(out.toString().trim());
      long sent = report.get("sent").asLong();
      assertThat(sent).as(out.toString()).isPositive();
      assertThat(report.get("acked").asLong()).isZero();
      assertThat(report.get("durableP50Ms").asDouble()).isZero();
      assertThat(report.get("expected").asLong()).isEqualTo(sent * 4);
      assertThat(report.get("lost").asLong()).isZero();
      assertThat(report.get("duplicates").asLong()).isZero();
      assertThat(code).isZero();
    }
  }

  /** The seed relay's behaviour in Java: every frame to every other client of ?room=. */
  private static final class RawBroadcastRelay extends WebSocketServer implements AutoCloseable {
    private final Map<String, Set<WebSocket>> rooms = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    RawBroadcastRelay() throws Exception {
      // One decoder thread: a client's onOpen then always runs before any frame decoded after its
      // 101 was sent. With several, a loaded box could decode another client's first op before
      // onOpen had added the newcomer to the room, and the bench rightly counted one loss.
      super(new InetSocketAddress("127.0.0.1", 0), 1);
      setReuseAddr(true);
      start();
      started.get(20, TimeUnit.SECONDS);
    }

    int port() {
      return getPort();
    }

    private Set<WebSocket> room(WebSocket conn) {
      String path = conn.<String>getAttachment();
      return rooms.computeIfAbsent(path, k -> ConcurrentHashMap.newKeySet());
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.setAttachment(handshake.getResourceDescriptor());
      room(conn).add(conn);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      room(conn).remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      for (WebSocket other : room(conn)) {
        if (other != conn && other.isOpen()) {
          other.send(message);
        }
      }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.complete(null);
    }

    @Override
    public void close() throws InterruptedException {
      stop(5_000);
    }
  }
}
