package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A local board records its ops as history (issue 17) and serves them as a relay would. */
class LocalOnlySessionHistoryTest {
  private final AtomicLong clock = new AtomicLong(1_764_000_000_000L);

  private LocalOnlySession session(LocalBoard board) {
    return new LocalOnlySession(board, "t", "me", () -> clock.getAndAdd(1_000));
  }

  private static void draw(LocalBoard board, int shapes) {
    for (int i = 0; i < shapes; i++) {
      board.submit(
          new Op.AddElement(
              Element.shape("r" + i, ElementKind.RECTANGLE, i, 0, 1, 1, Style.DEFAULT, i + 1)));
    }
  }

  @Test
  void everyConfirmedOpIsRecordedWithItsSeqAuthorAndTimeAndReported() {
    LocalBoard board = new LocalBoard();
    List<HistoryOp> heard = new ArrayList<>();
    try (LocalOnlySession session = session(board)) {
      session.addListener(
          new SessionListener() {
            @Override
            public void opSequenced(HistoryOp op) {
              heard.add(op);
            }
          });
      draw(board, 1);
      String moved = board.submit(new Op.UpdateElement("r0", ElementPatch.move(2, 2)));

      assertThat(session.history().available()).isTrue();
      ServerMessage.History page = session.history().page(1, 2_000).join();
      assertThat(page.ops()).extracting(HistoryOp::seq).containsExactly(1L, 2L);
      assertThat(page.ops()).extracting(HistoryOp::clientId).containsOnly("me");
      assertThat(page.ops())
          .extracting(HistoryOp::t)
          .containsExactly(1_764_000_000_000L, 1_764_000_001_000L);
      assertThat(page.ops().get(1).id()).isEqualTo(moved);
      assertThat(page.next()).isNull();
      assertThat(page.headSeq()).isEqualTo(2);
      assertThat(page.base()).isNull();
      // Reported after the board confirmed each op, in order (BoardHistory follows them).
      assertThat(heard).isEqualTo(page.ops());
    }
  }

  @Test
  void pagesAreAtMostTheLimitAndSayWhereTheNextStarts() {
    LocalBoard board = new LocalBoard();
    try (LocalOnlySession session = session(board)) {
      draw(board, 5_000);
      ServerMessage.History first = session.history().page(1, 10_000).join();
      assertThat(first.ops()).hasSize(2_000); // the relay's largest page (R117)
      assertThat(first.next()).isEqualTo(2_001L);
      ServerMessage.History small = session.history().page(4_990, 3).join();
      assertThat(small.ops()).extracting(HistoryOp::seq).containsExactly(4_990L, 4_991L, 4_992L);
      assertThat(small.next()).isEqualTo(4_993L);
      ServerMessage.History last = session.history().page(4_999, 2_000).join();
      assertThat(last.ops()).hasSize(2);
      assertThat(last.next()).isNull();
      assertThat(last.headSeq()).isEqualTo(5_000);
    }
  }

  @Test
  void aBoardWithoutOpsServesAnEmptyPage() {
    try (LocalOnlySession session = session(new LocalBoard())) {
      ServerMessage.History page = session.history().page(1, 100).join();
      assertThat(page.ops()).isEmpty();
      assertThat(page.next()).isNull();
      assertThat(page.headSeq()).isZero();
      assertThat(session.history().page(7, 100).join().ops()).isEmpty();
    }
  }
}
