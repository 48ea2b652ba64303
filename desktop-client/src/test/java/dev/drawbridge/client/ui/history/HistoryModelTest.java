package dev.drawbridge.client.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.HistorySource;
import dev.drawbridge.client.history.HistoryUnavailableException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The panel's state without a window: loading, moving, playing, live ops, broken histories. */
class HistoryModelTest {
  private static final long MS = 1_000_000L;

  /** A relay's stored ops, served a page at a time, on the calling thread. */
  static final class Stored implements HistorySource {
    final List<HistoryOp> ops = new ArrayList<>();
    boolean down;
    int pages;

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public CompletableFuture<ServerMessage.History> page(long from, int limit) {
      if (down) {
        return CompletableFuture.failedFuture(new HistoryUnavailableException("not connected"));
      }
      pages++;
      int start = (int) Math.min(ops.size(), from - 1);
      int end = Math.min(ops.size(), start + limit);
      Long next = end < ops.size() ? (long) end + 1 : null;
      return CompletableFuture.completedFuture(
          new ServerMessage.History(from, null, ops.subList(start, end), next, ops.size()));
    }
  }

  /** The canvas, as far as the model can tell. */
  static final class Screen implements PastView.Screen {
    BoardState shown;
    Set<String> lastChanged;
    int pastCalls;
    int presentCalls;

    @Override
    public void showPast(BoardState board, Set<String> changed) {
      shown = board;
      lastChanged = changed;
      pastCalls++;
    }

    @Override
    public void showPresent() {
      shown = null;
      presentCalls++;
    }
  }

  final Stored stored = new Stored();
  final Screen screen = new Screen();
  final BoardHistory history =
      new BoardHistory(stored, () -> new BoardSnapshot(0, List.of()), Runnable::run);
  final HistoryModel model = new HistoryModel(history, screen);

  private static BoardState replay(List<HistoryOp> ops) {
    BoardState b = new BoardState();
    ops.forEach(o -> b.applyOp(o.op()));
    return b;
  }

  @Test
  void loadsEveryPageAndShowsAnyPointReadOnlyThenBackToNow() {
    stored.ops.addAll(HistoryOps.ops(1, 4_500, 1_764_000_000_000L));
    model.load();
    assertThat(model.statusProperty().get()).isEqualTo(HistoryModel.Status.READY);
    assertThat(stored.pages).isEqualTo(3);
    assertThat(model.loadedOpsProperty().get()).isEqualTo(4_500);
    assertThat(model.pointProperty().get()).isEqualTo(4_500);
    assertThat(model.inPastProperty().get()).isFalse();

    model.seek(1_234);
    assertThat(model.inPastProperty().get()).isTrue();
    assertThat(screen.shown.hash()).isEqualTo(replay(stored.ops.subList(0, 1_234)).hash());
    assertThat(model.opAtPoint().seq()).isEqualTo(1_234);
    assertThat(model.timeAtPoint()).isEqualTo(1_764_000_000_000L + 1_233_000L);

    model.stepForward();
    assertThat(screen.lastChanged).containsExactly(model.opAtPoint().op().elementId());
    assertThat(screen.shown.hash()).isEqualTo(replay(stored.ops.subList(0, 1_235)).hash());
    model.stepBack();
    model.stepBack();
    assertThat(model.pointProperty().get()).isEqualTo(1_233);
    assertThat(screen.shown.hash()).isEqualTo(replay(stored.ops.subList(0, 1_233)).hash());

    model.seek(0);
    assertThat(screen.shown.visibleElements()).isEmpty();
    model.stepBack(); // at the start: stays there
    assertThat(model.pointProperty().get()).isZero();

    model.backToNow();
    assertThat(model.inPastProperty().get()).isFalse();
    assertThat(screen.presentCalls).isEqualTo(1);
    assertThat(model.pointProperty().get()).isEqualTo(4_500);
  }

