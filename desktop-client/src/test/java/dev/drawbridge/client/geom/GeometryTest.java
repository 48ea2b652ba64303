package dev.drawbridge.client.geom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeometryTest {

  @Test
  void hitTestFollowsWhatIsPainted() {
    Element stroke =
        Element.freehand(
            "s", ElementKind.STROKE, 10, 10, Points.of(0, 0, 100, 0), Style.DEFAULT, 1);
    assertThat(Proximity.hits(stroke, 60, 12, 3)).isTrue();
    assertThat(Proximity.hits(stroke, 60, 30, 3)).isFalse();
    Element filled =
        Element.shape("r", ElementKind.ELLIPSE, 0, 0, 100, 50, Style.DEFAULT.withFill(true), 1);
    Element hollow = Element.shape("e", ElementKind.ELLIPSE, 0, 0, 100, 50, Style.DEFAULT, 1);
    assertThat(Proximity.hits(filled, 50, 25, 2)).isTrue();
    assertThat(Proximity.hits(hollow, 50, 25, 2)).isFalse();
    assertThat(Proximity.hits(hollow, 0, 25, 2)).isTrue();
    Element line = Element.shape("l", ElementKind.ARROW, 0, 0, -100, -100, Style.DEFAULT, 1);
    assertThat(Proximity.hits(line, -50, -50, 1)).isTrue();
    assertThat(Proximity.hits(line.withDeleted(true), -50, -50, 1)).isFalse();
    Element text = Element.text("t", 0, 0, "hello", Style.DEFAULT, 1);
    assertThat(Proximity.hits(text, 5, 5, 0)).isTrue();
  }

  /** The grid index answers exactly like a scan over every element, at any query size. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void spatialIndexMatchesABruteForceScan(long seed) {
    Random random = new Random(seed);
    SpatialIndex index = new SpatialIndex(64);
    List<String> ids = new ArrayList<>();
    List<Rect> rects = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double x = random.nextDouble() * 4000 - 2000;
      double y = random.nextDouble() * 4000 - 2000;
      double w = random.nextInt(10) == 0 ? random.nextDouble() * 3000 : random.nextDouble() * 80;
      Rect r = new Rect(x, y, x + w, y + random.nextDouble() * 80);
      ids.add("e" + i);
      rects.add(r);
      index.put("e" + i, r);
    }
    // Move some, remove some.
    for (int i = 0; i < 100; i++) {
      int k = random.nextInt(ids.size());
      Rect moved =
          random.nextBoolean() && rects.get(k) != null ? rects.get(k).translate(300, -200) : null;
      rects.set(k, moved);
      index.put(ids.get(k), moved);
    }
    for (int q = 0; q < 50; q++) {
      double x = random.nextDouble() * 4000 - 2000;
      double y = random.nextDouble() * 4000 - 2000;
      double size = q % 5 == 0 ? 5000 : random.nextDouble() * 500;
      Rect query = new Rect(x, y, x + size, y + size);
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < ids.size(); i++) {
        if (rects.get(i) != null && rects.get(i).intersects(query)) {
          expected.add(ids.get(i));
        }
      }
      assertThat(new HashSet<>(index.query(query))).isEqualTo(expected);
    }
  }

  @Test
  void viewportZoomsAroundThePointerAndPansInWholePixels() {
    Viewport v = new Viewport();
    v.panBy(10.4, 20.6);
    assertThat(v.offsetX()).isEqualTo(10);
    assertThat(v.offsetY()).isEqualTo(21);
    double bx = v.toBoardX(300);
    double by = v.toBoardY(200);
    v.zoomAt(1.5, 300, 200);
    assertThat(v.toBoardX(300)).isCloseTo(bx, org.assertj.core.data.Offset.offset(1.0));
    assertThat(v.toBoardY(200)).isCloseTo(by, org.assertj.core.data.Offset.offset(1.0));
    assertThat(v.offsetX()).isEqualTo(Math.rint(v.offsetX()));
    v.zoomAt(1000, 0, 0);
    assertThat(v.scale()).isEqualTo(Viewport.MAX_SCALE);
    v.fit(new Rect(0, 0, 2000, 1000), 1000, 600, 0);
    assertThat(v.visible(1000, 600).contains(new Rect(0, 0, 2000, 1000))).isTrue();
  }

  @Test
  void smootherDropsTinyStepsAndDampsJitter() {
    StrokeSmoother s = new StrokeSmoother(0.5);
    s.reset(0, 0);
    assertThat(s.next(0.5, 0, 1)).isNull();
    double[] p = s.next(10, 0, 1);
    assertThat(p[0]).isBetween(0.0, 10.0);
  }

  @Test
  void arrowBarbsSitBehindTheTip() {
    double[] b = ArrowHead.barbs(0, 0, 100, 0, 2);
    assertThat(b[0]).isLessThan(100);
    assertThat(b[2]).isLessThan(100);
    assertThat(b[1]).isEqualTo(-b[3], org.assertj.core.data.Offset.offset(1e-9));
  }
}
