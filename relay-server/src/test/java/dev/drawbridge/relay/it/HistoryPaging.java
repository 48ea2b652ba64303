package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import java.util.ArrayList;
import java.util.List;

/** Test steps for history (R116–R119): filling a room and reading its pages. */
final class HistoryPaging {
  private HistoryPaging() {}

  /** Sends {@code n} strokes as {@code prefix}1… and waits for their acks; returns the acks. */
  static List<ServerMessage.Ack> fill(TestPeer p, String prefix, int n)
      throws InterruptedException {
    return fill(p, prefix, 1, n);
  }

  /** Sends strokes {@code prefix}{@code first}…{@code last}; waits for their acks. */
  static List<ServerMessage.Ack> fill(TestPeer p, String prefix, int first, int last)
      throws InterruptedException {
    for (int i = first; i <= last; i++) {
      p.submitStroke(prefix + i, "el-" + prefix + i);
    }
    int n = last - first + 1;
    List<ServerMessage.Ack> acks = new ArrayList<>(n);
    while (acks.size() < n) {
      acks.add(p.nextAsSentOf(ServerMessage.Ack.class));
    }
    return acks;
  }

  /** One page: asks and waits for the answer. */
  static ServerMessage page(TestPeer p, long from, int limit) throws InterruptedException {
    p.send(new ClientMessage.HistoryGet(from, limit));
    while (true) {
      ServerMessage m = p.nextAsSent();
      if (m instanceof ServerMessage.History || m instanceof ServerMessage.HistoryRefused) {
        return m;
      }
    }
  }

  /** Every page from {@code from} to the head, checked gap-free and linked by {@code next}. */
  static List<HistoryOp> all(TestPeer p, long from) throws InterruptedException {
    List<HistoryOp> ops = new ArrayList<>();
    Long next = from;
    while (next != null) {
      ServerMessage.History page = (ServerMessage.History) page(p, next, 2000);
      long expected = page.base() != null ? page.base().seq() + 1 : next;
      for (HistoryOp op : page.ops()) {
        assertThat(op.seq()).isEqualTo(expected++);
      }
      ops.addAll(page.ops());
      next = page.next();
      if (next != null) {
        assertThat(next).isEqualTo(expected);
      } else {
        assertThat(expected - 1).isEqualTo(page.headSeq());
      }
    }
    return ops;
  }
}
