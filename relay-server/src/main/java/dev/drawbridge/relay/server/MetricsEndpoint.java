package dev.drawbridge.relay.server;

import dev.drawbridge.relay.net.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} and {@code /metrics} (Prometheus text) on their own port, off the WebSocket
 * path: a minimal HTTP/1.1 server (GET and HEAD, one request per connection) with bounds of its
 * own. The JDK's HttpServer, used before, ran its handlers on one thread with no read deadline, so
 * one half-sent request blocked {@code /healthz} for as long as its sender liked; its deadlines and
 * connection limit exist only as JVM-wide system properties read once at class load (and JDK 25
 * documents {@code sun.net.httpserver.maxReqTime} in milliseconds but reads it as seconds).
 *
 * <p>Here every connection has its own virtual thread and is closed {@code deadline} after it was
 * accepted, whatever it is doing (reading a request that never ends, or writing to a client that
 * never reads); its request head may be at most {@link #MAX_HEAD_BYTES}; at most {@code
 * maxConnections} are open at once, and one more is closed at once, unanswered. A stalled client
 * thus holds one slot for at most the deadline and never delays anyone else's answer.
 */
final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);

  /** From accept to the answer's last byte; a scrape takes milliseconds. */
  static final Duration DEADLINE = Duration.ofSeconds(5);

  static final int MAX_CONNECTIONS = 32;

  /** Request line and headers: curl, Prometheus and load balancers send a few hundred bytes. */
  static final int MAX_HEAD_BYTES = 8 * 1024;

  /** What is read and dropped after the answer before closing: more is closed at once. */
  private static final long LINGER_BYTES = 64 * 1024;

  /** How long a client may keep the connection after its answer before it is closed anyway. */
  private static final Duration LINGER = Duration.ofSeconds(1);

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final Duration deadline;
  private final Semaphore slots;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor cutoffs;
  private final Thread acceptor;
  private volatile boolean closed;

  MetricsEndpoint(InetSocketAddress address, PrometheusMeterRegistry registry) throws IOException {
    this(address, registry, DEADLINE, MAX_CONNECTIONS);
  }

  MetricsEndpoint(
      InetSocketAddress address,
      PrometheusMeterRegistry registry,
      Duration deadline,
      int maxConnections)
      throws IOException {
    this.registry = registry;
    this.deadline = deadline;
    this.slots = new Semaphore(maxConnections);
    this.listener = new ServerSocket();
    try {
      listener.bind(address, maxConnections);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    cutoffs =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().name("metrics-http-cutoff").daemon(true).unstarted(r));
    cutoffs.setRemoveOnCancelPolicy(true);
    acceptor = Thread.ofPlatform().name("metrics-http").daemon(true).start(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("metrics endpoint: accept failed", e);
          pauseAfterFailedAccept();
        }
        continue;
      }
      if (!slots.tryAcquire()) {
        turnAway(socket);
        continue;
      }
      open.add(socket);
      ScheduledFuture<?> cutoff;
      try {
        cutoff =
            cutoffs.schedule(
                () -> closeQuietly(socket), deadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) { // closing
        release(socket);
        return;
      }
      Thread.ofVirtual()
          .name("metrics-http-connection")
          .start(
              () -> {
                try {
                  serve(socket);
                } finally {
                  cutoff.cancel(false);
                  release(socket);
                }
              });
    }
  }

  private void serve(Socket socket) {
    try {
      // The cutoff closes the socket at the deadline; the timeout is a second guard for reads.
      socket.setSoTimeout((int) deadline.toMillis());
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      try {
        answer(out, RequestLine.read(in, MAX_HEAD_BYTES));
      } catch (RequestLine.Refused e) {
        respond(out, e.status(), "text/plain", e.getMessage() + "\n", true);
      }
      // Closing with unread bytes (a body, the rest of an oversized head) would reset the
      // connection and could destroy the answer in flight: end ours, read theirs to its end.
      socket.shutdownOutput();
      socket.setSoTimeout((int) Math.min(LINGER.toMillis(), deadline.toMillis()));
      in.skip(LINGER_BYTES);
    } catch (IOException e) {
      // The client went away, or its deadline closed the socket.
      log.debug("metrics endpoint: connection ended early: {}", e.toString());
    }
  }

  private void answer(OutputStream out, RequestLine request) throws IOException {
    boolean body = !request.method().equals("HEAD");
    if (body && !request.method().equals("GET")) {
      respond(out, 405, "text/plain", "method not allowed\n", true);
      return;
    }
    switch (request.path()) {
      case "/healthz" -> respond(out, 200, "text/plain", "ok\n", body);
      case "/metrics" -> respond(out, 200, PROMETHEUS_TEXT, registry.scrape(), body);
      default -> respond(out, 404, "text/plain", "not found\n", body);
    }
  }

  private static void respond(
      OutputStream out, int status, String type, String text, boolean withBody) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + HttpStatus.phrase(status)
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.length
            + (status == 405 ? "\r\nAllow: GET, HEAD" : "")
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    if (withBody) {
      out.write(body);
    }
    out.flush();
  }

  /** Over the connection limit: closed unread, so turning a flood away costs no thread. */
  private static void turnAway(Socket socket) {
    log.debug("metrics endpoint: over the connection limit, closing {}", socket);
    closeQuietly(socket);
  }

  private void release(Socket socket) {
    closeQuietly(socket);
    if (open.remove(socket)) {
      slots.release();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("metrics endpoint: close: {}", e.toString());
    }
  }

  /** Out of file descriptors, say: do not spin on accept. */
  private static void pauseAfterFailedAccept() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      log.debug("metrics endpoint: close: {}", e.toString());
    }
    cutoffs.shutdownNow();
    for (Socket socket : open) {
      release(socket);
    }
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
