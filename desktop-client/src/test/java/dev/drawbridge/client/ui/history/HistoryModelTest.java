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

  // ---- user actions of several ops (R129) -----------------------------------------------------

  private static final List<String> GROUP = List.of("g1", "g2", "g3");

  /** How many of the group's members the move has reached on {@code board}. */
  private static long moved(BoardState board) {
    return GROUP.stream().map(board::get).filter(e -> e != null && e.y() == 50).count();
  }

  /** The board the canvas shows (the past one, or the present). */
  private long movedOnScreen() {
    BoardState shown = model.inPastProperty().get() ? model.pastBoard() : model.timeline().now();
    assertThat(model.timeline().isLanding(model.pointProperty().get())).isTrue();
    return moved(shown);
  }

  private static HistoryOp op(
      long seq, String id, String client, long t, dev.drawbridge.protocol.op.Op op) {
    return new HistoryOp(seq, id, client, t, op);
  }

  /**
   * Ana adds a group of three and moves it, the move one action of three ops (one id key); Ben
   * draws before and after it and, with {@code interleaved}, one rectangle the relay sequenced
   * between the move's ops.
   */
  private List<HistoryOp> groupMove(boolean interleaved) {
    List<HistoryOp> ops = new ArrayList<>();
    long t = 1_764_000_000_000L;
    for (String id : GROUP) {
      ops.add(op(ops.size() + 1, "op-" + id, "client-ana", t += 1_000, HistoryOps.rect(id, 0)));
    }
    ops.add(op(ops.size() + 1, "op-b1", "client-ben", t += 1_000, HistoryOps.rect("b1", 0)));
    t += 1_000;
    for (int i = 0; i < GROUP.size(); i++) {
      ops.add(
          op(
              ops.size() + 1,
              "mv7Qx:" + i + ":3",
              "client-ana",
              t += 4,
              new dev.drawbridge.protocol.op.Op.UpdateElement(
                  GROUP.get(i),
                  dev.drawbridge.protocol.element.ElementPatch.NONE.withPosition(100, 50))));
      if (interleaved && i == 0) {
        ops.add(op(ops.size() + 1, "op-b2", "client-ben", t += 3, HistoryOps.rect("b2", 0)));
      }
    }
    ops.add(op(ops.size() + 1, "op-b3", "client-ben", t += 1_000, HistoryOps.rect("b3", 0)));
    return ops;
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "another client's op inside the move: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void steppingScrubbingAndPlayingNeverShowAGroupHalfMoved(boolean interleaved) {
    stored.ops.addAll(groupMove(interleaved));
    model.load();
    int size = stored.ops.size();
    int afterMove = size - 1;

    List<Integer> back = new ArrayList<>();
    while (model.pointProperty().get() > 0) {
      model.stepBack();
      back.add(model.pointProperty().get());
      assertThat(movedOnScreen()).isIn(0L, 3L);
    }
    assertThat(back).containsExactly(afterMove, 4, 3, 2, 1, 0);
    assertThat(moved(model.pastBoard())).isZero();

    List<Integer> forward = new ArrayList<>();
    while (model.inPastProperty().get()) {
      model.stepForward();
      forward.add(model.pointProperty().get());
      // Restore and Copy take the board shown: it is always between whole actions.
      assertThat(movedOnScreen()).isIn(0L, 3L);
    }
    assertThat(forward).containsExactly(1, 2, 3, 4, afterMove, size);

    // Every place on the scrubber, the move's few milliseconds included.
    for (long position = 0; position <= model.scale().length(); position++) {
      model.seekPosition(position);
      assertThat(movedOnScreen()).as("at %d ms", position).isIn(0L, 3L);
    }
    model.seek(5);
    assertThat(model.pointProperty().get()).isEqualTo(4);

    // Playback frame by frame, one board millisecond a frame.
    model.setSpeed(1);
    model.seek(4);
    model.play();
    long now = 1_000 * MS;
    int frames = 0;
    while (model.playingProperty().get() && frames++ < 10_000) {
      model.frame(now);
      now += MS;
      assertThat(movedOnScreen()).isIn(0L, 3L);
    }
    assertThat(model.pointProperty().get()).isEqualTo(size);
    assertThat(moved(model.timeline().now())).isEqualTo(3);
  }

  @Test
  void theRestOfAnActionArrivingLiveMovesSomeoneOffItsMiddle() {
    List<HistoryOp> all = groupMove(true); // ..., move 0 at seq 5, Ben's at 6, move 1 at 7, ...
    stored.ops.addAll(all.subList(0, 6));
    model.load();
    model.stepBack(); // after the move's first op: a landing while the rest is not known
    assertThat(model.pointProperty().get()).isEqualTo(5);
    history.opSequenced(all.get(6));
    assertThat(model.pointProperty().get()).isEqualTo(4);
    assertThat(moved(model.pastBoard())).isZero();
    history.opSequenced(all.get(7));
    history.opSequenced(all.get(8));
    model.stepForward();
    assertThat(model.pointProperty().get()).isEqualTo(8);
    assertThat(moved(model.pastBoard())).isEqualTo(3);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "another client's op inside the move: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void theNumbersShownCountWholeActionsOneAStep(boolean interleaved) {
    stored.ops.addAll(groupMove(interleaved));
    model.load();
    // Three adds, Ben's rectangle, the move (one step however many ops), Ben's last one.
    assertThat(model.steps()).isEqualTo(6);
    assertThat(model.stepAtPoint()).isEqualTo(6);
    List<Integer> numbers = new ArrayList<>();
    while (model.pointProperty().get() > 0) {
      model.stepBack();
      numbers.add(model.stepAtPoint());
    }
    assertThat(numbers).containsExactly(5, 4, 3, 2, 1, 0);
    model.seek(6); // inside the move: the step before it
    assertThat(model.stepAtPoint()).isEqualTo(4);
  }

  @Test
  void theRestOfAnActionArrivingLiveRenumbersTheSteps() {
    List<HistoryOp> all = groupMove(true);
    stored.ops.addAll(all.subList(0, 6)); // up to Ben's op after the move's first
    model.load();
    assertThat(model.steps()).isEqualTo(6);
    model.stepBack();
    assertThat(model.stepAtPoint()).isEqualTo(5);
    history.opSequenced(all.get(6)); // the move goes on: its first op and Ben's are inside it
    assertThat(model.steps()).isEqualTo(5);
    assertThat(model.stepAtPoint()).isEqualTo(4);
    history.opSequenced(all.get(7));
    history.opSequenced(all.get(8));
    assertThat(model.steps()).isEqualTo(6);
    model.stepForward();
    assertThat(model.stepAtPoint()).isEqualTo(5);
  }
}
