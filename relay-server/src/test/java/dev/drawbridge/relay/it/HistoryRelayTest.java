package dev.drawbridge.relay.it;

import static dev.drawbridge.relay.it.HistoryPaging.all;
import static dev.drawbridge.relay.it.HistoryPaging.fill;
import static dev.drawbridge.relay.it.HistoryPaging.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.history.HistoryLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History through a real relay on SQLite (docs/protocol.md R116, R117, R119, R120): op times on
 * every path an op takes and across a restart, pages of a room bigger than one page, who may ask,
 * refusals, and requests the decoder refuses.
 */
class HistoryRelayTest {
  @TempDir Path dir;

  @Test
  void r116_opsCarryTheRelaysTimeInAcksBroadcastsCatchUpDuplicatesAndAfterARestart()
      throws Exception {
    ServerMessage.Ack ack;
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer a = fx.peer("times");
      TestPeer b = fx.peer("times");
      a.joinAndSync(0);
      b.joinAndSync(0);
      long before = System.currentTimeMillis();
      a.submitStroke("op1", "e1");
      ack = a.nextAsSentOf(ServerMessage.Ack.class);
      long after = System.currentTimeMillis();
      assertThat(ack.t()).isBetween(before, after);
      assertThat(b.nextAsSentOf(ServerMessage.OpBroadcast.class).t()).isEqualTo(ack.t());

      a.submitStroke("op1", "e1"); // R15: a resend gets the first time
      ServerMessage.Ack duplicate = a.nextAsSentOf(ServerMessage.Ack.class);
      assertThat(duplicate.duplicate()).isTrue();
      assertThat(duplicate.t()).isEqualTo(ack.t());

      TestPeer late = fx.peer("times");
      late.join(0);
      assertThat(late.nextAsSentOf(ServerMessage.OpBroadcast.class).t()).isEqualTo(ack.t());
      a.awaitDurable(1);
    }
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer c = fx.peer("times");
      c.join(0);
      assertThat(c.nextAsSentOf(ServerMessage.OpBroadcast.class).t()).isEqualTo(ack.t());
      c.nextOf(ServerMessage.Synced.class);
      c.submitStroke("op1", "e1"); // the id is found in the log now, its time with it
      assertThat(c.nextAsSentOf(ServerMessage.Ack.class).t()).isEqualTo(ack.t());
      ServerMessage.History page = (ServerMessage.History) page(c, 1, 10);
      assertThat(page.ops()).extracting(HistoryOp::t).containsExactly(ack.t());
    }
  }

  @Test
  void r117_r120_aRoomOfSeveralPagesIsReadGapFreeAndEndsAtTheHead() throws Exception {
    HistoryLimits small = HistoryLimits.defaults().withMaxPage(100);
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withHistoryLimits(small))) {
      TestPeer a = fx.peer("pages");
      assertThat(a.join(0).maxHistoryPage()).isEqualTo(100);
      a.nextOf(ServerMessage.Synced.class);
      List<ServerMessage.Ack> acks = fill(a, "p", 250);
      a.awaitDurable(250);

      ServerMessage.History first = (ServerMessage.History) page(a, 1, 2000);
      assertThat(first.ops()).hasSize(100);
      assertThat(first.ops().getFirst().seq()).isEqualTo(1);
      assertThat(first.next()).isEqualTo(101L);
      assertThat(first.headSeq()).isEqualTo(250);
      assertThat(first.base()).isNull();
      assertThat(first.ops().getFirst().id()).isEqualTo("p1");
      assertThat(first.ops().getFirst().clientId()).isEqualTo(a.clientId);
      assertThat(first.ops().getFirst().op()).isEqualTo(TestPeer.stroke("el-p1"));

      ServerMessage.History limited = (ServerMessage.History) page(a, 101, 30);
      assertThat(limited.ops()).extracting(HistoryOp::seq).startsWith(101L).hasSize(30);
      assertThat(limited.next()).isEqualTo(131L);

      List<HistoryOp> ops = all(a, 1);
      assertThat(ops).extracting(HistoryOp::id).containsExactlyElementsOf(ids(acks));
      assertThat(ops).extracting(HistoryOp::t).containsExactlyElementsOf(times(acks));

      ServerMessage.History last = (ServerMessage.History) page(a, 241, 2000);
      assertThat(last.ops()).hasSize(10);
      assertThat(last.next()).isNull();
      for (long from : new long[] {251, 1L << 53, Long.MAX_VALUE}) {
        ServerMessage.History beyond = (ServerMessage.History) page(a, from, 5);
        assertThat(beyond.ops()).isEmpty();
        assertThat(beyond.next()).isNull();
        assertThat(beyond.headSeq()).isEqualTo(250);
        assertThat(beyond.from()).isEqualTo(from);
      }
      assertThat(fx.relay.scrapeMetrics()).contains("drawbridge_history_pages_total");
    }
  }

  @Test
  void r120_everyWelcomeSaysThePageSizeAndAViewerMayReadTheHistory() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer a = fx.peer("viewer");
      assertThat(a.join(0).maxHistoryPage()).isEqualTo(2000);
      a.nextOf(ServerMessage.Synced.class);
      fill(a, "v", 3);
      // Pages hold stored ops (R117): acks leave before the commit (ADR 0006).
      a.awaitDurable(3);
      TestPeer viewer = fx.peer("viewer", Role.VIEWER);
      assertThat(viewer.join(0).maxHistoryPage()).isEqualTo(2000);
      viewer.nextOf(ServerMessage.Synced.class);
      ServerMessage.History page = (ServerMessage.History) page(viewer, 2, 2000);
      assertThat(page.ops()).extracting(HistoryOp::id).containsExactly("v2", "v3");
    }
  }

  @Test
  void r5_historyGetBeforeHelloIsRefusedLikeAnyMessage() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer p = fx.peer("early");
      assertThat(p.open()).isTrue();
      p.send(new ClientMessage.HistoryGet(1, 10));
      assertThat(p.next(ServerMessage.Error.class).code()).isEqualTo("op_before_hello");
      assertThat(p.awaitClose().code()).isEqualTo(CloseCodes.MALFORMED);
    }
  }

  @Test
  void r117_requestsOutsideTheBoundsAreRefusedByTheDecoder() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      String[][] cases = {
        {"{\"type\":\"history_get\",\"from\":1,\"limit\":0}", "4002", "invalid_value"},
        {"{\"type\":\"history_get\",\"from\":1,\"limit\":2001}", "4009", "too_big"},
        {"{\"type\":\"history_get\",\"from\":0,\"limit\":10}", "4002", "invalid_value"},
        {"{\"type\":\"history_get\",\"from\":-5,\"limit\":10}", "4002", "invalid_value"},
      };
      for (String[] c : cases) {
        TestPeer p = fx.peer("bounds");
        p.joinAndSync(0);
        p.send(c[0]);
        assertThat(p.nextOf(ServerMessage.Error.class).code()).as(c[0]).isEqualTo(c[2]);
        assertThat(p.awaitClose().code()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      }
    }
  }

  /**
   * R119: a second request while one is unanswered is refused busy, every request gets exactly one
   * answer, and the connection and room go on serving.
   */
  @Test
  void r119_aRequestWhileOneIsUnansweredIsBusyAndEveryRequestIsAnsweredOnce() throws Exception {
    HistoryLimits fast = HistoryLimits.defaults().withRate(1e6, 1e6);
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withHistoryLimits(fast))) {
      TestPeer a = fx.peer("busy");
      a.joinAndSync(0);
      fill(a, "b", 2000);
      int asked = 30;
      for (int i = 0; i < asked; i++) {
        a.send(new ClientMessage.HistoryGet(1, 2000));
      }
      List<ServerMessage> answers = new ArrayList<>();
      while (answers.size() < asked) {
        ServerMessage m = a.nextAsSent();
        if (m instanceof ServerMessage.History || m instanceof ServerMessage.HistoryRefused) {
          answers.add(m);
        }
      }
      // The refusals leave at once, the page when it is read: the order of answers is not fixed.
      assertThat(answers).hasAtLeastOneElementOfType(ServerMessage.History.class);
      List<ServerMessage.HistoryRefused> refused =
          answers.stream()
              .filter(ServerMessage.HistoryRefused.class::isInstance)
              .map(ServerMessage.HistoryRefused.class::cast)
              .toList();
      assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.reason()).isEqualTo("busy"));
      assertThat(refused).allSatisfy(r -> assertThat(r.retryAfterMs()).isPositive());
      a.send(new ClientMessage.Ping(5));
      assertThat(a.nextOf(ServerMessage.Pong.class).t()).isEqualTo(5);
      assertThat(page(a, 1999, 5)).isInstanceOf(ServerMessage.History.class);
      assertThat(fx.relay.scrapeMetrics()).contains("reason=\"history_busy\"");
    }
  }

  @Test
  void r119_pagesBeyondTheConnectionsRateAreRefusedWithARetryTime() throws Exception {
    HistoryLimits slow = HistoryLimits.defaults().withRate(0.1, 2);
    try (RelayFixture fx = new RelayFixture(dir, c -> c.withHistoryLimits(slow))) {
      TestPeer a = fx.peer("rate");
      a.joinAndSync(0);
      fill(a, "r", 3);
      assertThat(page(a, 1, 1)).isInstanceOf(ServerMessage.History.class);
      assertThat(page(a, 2, 1)).isInstanceOf(ServerMessage.History.class);
      ServerMessage third = page(a, 3, 1);
      assertThat(third).isInstanceOf(ServerMessage.HistoryRefused.class);
      ServerMessage.HistoryRefused refused = (ServerMessage.HistoryRefused) third;
      assertThat(refused.reason()).isEqualTo("rate_limited");
      assertThat(refused.retryAfterMs()).isBetween(1L, 10_000L);
      // Another connection has its own bucket.
      TestPeer b = fx.peer("rate");
      b.joinAndSync(0);
      assertThat(page(b, 3, 1)).isInstanceOf(ServerMessage.History.class);
    }
  }

  /** Hostile: asking and going away at once leaves the relay serving everyone else. */
  @Test
  void requestsFromAConnectionThatClosesAreDroppedQuietly() throws Exception {
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer a = fx.peer("leaving");
      a.joinAndSync(0);
      fill(a, "l", 500);
      for (int i = 0; i < 10; i++) {
        TestPeer quitter = fx.peer("leaving", Role.VIEWER);
        quitter.joinAndSync(0);
        quitter.send(new ClientMessage.HistoryGet(1, 2000));
        quitter.closeConnection(1000, "bye");
      }
      assertThat(all(a, 1)).hasSize(500);
      a.submitStroke("after", "el-after");
      assertThat(a.nextOf(ServerMessage.Ack.class).seq()).isEqualTo(501);
    }
  }

  private static List<String> ids(List<ServerMessage.Ack> acks) {
    return acks.stream().map(ServerMessage.Ack::id).toList();
  }

  private static List<Long> times(List<ServerMessage.Ack> acks) {
    return acks.stream().map(ServerMessage.Ack::t).toList();
  }
}
