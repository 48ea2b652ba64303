package dev.drawbridge.relay.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over real sockets on 127.0.0.1: clients that stall, send too much or come in too many never delay
 * another client's {@code /healthz} for longer than the deadline (issue 18).
 */
class MetricsEndpointTest {
  private static final Duration LONG_DEADLINE = Duration.ofSeconds(30);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Socket> held = new ArrayList<>();

  @AfterEach
  void closeEverything() throws IOException {
    for (Socket s : held) {
      s.close();
    }
    registry.close();
  }

  private MetricsEndpoint start(Duration deadline, int maxConnections) throws IOException {
    return new MetricsEndpoint(
        new InetSocketAddress("127.0.0.1", 0), registry, deadline, maxConnections);
  }

  /** A connection that sends the start of a request and then nothing more. */
  private Socket halfSent(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    held.add(s);
    s.getOutputStream()
        .write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Stall: ".getBytes(US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  private static String request(String method, String path) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  }

  /** Sends {@code request} on a new connection; everything the endpoint sent until it closed. */
  private static String exchange(int port, String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), UTF_8);
    }
  }

  /** True if the endpoint has closed {@code s} (end of stream or reset) within {@code wait}. */
  private static boolean closedWithin(Socket s, Duration wait) throws IOException {
    s.setSoTimeout((int) wait.toMillis());
    try {
      return s.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset
    }
  }

  @Test
  void halfSentRequestsStayOpenWhileHealthzAnswersAnotherClient() throws Exception {
    try (MetricsEndpoint endpoint = start(LONG_DEADLINE, MetricsEndpoint.MAX_CONNECTIONS)) {
      List<Socket> stalled = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        stalled.add(halfSent(endpoint.port()));
      }
      Thread.sleep(200); // every stalled connection is being read by now

      assertThat(exchange(endpoint.port(), request("GET", "/healthz")))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("Connection: close\r\n")
          .endsWith("\r\n\r\nok\n");
      assertThat(exchange(endpoint.port(), request("GET", "/metrics?x=1")))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n");
      for (Socket s : stalled) {
        assertThat(closedWithin(s, Duration.ofMillis(50))).as("still open").isFalse();
      }
    }
  }

  @Test
  void aStalledOrSilentConnectionIsClosedAtItsDeadline() throws Exception {
    Duration deadline = Duration.ofMillis(500);
    try (MetricsEndpoint endpoint = start(deadline, 4)) {
      Socket stalled = halfSent(endpoint.port());
      Socket silent = new Socket("127.0.0.1", endpoint.port());
      held.add(silent);
      long start = System.nanoTime();

      assertThat(closedWithin(stalled, Duration.ofSeconds(10))).isTrue();
      assertThat(closedWithin(silent, Duration.ofSeconds(10))).isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isBetween(deadline.minusMillis(100), deadline.plusSeconds(3));
      assertThat(exchange(endpoint.port(), request("GET", "/healthz"))).endsWith("\r\n\r\nok\n");
    }
  }

  @Test
  void aRequestHeadOverTheBoundIsAnswered431() throws Exception {
    try (MetricsEndpoint endpoint = start(LONG_DEADLINE, 4)) {
      String huge =
          "GET /healthz HTTP/1.1\r\nX-Big: "
              + "a".repeat(MetricsEndpoint.MAX_HEAD_BYTES)
              + "\r\n\r\n";
      assertThat(exchange(endpoint.port(), huge))
          .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
      assertThat(exchange(endpoint.port(), request("GET", "/healthz"))).endsWith("ok\n");
    }
  }

  @Test
  void connectionsOverTheLimitAreClosedUnansweredUntilASlotFrees() throws Exception {
    try (MetricsEndpoint endpoint = start(LONG_DEADLINE, 2)) {
      Socket first = halfSent(endpoint.port());
      halfSent(endpoint.port());
      Socket third = new Socket("127.0.0.1", endpoint.port());
      held.add(third);
      assertThat(closedWithin(third, Duration.ofSeconds(10))).isTrue();

      first.close();
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> exchange(endpoint.port(), request("GET", "/healthz")).endsWith("ok\n"));
    }
  }

  @Test
  void onlyGetAndHeadOfTheTwoPathsAreServedAndClosingFreesThePort() throws Exception {
    int port;
    try (MetricsEndpoint endpoint = start(LONG_DEADLINE, 4)) {
      port = endpoint.port();
      assertThat(exchange(port, request("HEAD", "/healthz")))
          .startsWith("HTTP/1.1 200 OK\r\n")
          .endsWith("\r\n\r\n");
      assertThat(exchange(port, request("GET", "/healthz/x"))).startsWith("HTTP/1.1 404 ");
      assertThat(exchange(port, request("POST", "/metrics")))
          .startsWith("HTTP/1.1 405 ")
          .contains("Allow: GET, HEAD\r\n");
      assertThat(exchange(port, "HELLO\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }
}
