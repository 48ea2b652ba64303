package dev.drawbridge.client.history;

import static dev.drawbridge.client.history.TimelineTest.op;
import static dev.drawbridge.client.history.TimelineTest.randomHistory;
import static dev.drawbridge.client.history.TimelineTest.stroke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BoardHistoryTest {

  /** A relay's log in memory, answering pages only when the test says so. */
  static final class FakeRelay implements HistorySource {
    final List<HistoryOp> log = new ArrayList<>();
    final Queue<Runnable> unanswered = new ArrayDeque<>();
    final List<Long> asked = new ArrayList<>();
    boolean available = true;
    int pageSize = 700;

    @Override
    public boolean available() {
      return available;
    }

    @Override
    public CompletableFuture<ServerMessage.History> page(long from, int limit) {
      asked.add(from);
      CompletableFuture<ServerMessage.History> answer = new CompletableFuture<>();
      unanswered.add(
          () -> {
            long head = log.size();
            List<HistoryOp> ops = new ArrayList<>();
            for (long seq = from; seq <= head && ops.size() < Math.min(limit, pageSize); seq++) {
              ops.add(log.get((int) seq - 1));
            }
            long last = ops.isEmpty() ? head : ops.getLast().seq();
            answer.complete(
                new ServerMessage.History(from, null, ops, last < head ? last + 1 : null, head));
          });
      return answer;
    }

    void answerAll() {
      while (!unanswered.isEmpty()) {
        unanswered.poll().run();
      }
    }
  }

  @Test
  void loadsEveryPageThenFollowsLiveOpsThatArrivedMeanwhile() {
    FakeRelay relay = new FakeRelay();
    relay.log.addAll(randomHistory(2_000, 1));
    BoardHistory history = new BoardHistory(relay, () -> null, Runnable::run);
    CompletableFuture<Timeline> loaded = history.load();
    // Two ops are sequenced while the first page is on its way.
    for (HistoryOp live : randomHistory(2_002, 1).subList(2_000, 2_002)) {
      relay.log.add(live);
      history.opSequenced(live);
    }
    relay.answerAll();
    assertThat(loaded).isCompleted();
    Timeline timeline = loaded.join();
    assertThat(timeline.size()).isEqualTo(2_002);
    assertThat(relay.asked).containsExactly(1L, 701L, 1_401L);
    BoardState expected = new BoardState();
    relay.log.forEach(o -> expected.applyOp(o.op()));
    assertThat(timeline.now().hash()).isEqualTo(expected.hash());
  }

  @Test
  void aGapInLiveOpsIsFilledWithAPage() {
    FakeRelay relay = new FakeRelay();
    relay.log.addAll(randomHistory(10, 2));
    BoardHistory history = new BoardHistory(relay, () -> null, Runnable::run);
    history.load();
    relay.answerAll();
    List<HistoryOp> more = randomHistory(15, 2).subList(10, 15);
    relay.log.addAll(more);
    history.opSequenced(more.get(4)); // seq 15: 11–14 were missed (offline)
    relay.answerAll();
    assertThat(history.timeline().size()).isEqualTo(15);
    assertThat(relay.asked).containsExactly(1L, 11L);
  }

  @Test
  void liveOpsBeforeAnyoneLooksAreLeftToThePages() {
    FakeRelay relay = new FakeRelay();
    BoardHistory history = new BoardHistory(relay, () -> null, Runnable::run);
    history.opSequenced(op(1, "a", 1L, new Op.AddElement(stroke("el-1"))));
    assertThat(history.timeline()).isNull();
    assertThat(relay.asked).isEmpty();
  }

  /**
   * Ops acked but not yet committed are not in the relay's pages (R117, ADR 0006): the ones the
   * session reported before the load meet the pages without another request.
   */
  @Test
  void opsSequencedBeforeTheLoadFillWhatThePagesDoNotHoldYet() {
    FakeRelay relay = new FakeRelay();
    List<HistoryOp> ops = randomHistory(12, 5);
    relay.log.addAll(ops.subList(0, 10)); // 11 and 12 are sequenced, not yet stored
    BoardHistory history = new BoardHistory(relay, () -> null, Runnable::run);
    ops.forEach(history::opSequenced);
    history.load();
    relay.answerAll();
    assertThat(history.timeline().size()).isEqualTo(12);
    assertThat(relay.asked).containsExactly(1L);
  }

  @Test
  void aFailedLoadIsReportedAndTheNextLoadTriesAgain() {
    FakeRelay relay = new FakeRelay();
    relay.log.addAll(randomHistory(5, 3));
    HistorySource flaky =
        new HistorySource() {
          int calls;

          @Override
          public boolean available() {
            return true;
          }

          @Override
          public CompletableFuture<ServerMessage.History> page(long from, int limit) {
            if (calls++ == 0) {
              return CompletableFuture.failedFuture(new HistoryUnavailableException("offline"));
            }
            CompletableFuture<ServerMessage.History> page = relay.page(from, limit);
            relay.answerAll();
            return page;
          }
        };
    BoardHistory history = new BoardHistory(flaky, () -> null, Runnable::run);
    List<Throwable> failures = new ArrayList<>();
    history.addListener(
        new BoardHistory.Listener() {
          @Override
          public void failed(Throwable cause) {
            failures.add(cause);
          }
        });
    assertThat(history.load()).isCompletedExceptionally();
    assertThat(failures).singleElement().isInstanceOf(HistoryUnavailableException.class);
    assertThat(history.load().join().size()).isEqualTo(5);
  }

  @Test
  void withoutARelayHistoryTheBoardRecordsWhatItSees() {
    FakeRelay relay = new FakeRelay();
    relay.available = false;
    BoardState confirmed = new BoardState();
    BoardHistory history = new BoardHistory(relay, confirmed::snapshot, Runnable::run);
    List<HistoryOp> ops = randomHistory(30, 4);
    // Joined at seq 20: the first op seen starts the record at the board it made.
    for (HistoryOp o : ops) {
      confirmed.apply(o.seq(), o.id(), o.op());
      if (o.seq() >= 20) {
        history.opSequenced(o);
      }
    }
    Timeline timeline = history.load().join();
    assertThat(timeline.baseSeq()).isEqualTo(20);
    assertThat(timeline.size()).isEqualTo(10);
    assertThat(timeline.now().hash()).isEqualTo(confirmed.hash());
    assertThat(relay.asked).isEmpty();
    assertThat(history.complete()).isFalse();
  }

  @Test
  void aRetentionBaseStartsTheTimeline() {
    BoardSnapshot base = new BoardSnapshot(41, List.of(stroke("el-old")));
    HistorySource relay =
        new HistorySource() {
          @Override
          public boolean available() {
            return true;
          }

          @Override
          public CompletableFuture<ServerMessage.History> page(long from, int limit) {
            return CompletableFuture.completedFuture(
                new ServerMessage.History(
                    from,
                    base,
                    List.of(op(42, "b", 9L, new Op.DeleteElement("el-old"))),
                    null,
                    42));
          }
        };
    Timeline timeline = new BoardHistory(relay, () -> null, Runnable::run).load().join();
    assertThat(timeline.baseSeq()).isEqualTo(41);
    assertThat(timeline.size()).isEqualTo(1);
  }
}
