package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.history.HistoryUnavailableException;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session's side of history: opSequenced (R116) and the relay's pages (R117–R120). */
class HistorySyncTest {
  @TempDir Path dir;

  private static Op.AddElement rect(String id) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1));
  }

  private static List<HistoryOp> listen(SessionHarness h) {
    List<HistoryOp> seen = new ArrayList<>();
    h.session.addListener(
        new SessionListener() {
          @Override
          public void opSequenced(HistoryOp op) {
            seen.add(op);
          }
        });
    return seen;
  }

  private static void connect(SessionHarness h, long head, Integer maxHistoryPage) {
    h.transport.open();
    h.transport.receive(
        new ServerMessage.Welcome(
            "s1", head, "editor", List.of(), null, false, null, maxHistoryPage));
    h.transport.receive(new ServerMessage.Synced(head, head > 0 ? "op-" + head : null));
  }

  private static List<ClientMessage.HistoryGet> asked(SessionHarness h) {
    return h.transport.sent(ClientMessage.HistoryGet.class);
  }

  private static ServerMessage.History page(long from, long to, Long next, long head) {
    List<HistoryOp> ops = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      ops.add(new HistoryOp(s, "o" + s, "bob", 1_000 * s, rect("e" + s)));
    }
    return new ServerMessage.History(from, null, ops, next, head);
  }

  @Test
  void remoteOpsAndOwnAckedOpsAreSequencedOnceInOrderWithTheirTimes() {
    try (SessionHarness h = new SessionHarness(dir)) {
      List<HistoryOp> seen = listen(h);
      h.transport.open();
      h.transport.receive(new ServerMessage.Welcome("s1", 1, "editor", List.of(), null, false));
      // Catch-up, then the same op again (a duplicate broadcast changes nothing).
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("a"), null, 500L));
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("a"), null, 500L));
      h.transport.receive(new ServerMessage.Synced(1, "x1"));
      String mine = h.board().submit(rect("b"));
      assertThat(seen).hasSize(1); // not before the relay sequenced it
      h.transport.receive(new ServerMessage.Ack(mine, 2, false, null, 900L));
      h.transport.receive(new ServerMessage.Ack(mine, 2, true, null, 900L));
      h.transport.receive(new ServerMessage.OpBroadcast(3, "x3", "bob", rect("c")));

      assertThat(seen)
          .containsExactly(
              new HistoryOp(1, "x1", "bob", 500L, rect("a")),
              new HistoryOp(2, mine, h.session.clientId(), 900L, rect("b")),
              new HistoryOp(3, "x3", "bob", null, rect("c")));
    }
  }

  @Test
  void aCatchUpSnapshotMakesAGapAndAResetNeverTellsASeqTwice() {
    try (SessionHarness h = new SessionHarness(dir)) {
      List<HistoryOp> seen = listen(h);
      connect(h, 0, null);
      h.transport.receive(new ServerMessage.OpBroadcast(1, "x1", "bob", rect("a")));
      h.transport.dropFromServer(1006, "gone");
      h.scheduler.advance(Duration.ofSeconds(2));
      h.transport.open();
      h.transport.receive(
          new ServerMessage.Welcome(
              "s2", 5, "editor", List.of(), new BoardSnapshot(5, List.of()), false));
      h.transport.receive(new ServerMessage.OpBroadcast(6, "x6", "bob", rect("f")));
      h.transport.receive(new ServerMessage.Synced(6, "x6"));
      // The relay lost data: its board at 2 wins, and seq 3..6 come again, new.
      h.transport.dropFromServer(1006, "gone");
      h.scheduler.advance(Duration.ofSeconds(5));
      h.transport.open();
      h.transport.receive(
          new ServerMessage.Welcome(
              "s3", 2, "editor", List.of(), new BoardSnapshot(2, List.of()), true));
      h.transport.receive(new ServerMessage.OpBroadcast(3, "y3", "bob", rect("g")));

      assertThat(seen).extracting(HistoryOp::seq).containsExactly(1L, 6L);
    }
  }

  @Test
  void availableOnlyFromAWelcomeWithMaxHistoryPageAndPagesAreOneAtATime() {
    try (SessionHarness h = new SessionHarness(dir)) {
      HistorySource source = h.session.history();
      assertThat(source.available()).isFalse();
      connect(h, 0, 3);
      assertThat(source.available()).isTrue();

      CompletableFuture<ServerMessage.History> first = source.page(1, 2_000);
      CompletableFuture<ServerMessage.History> second = source.page(4, 2_000);
      // One history_get unanswered at a time (R117), at most the relay's page size.
      assertThat(asked(h)).containsExactly(new ClientMessage.HistoryGet(1, 3));
      h.transport.receive(page(1, 3, 4L, 10));
      assertThat(first).isCompleted();
      assertThat(first.join().ops()).hasSize(3);
      assertThat(asked(h)).hasSize(2).last().isEqualTo(new ClientMessage.HistoryGet(4, 3));
      // A page nobody asked for is dropped.
      h.transport.receive(page(9, 10, null, 10));
      assertThat(second).isNotDone();
      h.transport.receive(page(4, 6, 7L, 10));
      assertThat(second.join().from()).isEqualTo(4);
    }
  }

  @Test
  void aRefusalWithRetryAfterIsAskedAgainAndOneWithoutFails() {
    try (SessionHarness h = new SessionHarness(dir)) {
      connect(h, 0, 2_000);
      HistorySource source = h.session.history();
      CompletableFuture<ServerMessage.History> busy = source.page(1, 100);
      CompletableFuture<ServerMessage.History> queued = source.page(50, 100);
      h.transport.receive(new ServerMessage.HistoryRefused("rate_limited", 500));
      assertThat(asked(h)).hasSize(1);
      h.scheduler.advance(Duration.ofMillis(400));
      assertThat(asked(h)).hasSize(1);
      h.scheduler.advance(Duration.ofMillis(200));
      assertThat(asked(h)).hasSize(2).allMatch(g -> g.from() == 1);
      h.transport.receive(page(1, 10, null, 10));
      assertThat(busy).isCompleted();

      // The queued ask went out next; a reason this client does not know, without retry: fails.
      assertThat(asked(h)).last().isEqualTo(new ClientMessage.HistoryGet(50, 100));
      h.transport.receive(new ServerMessage.HistoryRefused("maintenance", 0));
      assertThat(queued).isCompletedExceptionally();
      assertThat(queued.exceptionNow()).isInstanceOf(HistoryUnavailableException.class);
    }
  }

  @Test
  void aDropFailsWhatIsUnderWayAndOfflineAsksFailAtOnce() {
    try (SessionHarness h = new SessionHarness(dir)) {
      connect(h, 0, 2_000);
      HistorySource source = h.session.history();
      CompletableFuture<ServerMessage.History> inFlight = source.page(1, 100);
      CompletableFuture<ServerMessage.History> queued = source.page(101, 100);
      h.transport.receive(new ServerMessage.HistoryRefused("busy", 1_000));
      h.transport.dropFromServer(1006, "gone");
      assertThat(inFlight.exceptionNow()).isInstanceOf(HistoryUnavailableException.class);
      assertThat(queued.exceptionNow()).isInstanceOf(HistoryUnavailableException.class);
      // Still a relay that keeps history, but not reachable now.
      assertThat(source.available()).isTrue();
      assertThat(source.page(1, 10).exceptionNow()).isInstanceOf(HistoryUnavailableException.class);
      h.transport.clearSent();
      h.scheduler.advance(Duration.ofSeconds(5)); // the retry timer of the refusal does nothing
      assertThat(asked(h)).isEmpty();
      // Back on a relay without history (R120): nothing is asked.
      h.transport.open();
      h.transport.receive(new ServerMessage.Welcome("s2", 10, "editor", List.of(), null, false));
      assertThat(source.available()).isFalse();
      assertThat(source.page(1, 10)).isCompletedExceptionally();
      assertThat(asked(h)).isEmpty();
    }
  }

  @Test
  void boardHistoryLoadsPagesThenFollowsLiveOps() {
    try (SessionHarness h = new SessionHarness(dir)) {
      connect(h, 0, 2);
      for (long s = 1; s <= 3; s++) {
        h.transport.receive(
            new ServerMessage.OpBroadcast(s, "o" + s, "bob", rect("e" + s), null, 1_000 * s));
      }
      BoardHistory history =
          new BoardHistory(
              h.session.history(), () -> h.board().confirmed().snapshot(), Runnable::run);
      h.session.addListener(
          new SessionListener() {
            @Override
            public void opSequenced(HistoryOp op) {
              history.opSequenced(op);
            }
          });
      CompletableFuture<Timeline> loaded = history.load();
      h.transport.receive(page(1, 2, 3L, 3));
      // A live op while the second page is under way waits until the timeline reaches it.
      h.transport.receive(new ServerMessage.OpBroadcast(4, "o4", "bob", rect("e4"), null, 4_000L));
      h.transport.receive(page(3, 3, null, 3));
      assertThat(loaded).isCompleted();
      Timeline timeline = loaded.join();
      assertThat(timeline.size()).isEqualTo(4);
      assertThat(timeline.timeOf(3)).isEqualTo(4_000);
      assertThat(timeline.now().hash()).isEqualTo(h.board().confirmed().hash());
    }
  }
}
