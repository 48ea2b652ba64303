package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unauthenticated clients that flood, stall or get refused in the handshake, over raw sockets on
 * 127.0.0.1 (R1–R4, R22, R73–R75; docs/reliability.md, "Handshake"). Each gets at most one HTTP
 * response, the relay closes its socket, and members keep being served.
 */
class HostileHandshakeTest {
  static final String ROOM = "gate";
  static final String PATH = "/v1/rooms/" + ROOM;

  @TempDir Path dir;

  /** What the relay sent on a socket until it closed it. */
  record Reply(String text) {
    int responses() {
      return text.split("HTTP/1.1 ", -1).length - 1;
    }

    int status() {
      return Integer.parseInt(text.substring(9, 12));
    }
  }

  static String upgradeHead(String path, Map<String, String> headers) {
    StringBuilder head =
        new StringBuilder("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
            .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    return head.append("\r\n").toString();
  }

  static Map<String, String> bearer(String room) {
    return Map.of("Authorization", "Bearer " + RelayFixture.token(room, Role.EDITOR));
  }

  /**
   * Reads until the relay closes the socket; fails (SocketTimeoutException) if it does not within
   * {@code seconds}. A reset after the relay's close counts as closed.
   */
  static Reply readUntilClosed(Socket s, int seconds) throws IOException {
    s.setSoTimeout(seconds * 1000);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        got.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // The relay closed while bytes of ours were unread: closed all the same.
    }
    return new Reply(got.toString(StandardCharsets.ISO_8859_1));
  }

