package dev.drawbridge.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditsTest {
  private final Timeline timeline = new Timeline(null);
  private long seq;

  private void op(String client, long t, Op op) {
    seq++;
    timeline.append(new HistoryOp(seq, "op" + seq, client, t, op));
  }

  private static Element box(String id) {
    return Element.shape(id, ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1)
        .withAuthor("client-ana");
  }

  private Credits credits(String id) {
    return Credits.of(timeline.attribution(id), timeline.now().get(id));
  }

  @Test
  void madeAndChangedByWhoeverDidItAndWhen() {
    op("client-ana", 1_000, new Op.AddElement(box("a")));
    assertThat(credits("a")).isEqualTo(new Credits("client-ana", 1_000, null, 0));
    op("client-ben", 2_000, new Op.UpdateElement("a", ElementPatch.move(5, 5)));
    assertThat(credits("a")).isEqualTo(new Credits("client-ana", 1_000, "client-ben", 2_000));
  }

  @Test
  void theMakersOwnAppendsAreTheDrawingNotAChange() {
    op(
        "client-ana",
        1_000,
        new Op.AddElement(
            Element.freehand("s", ElementKind.STROKE, 0, 0, Points.of(0, 0), Style.DEFAULT, 1)));
    op("client-ana", 1_100, new Op.AppendPoints("s", Points.of(1, 1)));
    assertThat(credits("s")).isEqualTo(new Credits("client-ana", 1_000, null, 0));
  }

  @Test
  void anElementOlderThanTheHistoryNamesItsAuthorWithoutATime() {
    Timeline based = new Timeline(new BoardSnapshot(10, List.of(box("old"))));
    assertThat(Credits.of(based.attribution("old"), based.now().get("old")))
        .isEqualTo(new Credits("client-ana", 0, null, 0));
    based.append(
        new HistoryOp(
            11, "x", "client-ben", 5_000L, new Op.UpdateElement("old", ElementPatch.move(1, 1))));
    assertThat(Credits.of(based.attribution("old"), based.now().get("old")))
        .isEqualTo(new Credits("client-ana", 0, "client-ben", 5_000));
    Element anonymous = Element.shape("anon", ElementKind.ELLIPSE, 0, 0, 1, 1, Style.DEFAULT, 1);
    assertThat(Credits.of(null, anonymous)).isEqualTo(new Credits(null, 0, null, 0));
  }
}
