package dev.drawbridge.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddOpsTest {
  @Test
  void aShortElementIsOneAdd() {
    Element rect = Element.shape("r", ElementKind.RECTANGLE, 0, 0, 5, 5, Style.DEFAULT, 1);
    assertThat(AddOps.forElement(rect)).containsExactly(new Op.AddElement(rect));
  }

  @Test
  void aStrokeLongerThanOneOpIsAnAddAndAppendsThatRebuildItExactly() {
    float[] coords = new float[2 * 10_000];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = i % 97;
    }
    Element stroke =
        Element.freehand("long", ElementKind.STROKE, 0, 0, Points.of(coords), Style.DEFAULT, 1);
    List<Op> ops = AddOps.forElement(stroke);
    assertThat(ops).hasSize(3).first().isInstanceOf(Op.AddElement.class);
    BoardState replay = new BoardState();
    ops.forEach(replay::applyOp);
    assertThat(replay.get("long")).isEqualTo(stroke);
  }
}
