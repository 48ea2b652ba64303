package dev.drawbridge.relay.bench;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A member that reads a room's whole history (R117) the way the app does: page after page, the next
 * asked as soon as one arrives, waiting out refusals. For {@code bench --history-fetch} (how long a
 * whole history takes) and {@code --history-reader} (live ops while someone reads). Runs on the
 * caller's thread; the JDK's WebSocket client delivers frames on its own.
 */
final class HistoryClient implements AutoCloseable {
  private static final ProtocolCodec CODEC = new ProtocolCodec();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final WebSocket socket;
  private final LinkedBlockingQueue<ServerMessage> received;

  /** One whole fetch: pages, ops and their JSON bytes, and how long it took. */
  record Fetch(int pages, long ops, long bytes, long nanos) {
    double millis() {
      return nanos / 1e6;
    }
  }

  /** Characters of text received: about the bytes, as the JSON is ASCII but for text in ops. */
  private final AtomicLong chars;

  private HistoryClient(
      WebSocket socket, AtomicLong chars, LinkedBlockingQueue<ServerMessage> received) {
    this.socket = socket;
    this.chars = chars;
    this.received = received;
  }

  /** Connects to {@code room} at {@code uri}, says hello and waits until synced. */
  static HistoryClient join(URI uri, Map<String, String> headers) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    headers.forEach(builder::header);
    LinkedBlockingQueue<ServerMessage> inbox = new LinkedBlockingQueue<>();
    AtomicLong chars = new AtomicLong();
    WebSocket ws =
        builder
            .buildAsync(uri, new Listener(inbox::add, chars))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    HistoryClient c = new HistoryClient(ws, chars, inbox);
    c.send(
        new ClientMessage.Hello(
            ProtocolVersion.CURRENT, "history-reader", "history reader", "#888888", 0));
    c.await(ServerMessage.Synced.class);
    return c;
  }

  /** Fetches every page from seq 1 to the head; refusals are waited out as the app does. */
  Fetch fetchAll() throws Exception {
    long start = System.nanoTime();
    long bytesBefore = chars.get();
    int pages = 0;
    long ops = 0;
    Long next = 1L;
    while (next != null) {
      send(new ClientMessage.HistoryGet(next, ProtocolLimits.MAX_HISTORY_PAGE_OPS));
      ServerMessage answer = awaitAnswer();
      if (answer instanceof ServerMessage.HistoryRefused r) {
        Thread.sleep(Math.max(1, r.retryAfterMs()));
        continue;
      }
      ServerMessage.History page = (ServerMessage.History) answer;
      pages++;
      ops += page.ops().size();
      next = page.next();
    }
    return new Fetch(pages, ops, chars.get() - bytesBefore, System.nanoTime() - start);
  }

  private void send(ClientMessage m) {
    socket.sendText(CODEC.encode(m), true).join();
  }

  private ServerMessage awaitAnswer() throws InterruptedException {
    while (true) {
      ServerMessage m = poll();
      if (m instanceof ServerMessage.History || m instanceof ServerMessage.HistoryRefused) {
        return m;
      }
    }
  }

  private <T extends ServerMessage> T await(Class<T> type) throws InterruptedException {
    while (true) {
      ServerMessage m = poll();
      if (type.isInstance(m)) {
        return type.cast(m);
      }
    }
  }

  private ServerMessage poll() throws InterruptedException {
    ServerMessage m = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new IllegalStateException("no answer from the relay within " + WAIT);
    }
    if (m instanceof ServerMessage.Error e) {
      throw new IllegalStateException("relay refused the history reader: " + e.code());
    }
    return m;
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS);
  }

  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<ServerMessage> sink;
    private final AtomicLong chars;
    private final StringBuilder partial = new StringBuilder();

    /** Decodes whole text messages into {@code sink}, counting their characters. */
    Listener(java.util.function.Consumer<ServerMessage> sink, AtomicLong chars) {
      this.sink = sink;
      this.chars = chars;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      chars.addAndGet(data.length());
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          sink.accept(CODEC.decodeServer(text));
        } catch (ProtocolException e) {
          // Not for the reader (a message type this bench does not know): skipped.
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      sink.accept(new ServerMessage.Error("closed", "closed with " + code + " " + reason, null));
      return CompletableFuture.completedFuture(null);
    }
  }
}
