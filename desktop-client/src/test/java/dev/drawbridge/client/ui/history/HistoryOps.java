package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;

/** Histories for the tests: rectangles added, moved and deleted by a few authors. */
final class HistoryOps {
  private HistoryOps() {}

  static Op.AddElement rect(String id, double x) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, x, 0, 40, 30, Style.DEFAULT, 1));
  }

  /**
   * {@code n} ops from seq {@code firstSeq}, each a second after the one before from {@code start}
   * (null: no times): adds of "r0", "r1", …, every fifth op a move and every seventh a delete of an
   * earlier one.
   */
  static List<HistoryOp> ops(long firstSeq, int n, Long start) {
    List<HistoryOp> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long seq = firstSeq + i;
      Op op;
      if (i % 7 == 6) {
        op = new Op.DeleteElement("r" + (i - 3));
      } else if (i % 5 == 4) {
        op = new Op.UpdateElement("r" + (i - 1), ElementPatch.NONE.withPosition(i, 50));
      } else {
        op = rect("r" + i, i * 50);
      }
      String author = i % 3 == 0 ? "client-ana" : i % 3 == 1 ? "client-ben" : "client-cy";
      ops.add(
          new HistoryOp(seq, "op-" + seq, author, start == null ? null : start + 1_000L * i, op));
    }
    return ops;
  }

  static Timeline timeline(int n, Long start) {
    Timeline t = new Timeline(null);
    t.appendAll(ops(1, n, start));
    return t;
  }
}