  @Test
  void liveOpsExtendTheTimelineWithoutMovingSomeoneInThePast() {
    stored.ops.addAll(HistoryOps.ops(1, 20, 1_000L));
    model.load();
    long revision = model.revisionProperty().get();
    model.seek(5);
    history.opSequenced(HistoryOps.ops(21, 1, 21_000L).getFirst());
    assertThat(model.timeline().size()).isEqualTo(21);
    assertThat(model.scale().points()).isEqualTo(22);
    assertThat(model.revisionProperty().get()).isGreaterThan(revision);
    assertThat(model.pointProperty().get()).isEqualTo(5);
    assertThat(model.inPastProperty().get()).isTrue();
    assertThat(screen.shown.hash()).isEqualTo(replay(stored.ops.subList(0, 5)).hash());

    // At the present the point follows the newest op.
    model.backToNow();
    history.opSequenced(HistoryOps.ops(22, 1, 22_000L).getFirst());
    assertThat(model.pointProperty().get()).isEqualTo(22);
    assertThat(model.inPastProperty().get()).isFalse();
  }

  @Test
  void playsFromTheStartAtTheChosenSpeedFrameByFrameUntilNow() {
    stored.ops.addAll(HistoryOps.ops(1, 30, 0L)); // one op a second: 29 s
    model.load();
    model.setSpeed(8);
    model.play();
    assertThat(model.playingProperty().get()).isTrue();
    assertThat(model.pointProperty().get()).isZero();
    assertThat(model.inPastProperty().get()).isTrue();
    long t = 1_000 * MS;
    model.frame(t);
    for (int i = 0; i < 10; i++) { // 10 frames of 50 ms at 8×: 4 s of the board's time
      t += 50 * MS;
      model.frame(t);
    }
    assertThat(model.pointProperty().get()).isEqualTo(5);
    assertThat(screen.shown.hash()).isEqualTo(replay(stored.ops.subList(0, 5)).hash());
    model.nextSpeed();
    assertThat(model.speedProperty().get()).isEqualTo(16);
    while (model.playingProperty().get()) {
      t += 16 * MS;
      model.frame(t);
    }
    assertThat(model.inPastProperty().get()).isFalse();
    assertThat(model.pointProperty().get()).isEqualTo(30);
  }

  @Test
  void aFailedLoadSaysSoAndLoadsOnceTheSourceIsBack() {
    stored.ops.addAll(HistoryOps.ops(1, 3, null));
    stored.down = true;
    model.load();
    assertThat(model.statusProperty().get()).isEqualTo(HistoryModel.Status.FAILED);
    assertThat(model.failure()).isInstanceOf(HistoryUnavailableException.class);
    model.seek(1); // nothing loaded: nothing happens
    model.play();
    assertThat(screen.pastCalls).isZero();
    stored.down = false;
    model.load();
    assertThat(model.statusProperty().get()).isEqualTo(HistoryModel.Status.READY);
    assertThat(model.timeline().size()).isEqualTo(3);
    assertThat(model.timeAtPoint()).isZero(); // ops stored before R116 have no time
  }

  @Test
  void anEmptyHistoryAndASingleOp() {
    BoardHistory recorded =
        new BoardHistory(HistorySource.NONE, () -> new BoardSnapshot(0, List.of()), Runnable::run);
    HistoryModel empty = new HistoryModel(recorded, screen);
    empty.load();
    assertThat(empty.statusProperty().get()).isEqualTo(HistoryModel.Status.READY);
    assertThat(empty.complete()).isFalse();
    assertThat(empty.timeline().size()).isZero();
    empty.play();
    empty.stepBack();
    empty.seekPosition(1e9);
    assertThat(empty.inPastProperty().get()).isFalse();
    assertThat(empty.opAtPoint()).isNull();
    assertThat(screen.pastCalls).isZero();

    stored.ops.addAll(HistoryOps.ops(1, 1, 5_000L));
    model.load();
    model.seekPosition(0);
    assertThat(model.pointProperty().get()).isZero();
    assertThat(screen.shown.visibleElements()).isEmpty();
    model.stepForward();
    assertThat(model.inPastProperty().get()).isFalse();
    assertThat(model.opAtPoint().seq()).isEqualTo(1);
  }

  @Test
  void aHundredThousandOpsJumpAnywhere() {
    stored.ops.addAll(HistoryOps.ops(1, 100_000, 1_764_000_000_000L));
    model.load();
    assertThat(model.timeline().size()).isEqualTo(100_000);
    for (int target : new int[] {99_999, 3, 50_000, 50_001, 77_777}) {
      model.seek(target);
      assertThat(screen.shown.hash()).isEqualTo(model.timeline().boardAt(target).hash());
    }
    // A jump far beyond a keyframe interval names no elements: the canvas repaints everything.
    model.seek(10);
    assertThat(screen.lastChanged).isNull();
  }
}
