package dev.drawbridge.protocol.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.validation.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Z-order keys (docs/protocol.md R45). */
class ZOrderTest {

  @Test
  void keysAreWholeNumbersStrictlyAboveOrBelow() {
    assertThat(ZOrder.first()).isEqualTo(1);
    assertThat(ZOrder.above(1)).isEqualTo(2);
    assertThat(ZOrder.above(1.5)).isEqualTo(2);
    assertThat(ZOrder.above(-0.5)).isEqualTo(0);
    assertThat(ZOrder.below(1)).isEqualTo(0);
    assertThat(ZOrder.below(-1.5)).isEqualTo(-2);
    assertThat(ZOrder.below(0.5)).isEqualTo(0);
    for (double top : new double[] {-1e15 + 1, -3.25, 0, 7, 123456.75, 1e15 - 1}) {
      assertThat(ZOrder.above(top)).isGreaterThan(top);
      assertThat(ZOrder.below(top)).isLessThan(top);
    }
  }

  @Test
  void aMillionBringToFrontsStayExact() {
    double z = ZOrder.first();
    for (int i = 0; i < 1_000_000; i++) {
      double next = ZOrder.above(z);
      assertThat(next - z).isEqualTo(1);
      z = next;
    }
  }

  @Test
  void paintOrderIsZThenId() {
    Element a = Element.shape("a", ElementKind.RECTANGLE, 0, 0, 1, 1, Style.DEFAULT, 2);
    Element b = Element.shape("b", ElementKind.RECTANGLE, 0, 0, 1, 1, Style.DEFAULT, 1);
    Element c = Element.shape("c", ElementKind.RECTANGLE, 0, 0, 1, 1, Style.DEFAULT, 1);
    List<Element> list = new ArrayList<>(List.of(a, c, b));
    list.sort(ZOrder.PAINT_ORDER);
    assertThat(list).containsExactly(b, c, a);
  }

  @Test
  void keysMustBeFiniteAndWithinRange() {
    assertThat(ZOrder.requireValid(ZOrder.MAX_KEY, "z")).isEqualTo(1e15);
    assertThat(ZOrder.requireValid(-ZOrder.MAX_KEY, "z")).isEqualTo(-1e15);
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1e15 + 2, -1e16}) {
      assertThatThrownBy(() -> ZOrder.requireValid(bad, "z"))
          .isInstanceOf(InvalidFieldException.class);
    }
  }
}