  static Reply send(int port, String request, int seconds) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return readUntilClosed(s, seconds);
    }
  }

  /** Header lines without the blank line that would end them: {@code bytes} long. */
  static byte[] endlessHeaders(int bytes) {
    byte[] head = ("GET " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes();
    byte[] all = new byte[bytes];
    System.arraycopy(head, 0, all, 0, head.length);
    for (int i = head.length; i < bytes; i++) {
      int inLine = (i - head.length) % 64;
      all[i] =
          (byte)
              (inLine == 0
                  ? 'X'
                  : inLine == 1 ? ':' : inLine == 62 ? '\r' : inLine == 63 ? '\n' : 'a');
    }
    return all;
  }

  @Test
  void r73_aRequestHeadOver16KiBGets431OnceAndTheSocketIsClosed() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withHandshakeTimeoutSeconds(60))) {
      try (Socket s = new Socket("127.0.0.1", fx.relay.port())) {
        s.getOutputStream().write(endlessHeaders(20 * 1024));
        Reply reply = readUntilClosed(s, 10);
        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.text()).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        assertThat(reply.responses()).isEqualTo(1);
      }
      // A head of just under 16 KiB is read whole and refused for what it says, not its size.
      String padded = upgradeHead(PATH, Map.of("X-Pad", "a".repeat(16 * 1024 - 300)));
      assertThat(padded.length()).isLessThan(16 * 1024);
      assertThat(send(fx.relay.port(), padded, 10).status()).isEqualTo(401);
    }
  }

  /**
   * A TLS client pointed at a relay without TLS (wss:// to ws://) sends a ClientHello, which has no
   * blank line: it waited out the whole handshake timeout, so the app showed "Connecting…" for 5–20
   * s before saying the relay is not secure (found by hand). Any first byte that cannot start a
   * request now gets its 400 at once.
   */
  @Test
  void r73_bytesThatCannotStartAnHttpRequestGet400AtOnce() throws Exception {
    // A 60 s timeout: a reply within the read's 10 s can only be the early refusal.
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withHandshakeTimeoutSeconds(60))) {
      TestPeer member = fx.peer(ROOM);
      member.joinAndSync(0);
      byte[] clientHello = {0x16, 0x03, 0x01, 0x00, (byte) 0xf4, 0x01, 0x00, 0x00, (byte) 0xf0};
      for (byte[] first : List.of(clientHello, new byte[] {0}, "get / HTTP/1.1".getBytes())) {
        try (Socket s = new Socket("127.0.0.1", fx.relay.port())) {
          s.getOutputStream().write(first);
          Reply reply = readUntilClosed(s, 10);
          assertThat(reply.status()).isEqualTo(400);
          assertThat(reply.responses()).isEqualTo(1);
        }
      }
      // A request may follow an empty line (RFC 9112, 2.2), and is then read as usual.
      assertThat(send(fx.relay.port(), "\r\n" + upgradeHead(PATH, Map.of()), 10).status())
          .isEqualTo(401);
      member.submitStroke("after", "after-e");
      assertThat(member.nextOf(ServerMessage.Ack.class).id()).isEqualTo("after");
    }
  }

  @Test
  void r75_aHandshakeNotFinishedByTheDeadlineIsClosedWithoutAResponse() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withHandshakeTimeoutSeconds(1));
        Socket silent = new Socket("127.0.0.1", fx.relay.port());
        Socket slowloris = new Socket("127.0.0.1", fx.relay.port())) {
      ExecutorService trickle = Executors.newSingleThreadExecutor();
      try {
        byte[] bytes = endlessHeaders(4096);
        OutputStream out = slowloris.getOutputStream();
        Future<Integer> written =
            trickle.submit(
                () -> {
                  int i = 0;
                  try {
                    for (; i < bytes.length; i++) { // 1 byte / 200 ms, never the blank line
                      out.write(bytes[i]);
                      out.flush();
                      Thread.sleep(200);
                    }
                  } catch (IOException closedByTheRelay) {
                    // what the test waits for
                  }
                  return i;
                });
        assertThat(readUntilClosed(silent, 10).text()).isEmpty();
        assertThat(readUntilClosed(slowloris, 10).text()).isEmpty();
        assertThat(written.get(20, TimeUnit.SECONDS)).isLessThan(bytes.length);
      } finally {
        trickle.shutdownNow();
      }
      assertThat(fx.relay.scrapeMetrics())
          .contains("drawbridge_rejects_total{reason=\"handshake_timeout\"} 2.0");
    }
  }

  @Test
  void r22_socketsStillInTheirHandshakeCountAgainstThePerAddressLimit() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try (RelayFixture fx =
        new RelayFixture(dir, c -> c.withMaxConnectionsPerIp(3).withHandshakeTimeoutSeconds(60))) {
      for (int i = 0; i < 3; i++) {
        Socket s = new Socket("127.0.0.1", fx.relay.port());
        s.getOutputStream().write(("GET " + PATH + " HTTP/1.1\r\n").getBytes());
        stalled.add(s);
      }
      Reply refused = send(fx.relay.port(), upgradeHead(PATH, bearer(ROOM)), 10);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.responses()).isEqualTo(1);

      for (Socket s : stalled) {
        s.close();
      }
      // The relay notices the closes asynchronously; then the address has room again.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> RawHttp.upgradeStatus(fx.relay.port(), PATH, bearer(ROOM)) == 101);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(404, "/nowhere", Map.of()),
        Arguments.of(401, PATH, Map.of()),
        Arguments.of(401, PATH, Map.of("Authorization", "Bearer not.a.jwt")),
        Arguments.of(401, PATH, bearer("elsewhere")), // another room's token: one answer (R76)
        Arguments.of(
            403,
            PATH,
            Map.of(
                "Authorization",
                "Bearer " + RelayFixture.token(ROOM, Role.EDITOR),
                "Origin",
                "https://evil.example")),
        Arguments.of(429, PATH, bearer(ROOM)));
  }

  @ParameterizedTest(name = "{0} for {1} {2}")
  @MethodSource("refusals")
  void r74_aRefusedHandshakeGetsExactlyOneResponseAndIsClosed(
      int status, String path, Map<String, String> headers) throws Exception {
    List<Socket> held = new ArrayList<>();
    // A deadline far beyond the read timeout: the close must come from the refusal.
    try (RelayFixture fx =
        new RelayFixture(
            dir,
            c ->
                c.withHandshakeTimeoutSeconds(60)
                    .withAllowedOrigins(List.of("https://board.example"))
                    .withMaxConnectionsPerIp(status == 429 ? 1 : 32))) {
      if (status == 429) {
        assertThat(RawHttp.upgradeAndHold(fx.relay.port(), PATH, bearer(ROOM), held))
            .isEqualTo(101);
      }
      Reply reply = send(fx.relay.port(), upgradeHead(path, headers), 10);
      assertThat(reply.status()).isEqualTo(status);
      assertThat(reply.responses()).as(reply.text()).isEqualTo(1);
      assertThat(reply.text()).contains("\r\nConnection: close\r\n");
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  /**
   * Four sockets pour header bytes at the relay while a member draws: the member's ops are still
   * acked and broadcast, and every flood ends in 431 after at most 16 KiB (functional, not timed).
   */
  @Test
  void r73_membersAreServedWhileHeaderFloodsRun() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer writer = fx.peer(ROOM);
      TestPeer observer = fx.peer(ROOM);
      writer.joinAndSync(0);
      observer.joinAndSync(0);
      writer.nextOf(ServerMessage.Joined.class);
      ExecutorService floods = Executors.newFixedThreadPool(4);
      try {
        List<Future<Reply>> replies = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
          replies.add(floods.submit(() -> flood(fx.relay.port(), 4 << 20)));
        }
        for (int i = 0; i < 20; i++) {
          writer.submitStroke("op-" + i, "e" + i);
          assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo("op-" + i);
          assertThat(observer.nextOf(ServerMessage.OpBroadcast.class).id()).isEqualTo("op-" + i);
        }
        for (Future<Reply> reply : replies) {
          Reply r = reply.get(60, TimeUnit.SECONDS);
          assertThat(r.status()).isEqualTo(431);
          assertThat(r.responses()).isEqualTo(1);
        }
      } finally {
        floods.shutdownNow();
      }
    }
  }

  /** Writes up to {@code limit} header bytes in 1 KiB writes until the relay stops taking them. */
  private static Reply flood(int port, int limit) throws IOException {
    byte[] bytes = endlessHeaders(limit);
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      try {
        for (int off = 0; off < bytes.length; off += 1024) {
          out.write(bytes, off, Math.min(1024, bytes.length - off));
        }
      } catch (IOException closedByTheRelay) {
        // expected once the relay has answered
      }
      return readUntilClosed(s, 10);
    }
  }
}
