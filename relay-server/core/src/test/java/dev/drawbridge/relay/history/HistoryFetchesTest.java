package dev.drawbridge.relay.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.blob.BlobSender;
import dev.drawbridge.relay.blob.FetchSink;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogException;
import dev.drawbridge.relay.oplog.StoredOp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's requests (R117, R119) against a send queue the test fills and empties: a page
 * waits while the queue is full, one request at a time, the rate, a failing log.
 */
class HistoryFetchesTest {
  // Generous: pages go out on the sender's own thread, which a loaded CI box may starve for
  // seconds (a 5 s bound timed out once); a passing run never waits for it.
  private static final Duration ASYNC = Duration.ofSeconds(30);

  private final InMemoryOpLog log = new InMemoryOpLog();
  private final BlobSender sender = new BlobSender("history-test");
  private final Sink sink = new Sink();

  static final class Sink implements FetchSink {
    private static final ProtocolCodec CODEC = new ProtocolCodec();
    volatile long pending;
    volatile boolean open = true;
    final List<ServerMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public long pendingBytes() {
      return pending;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void send(ServerMessage message) {
      sent.add(message);
    }

    @Override
    public void sendJson(byte[] json) {
      try {
        sent.add(CODEC.decodeServer(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
      } catch (ProtocolException e) {
        throw new AssertionError(e);
      }
    }
  }

  @AfterEach
  void close() {
    sender.close();
  }

  /** A log whose disk is gone. */
  static final class BrokenOpLog implements OpLog {
    @Override
    public CompletableFuture<Void> append(String room, StoredOp op) {
      throw new OpLogException("disk gone", null);
    }

    @Override
    public long headSeq(String room) {
      throw new OpLogException("disk gone", null);
    }

    @Override
    public OptionalLong seqOf(String room, String opId) {
      throw new OpLogException("disk gone", null);
    }

    @Override
    public List<StoredOp> readAfter(String room, long afterSeq, int max) {
      throw new OpLogException("disk gone", null);
    }

    @Override
    public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
      throw new OpLogException("disk gone", null);
    }

    @Override
    public Optional<BoardSnapshot> latestSnapshot(String room) {
      throw new OpLogException("disk gone", null);
    }

    @Override
    public void close() {}
  }

  private HistoryFetches fetches(HistoryLimits limits, OpLog from) {
    return new HistoryFetches(
        sender,
        new HistoryPages(from, limits.maxPage()),
        limits,
        "room",
        sink,
        new HistoryMetrics(new SimpleMeterRegistry()),
        0);
  }

  private void fill(int n) {
    for (int seq = 1; seq <= n; seq++) {
      log.append(
          "room",
          new StoredOp(
              seq,
              "o" + seq,
              "c",
              new Op.AddElement(
                  Element.freehand(
                      "e" + seq, ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1)),
              seq));
    }
  }

  @Test
  void aPageWaitsForTheSendQueueAndASecondRequestMeanwhileIsBusy() throws Exception {
    fill(5);
    HistoryFetches f = fetches(HistoryLimits.defaults(), log);
    sink.pending = BlobSender.LOW_WATER; // full: the page must wait
    assertThat(f.request(new ClientMessage.HistoryGet(1, 10), 0)).isNull();
    ServerMessage.HistoryRefused busy = f.request(new ClientMessage.HistoryGet(1, 10), 1);
    assertThat(busy.reason()).isEqualTo("busy");
    assertThat(busy.retryAfterMs()).isPositive();
    Thread.sleep(50);
    assertThat(sink.sent).isEmpty();

    sink.pending = 0;
    Awaitility.await().atMost(ASYNC).until(() -> sink.sent.size() == 1);
    assertThat(((ServerMessage.History) sink.sent.getFirst()).ops()).hasSize(5);
    assertThat(f.request(new ClientMessage.HistoryGet(6, 10), 2)).isNull();
    Awaitility.await().atMost(ASYNC).until(() -> sink.sent.size() == 2);
  }

  @Test
  void requestsBeyondTheRateAreRefusedWithTheWaitAndCostNothing() {
    fill(1);
    HistoryFetches f = fetches(HistoryLimits.defaults().withRate(2, 1), log);
    assertThat(f.request(new ClientMessage.HistoryGet(1, 1), 0)).isNull();
    Awaitility.await().atMost(ASYNC).until(() -> sink.sent.size() == 1);
    ServerMessage.HistoryRefused limited = f.request(new ClientMessage.HistoryGet(1, 1), 1);
    assertThat(limited.reason()).isEqualTo("rate_limited");
    assertThat(limited.retryAfterMs()).isBetween(400L, 500L);
    assertThat(f.request(new ClientMessage.HistoryGet(1, 1), 500_000_000L)).isNull();
  }

  @Test
  void aClosedConnectionGetsNothingAndAFailingLogAnswersUnavailable() {
    fill(3);
    sink.open = false;
    HistoryFetches gone = fetches(HistoryLimits.defaults(), log);
    assertThat(gone.request(new ClientMessage.HistoryGet(1, 10), 0)).isNull();
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> gone.request(new ClientMessage.HistoryGet(1, 10), 1) == null);
    assertThat(sink.sent).isEmpty();

    sink.open = true;
    HistoryFetches failing =
        new HistoryFetches(
            sender,
            new HistoryPages(new BrokenOpLog(), 10),
            HistoryLimits.defaults(),
            "room",
            sink,
            new HistoryMetrics(new SimpleMeterRegistry()),
            0);
    assertThat(failing.request(new ClientMessage.HistoryGet(1, 10), 0)).isNull();
    Awaitility.await().atMost(ASYNC).until(() -> sink.sent.size() == 1);
    ServerMessage.HistoryRefused refused = (ServerMessage.HistoryRefused) sink.sent.getFirst();
    assertThat(refused.reason()).isEqualTo("unavailable");
    assertThat(refused.retryAfterMs()).isPositive();
  }
}
