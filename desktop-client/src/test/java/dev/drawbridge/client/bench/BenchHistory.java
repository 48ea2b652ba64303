package dev.drawbridge.client.bench;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A board's history for the history benchmarks (issue 17): {@link BenchBoard}'s 10,700 elements
 * added one by one, then others drawing ({@link BenchBoard#remoteOp}: a new stroke every tenth op,
 * else a 4-point append), with a move every 50th op and a delete every 100th; an op every 100 ms
 * and a night off half way.
 */
public final class BenchHistory {
  private BenchHistory() {}

  public static List<HistoryOp> ops(int count) {
    List<Element> elements = BenchBoard.elements();
    List<String> ids = elements.stream().map(Element::id).toList();
    Random r = new Random(3);
    List<HistoryOp> ops = new ArrayList<>(count);
    long t = 1_764_000_000_000L;
    for (int i = 0; i < count; i++) {
      Op op;
      if (i < elements.size()) {
        op = new Op.AddElement(elements.get(i));
      } else if (i % 100 == 0) {
        op = new Op.DeleteElement(ids.get(r.nextInt(ids.size())));
      } else if (i % 50 == 0) {
        op = new Op.UpdateElement(ids.get(r.nextInt(ids.size())), ElementPatch.move(5, 5));
      } else {
        op = BenchBoard.remoteOp(i, r, ids);
      }
      t += i == count / 2 ? 12 * 3_600_000L : 100;
      ops.add(new HistoryOp(i + 1, "op-" + i, "client-" + (i % 7), t, op));
    }
    return ops;
  }
}
