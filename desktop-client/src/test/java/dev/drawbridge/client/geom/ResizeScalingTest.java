package dev.drawbridge.client.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.client.geom.Handles.Handle;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Corner handles on text and freehand strokes, and the scaling they drive. */
class ResizeScalingTest {
  private static final List<Handle> CORNERS = List.of(Handle.NW, Handle.NE, Handle.SW, Handle.SE);

  /** A stroke whose bounds are (10, 20)..(110, 70), with its origin inside them. */
  private static Element stroke() {
    return Element.freehand(
        "s",
        ElementKind.STROKE,
        10,
        20,
        Points.of(0, 0, 50, 50, 100, 10, 30, 40),
        Style.DEFAULT.withWidth(6),
        3);
  }

  private static Element text() {
    return Element.text("t", 100, 200, "hello", Style.DEFAULT.withFontSize(20), 1);
  }

  private static double[] bounds(Element e) {
    return e.bounds();
  }

  @Test
  void textAndFreehandHaveFourCornerHandlesOnTheirBounds() {
    for (Element e :
        List.of(
            text(),
            stroke(),
            Element.freehand(
                "h", ElementKind.HIGHLIGHTER, 0, 0, Points.of(0, 0, 5, 5), Style.DEFAULT, 1))) {
      assertThat(Handles.of(e)).as(e.kind().name()).containsExactlyElementsOf(CORNERS);
    }
    double[] b = text().bounds();
    assertThat(Handles.position(text(), Handle.NW)).containsExactly(b[0], b[1]);
    assertThat(Handles.position(text(), Handle.SE)).containsExactly(b[2], b[3]);
    assertThat(Handles.position(stroke(), Handle.NE)).containsExactly(110, 20);
    assertThat(Handles.position(stroke(), Handle.SW)).containsExactly(10, 70);
    assertThat(Handles.at(stroke(), 111, 69, 3)).isEqualTo(Handle.SE);
    assertThat(Handles.at(stroke(), 60, 45, 3)).isNull();
    // Boxes and lines keep their handles.
    Element line = Element.shape("l", ElementKind.LINE, 0, 0, 10, 10, Style.DEFAULT, 1);
    assertThat(Handles.of(line)).containsExactly(Handle.START, Handle.END);
  }

  @Test
  void onASmallElementTheCornersLeaveItsMiddleForMoving() {
    Element small =
        Element.freehand(
            "s", ElementKind.STROKE, 0, 0, Points.of(0, 0, 10, 10, 0, 10), Style.DEFAULT, 1);
    // Tolerance 7 would cover the whole 10 x 10 box; inside it a corner reaches 2.5.
    assertThat(Handles.at(small, 5, 5, 7)).isNull();
    assertThat(Handles.at(small, 3, 3, 7)).isNull();
    assertThat(Handles.at(small, 2, 2, 7)).isEqualTo(Handle.NW);
    assertThat(Handles.at(small, 10, 10, 7)).isEqualTo(Handle.SE);
    // Outside the bounds the full tolerance still applies.
    assertThat(Handles.at(small, 16, 16, 7)).isEqualTo(Handle.SE);
    assertThat(Handles.at(small, 18, 16, 7)).isNull();
    // A big element keeps the full tolerance inside too.
    assertThat(Handles.at(stroke(), 104, 64, 7)).isEqualTo(Handle.SE);
    // A dot has nothing to scale, so no handles: a press on it moves it.
    Element dot =
        Element.freehand("d", ElementKind.STROKE, 5, 5, Points.of(0, 0, 0, 0), Style.DEFAULT, 1);
    assertThat(Handles.of(dot)).isEmpty();
    assertThat(Handles.at(dot, 5, 5, 7)).isNull();
  }

