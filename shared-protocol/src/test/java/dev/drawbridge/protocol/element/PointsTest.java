package dev.drawbridge.protocol.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.InvalidFieldException;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import org.junit.jupiter.api.Test;

/** Point runs and their limits (docs/protocol.md R32, R60). */
class PointsTest {

  @Test
  void pointsAreFlatPairs() {
    Points p = Points.of(1, 2, 3, 4);
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.x(1)).isEqualTo(3);
    assertThat(p.y(1)).isEqualTo(4);
    assertThat(Points.of()).isSameAs(Points.EMPTY);
    assertThat(Points.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void pointsAreImmutable() {
    float[] coords = {1, 2};
    Points p = Points.of(coords);
    coords[0] = 99;
    p.toArray()[1] = 99;
    assertThat(p).isEqualTo(Points.of(1, 2));
    assertThat(p.hashCode()).isEqualTo(Points.of(1, 2).hashCode());
  }

  @Test
  void badCoordinatesAreRefused() {
    assertThatThrownBy(() -> Points.of(1, 2, 3)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Points.of(Float.NaN, 0)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Points.of(0, Float.POSITIVE_INFINITY))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Points.of(2e7f, 0)).isInstanceOf(InvalidFieldException.class);
    assertThat(Points.of(1e7f, -1e7f).size()).isEqualTo(1);
  }

  @Test
  void appendKeepsAtMostTheCap() {
    Points p = Points.of(0, 0, 1, 1);
    assertThat(p.append(Points.of(2, 2, 3, 3), 10)).isEqualTo(Points.of(0, 0, 1, 1, 2, 2, 3, 3));
    assertThat(p.append(Points.of(2, 2, 3, 3), 3)).isEqualTo(Points.of(0, 0, 1, 1, 2, 2));
    assertThat(p.append(Points.of(2, 2), 2)).isSameAs(p);
    assertThat(p.append(Points.EMPTY, 10)).isSameAs(p);
  }

  @Test
  void opsCarryAtMost4096Points() {
    Points max = points(ProtocolLimits.MAX_POINTS_PER_OP);
    assertThat(new Op.AppendPoints("e", max).points().size()).isEqualTo(4_096);
    Points over = points(ProtocolLimits.MAX_POINTS_PER_OP + 1);
    assertThatThrownBy(() -> new Op.AppendPoints("e", over))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).tooBig()).isTrue());
    Element stroke = Element.freehand("e", ElementKind.STROKE, 0, 0, over, Style.DEFAULT, 1);
    assertThatThrownBy(() -> new Op.AddElement(stroke))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).tooBig()).isTrue());
  }

  @Test
  void anElementHoldsAtMost20000Points() {
    Points max = points(ProtocolLimits.MAX_POINTS_PER_ELEMENT);
    assertThat(Element.freehand("e", ElementKind.STROKE, 0, 0, max, Style.DEFAULT, 1).points())
        .isEqualTo(max);
    Points over = points(ProtocolLimits.MAX_POINTS_PER_ELEMENT + 1);
    assertThatThrownBy(
            () -> Element.freehand("e", ElementKind.STROKE, 0, 0, over, Style.DEFAULT, 1))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void tooManyPointsOnTheWireIsTooBig() {
    ProtocolCodec codec = new ProtocolCodec();
    String json =
        codec
            .encodeOp(new Op.AppendPoints("e", points(ProtocolLimits.MAX_POINTS_PER_OP)))
            .replace("\"points\":[", "\"points\":[1.0,2.0,");
    assertThatThrownBy(() -> codec.decodeOp(json))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.TOO_BIG));
  }

  private static Points points(int n) {
    float[] coords = new float[2 * n];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = i % 1000;
    }
    return Points.of(coords);
  }
}
