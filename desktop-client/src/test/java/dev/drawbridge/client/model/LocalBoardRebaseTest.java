package dev.drawbridge.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-element rebase shows exactly what a full replay would: the confirmed board with every
 * pending op applied in order, after any mix of local ops, remote ops, acks and rejections.
 */
class LocalBoardRebaseTest {

  private static Op randomOp(Random r, String prefix, int n) {
    String id = "e" + r.nextInt(12);
    return switch (r.nextInt(5)) {
      case 0 ->
          new Op.AddElement(
              Element.freehand(
                  id, ElementKind.STROKE, r.nextInt(100), 0, Points.of(1, 2), Style.DEFAULT, n));
      case 1 -> new Op.AppendPoints(id, Points.of(r.nextInt(100), r.nextInt(100)));
      case 2 -> new Op.UpdateElement(id, ElementPatch.move(r.nextInt(100), r.nextInt(100)));
      case 3 -> new Op.DeleteElement(id);
      default -> new Op.UpdateElement(id, ElementPatch.restore());
    };
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void viewAlwaysEqualsConfirmedPlusPendingReplayedInOrder(long seed) {
    Random r = new Random(seed);
    LocalBoard board = new LocalBoard();
    List<PendingOp> sent = new ArrayList<>();
    board.setSink(sent::add);
    long seq = 0;
    for (int step = 0; step < 600; step++) {
      int roll = r.nextInt(10);
      List<PendingOp> pending = board.pendingOps();
      if (roll < 4) {
        board.submit(randomOp(r, "local", step));
      } else if (roll < 7) {
        board.applyRemote(++seq, "remote-" + step, randomOp(r, "remote", step));
      } else if (roll < 9 && !pending.isEmpty()) {
        board.acknowledge(pending.getFirst().id(), ++seq);
      } else if (!pending.isEmpty()) {
        board.reject(pending.get(r.nextInt(pending.size())).id());
      } else if (!sent.isEmpty()) {
        // A catch-up op carrying one of our ids whose ack was lost.
        PendingOp mine = sent.get(r.nextInt(sent.size()));
        board.applyRemote(++seq, mine.id(), mine.op());
      }
      BoardState replay = board.confirmed().copy();
      for (PendingOp p : board.pendingOps()) {
        replay.applyOp(p.op());
      }
      assertThat(board.view().hash()).as("step %d", step).isEqualTo(replay.hash());
    }
  }
}