  @Test
  void draggingTheSouthEastCornerOfTextScalesItsFontAboutTheNorthWestCorner() {
    Element t = text();
    double[] b = t.bounds();
    // Twice as far from the fixed corner on the wider axis: double the font.
    double[] fixed = {b[0], b[1]};
    ElementPatch patch =
        Handles.drag(t, Handle.SE, fixed[0] + 2 * (b[2] - b[0]), fixed[1] + (b[3] - b[1]));
    assertThat(patch.fontSize()).isEqualTo(40);
    Element after = patch.applyTo(t);
    assertThat(after.bounds()[0]).isCloseTo(b[0], within(1e-9));
    assertThat(after.bounds()[1]).isCloseTo(b[1], within(1e-9));
    // Proportional: both sides doubled.
    assertThat(after.bounds()[2] - after.bounds()[0]).isCloseTo(2 * (b[2] - b[0]), within(1e-9));
    assertThat(after.bounds()[3] - after.bounds()[1]).isCloseTo(2 * (b[3] - b[1]), within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NW", "NE", "SW", "SE"})
  void anyTextCornerKeepsTheOppositeCornerInPlace(String corner) {
    Handle h = Handle.valueOf(corner);
    Element t = text();
    double[] fixed = Handles.position(t, Handles.opposite(h));
    double[] grabbed = Handles.position(t, h);
    // Pull the corner half as far again from the fixed corner: font 20 -> 30.
    double px = fixed[0] + 1.5 * (grabbed[0] - fixed[0]);
    double py = fixed[1] + 1.5 * (grabbed[1] - fixed[1]);
    Element after = Handles.drag(t, h, px, py).applyTo(t);
    assertThat(after.style().fontSize()).isEqualTo(30);
    double[] stays = Handles.position(after, Handles.opposite(h));
    assertThat(stays[0]).isCloseTo(fixed[0], within(1e-9));
    assertThat(stays[1]).isCloseTo(fixed[1], within(1e-9));
    assertThat(Handles.position(after, h)[0]).isCloseTo(px, within(1e-9));
  }

  @Test
  void textFontSizeIsClampedToTheProtocolRange() {
    Element t = text();
    double[] b = t.bounds();
    // Dragged across the fixed corner: the smallest font, still anchored at the fixed corner.
    Element tiny = Handles.drag(t, Handle.SE, b[0] - 500, b[1] - 500).applyTo(t);
    assertThat(tiny.style().fontSize()).isEqualTo(1);
    assertThat(tiny.x()).isEqualTo(b[0]);
    assertThat(tiny.y()).isEqualTo(b[1]);
    Element huge = Handles.drag(t, Handle.NW, b[2] - 1e6, b[3] - 1e6).applyTo(t);
    assertThat(huge.style().fontSize()).isEqualTo(ProtocolLimits.MAX_FONT_SIZE);
    assertThat(huge.bounds()[2]).isCloseTo(b[2], within(1e-6));
    assertThat(huge.bounds()[3]).isCloseTo(b[3], within(1e-6));
    // Font sizes are kept to a tenth.
    assertThat(TextScaling.fontSize(23.456)).isEqualTo(23.5);
    assertThat(TextScaling.fontSize(Double.NaN)).isEqualTo(1);
    // Grabbing a corner and letting go in place changes nothing.
    assertThat(Handles.drag(t, Handle.SE, b[2], b[3])).isEqualTo(ElementPatch.NONE);
  }

  @Test
  void aStrokeScalesAboutTheOppositeCornerKeepingItsWidthAndId() {
    Element s = stroke();
    // SE (110, 70) to (210, 95): x doubles, y grows by half, about NW (10, 20).
    Element after = Handles.resized(s, Handle.SE, 210, 95, false);
    assertThat(after.id()).isEqualTo(s.id());
    assertThat(after.style()).isEqualTo(s.style());
    assertThat(after.points().size()).isEqualTo(s.points().size());
    assertThat(bounds(after)).containsExactly(10, 20, 210, 95);
    for (int i = 0; i < s.points().size(); i++) {
      double ax = s.x() + s.points().x(i);
      double ay = s.y() + s.points().y(i);
      assertThat(after.x() + after.points().x(i)).isCloseTo(10 + (ax - 10) * 2, within(1e-4));
      assertThat(after.y() + after.points().y(i)).isCloseTo(20 + (ay - 20) * 1.5, within(1e-4));
    }
    // Shift keeps the aspect: the larger factor (2) on both axes.
    Element even = Handles.resized(s, Handle.SE, 210, 95, true);
    assertThat(bounds(even)).containsExactly(10, 20, 210, 120);
  }

  @Test
  void aStrokeDraggedPastItsOppositeCornerMirrorsAndNeverCollapses() {
    Element s = stroke();
    // NW (10, 20) dragged past SE (110, 70) to (160, 90): mirrored, NW's old place now empty.
    Element flipped = Handles.resized(s, Handle.NW, 160, 90, false);
    assertThat(bounds(flipped)).containsExactly(110, 70, 160, 90);
    // The point that was leftmost (x 10) is now rightmost.
    assertThat(flipped.x() + flipped.points().x(0)).isEqualTo(160);
    // Onto the fixed corner: clamped to the minimum extent, not flipped, not zero.
    Element flat = Handles.resized(s, Handle.NW, 110, 70, false);
    double[] b = bounds(flat);
    assertThat(b[2] - b[0]).isCloseTo(FreehandScaling.MIN_EXTENT, within(1e-4));
    assertThat(b[3] - b[1]).isCloseTo(FreehandScaling.MIN_EXTENT, within(1e-4));
    assertThat(b[2]).isCloseTo(110, within(1e-4));
    assertThat(b[3]).isCloseTo(70, within(1e-4));
  }

  @Test
  void anAxisWithoutExtentStaysAsItIs() {
    Element level =
        Element.freehand(
            "h", ElementKind.STROKE, 0, 50, Points.of(0, 0, 40, 0, 80, 0), Style.DEFAULT, 1);
    Element longer = Handles.resized(level, Handle.SE, 160, 500, false);
    assertThat(bounds(longer)).containsExactly(0, 50, 160, 50);
    Element even = Handles.resized(level, Handle.SE, 160, 500, true);
    assertThat(bounds(even)).containsExactly(0, 50, 160, 50);
    Element dot =
        Element.freehand("d", ElementKind.STROKE, 5, 5, Points.of(0, 0), Style.DEFAULT, 1);
    assertThat(Handles.resized(dot, Handle.SE, 90, 90, false)).isEqualTo(dot);
    assertThat(Handles.of(dot)).isEmpty();
  }

  @Test
  void aScaleBeyondTheCoordinateRangeLeavesTheStrokeAsItIs() {
    Element s = stroke();
    double far = ProtocolLimits.MAX_COORDINATE * 10;
    assertThat(Handles.resized(s, Handle.SE, far, far, false)).isSameAs(s);
  }

  /**
   * Random strokes dragged by a random corner to a random point: always a valid element with the
   * same point count and width, the fixed corner still on its bounds, neither side under the
   * minimum extent.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void randomResizesStayValidAndAnchored(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 50; round++) {
      int n = 2 + random.nextInt(30);
      float[] coords = new float[2 * n];
      for (int i = 0; i < coords.length; i++) {
        coords[i] = (float) (random.nextGaussian() * 200);
      }
      Element s =
          Element.freehand(
              "r",
              random.nextBoolean() ? ElementKind.STROKE : ElementKind.HIGHLIGHTER,
              random.nextGaussian() * 1000,
              random.nextGaussian() * 1000,
              Points.of(coords),
              Style.DEFAULT.withWidth(1 + random.nextInt(20)),
              1);
      Handle h = CORNERS.get(random.nextInt(4));
      double[] fixed = Handles.position(s, Handles.opposite(h));
      double px = fixed[0] + random.nextGaussian() * 500;
      double py = fixed[1] + random.nextGaussian() * 500;
      Element after = Handles.resized(s, h, px, py, random.nextBoolean());
      assertThat(after.points().size()).isEqualTo(n);
      assertThat(after.style()).isEqualTo(s.style());
      double[] b = after.bounds();
      assertThat(b[2] - b[0]).isGreaterThanOrEqualTo(FreehandScaling.MIN_EXTENT - 1e-3);
      assertThat(b[3] - b[1]).isGreaterThanOrEqualTo(FreehandScaling.MIN_EXTENT - 1e-3);
      double tolerance = 1e-3 * (1 + Math.abs(fixed[0]) + Math.abs(fixed[1]));
      assertThat(Math.min(Math.abs(b[0] - fixed[0]), Math.abs(b[2] - fixed[0])))
          .isLessThan(tolerance);
      assertThat(Math.min(Math.abs(b[1] - fixed[1]), Math.abs(b[3] - fixed[1])))
          .isLessThan(tolerance);
    }
  }
}
