package dev.drawbridge.client.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Grid snapping, snapping to other shapes, guides, align and distribute: the plain math. */
class AlignmentGeometryTest {

  // ---- grid ----------------------------------------------------------------------------

  @Test
  void gridStepIsTheOneTheCanvasDrawsAndGrowsFiveFoldWhenZoomedOut() {
    assertThat(Grid.step(1)).isEqualTo(20);
    assertThat(Grid.step(4)).isEqualTo(20);
    assertThat(Grid.step(0.5)).isEqualTo(100); // 20 × 0.5 = 10 px: too close
    assertThat(Grid.step(0.05)).isEqualTo(500);
    assertThat(Grid.step(0)).isEqualTo(20);
    assertThat(Grid.step(Double.NaN)).isEqualTo(20);
    assertThat(Grid.step(Double.POSITIVE_INFINITY)).isEqualTo(20);
  }

  @Test
  void gridSnapRoundsToTheNearestLineAndLeavesHostileValuesAlone() {
    assertThat(Grid.snap(29, 20)).isEqualTo(20);
    assertThat(Grid.snap(31, 20)).isEqualTo(40);
    assertThat(Grid.snap(-31, 20)).isEqualTo(-40);
    assertThat(Grid.snap(1e15 + 7, 20)).isEqualTo(1e15);
    assertThat(Grid.snap(Double.NaN, 20)).isNaN();
    assertThat(Grid.snap(Double.POSITIVE_INFINITY, 20)).isInfinite();
    assertThat(Grid.snap(13, 0)).isEqualTo(13);
    assertThat(Grid.snap(Double.MAX_VALUE, 20)).isFinite();
  }

  @Test
  void aMoveWithOnlyTheGridPutsTheTopLeftCornerOnIt() {
    Snapping grid = new Snapping(SnapTargets.NONE, 6, 20);
    Snapping.Result r = grid.move(new Rect(3, 5, 53, 45), 24, 31);
    // moved to (27, 36): the corner goes to (20, 40)
    assertThat(r.x()).isEqualTo(17);
    assertThat(r.y()).isEqualTo(35);
    assertThat(r.guides()).isEmpty();
    assertThat(Snapping.OFF.move(new Rect(3, 5, 53, 45), 24, 31).x()).isEqualTo(24);
  }

  // ---- snapping to shapes --------------------------------------------------------------

  @Test
  void aMovedBoxSnapsItsLeftEdgeToAnotherAndAGuideSpansBoth() {
    SnapTargets targets = new SnapTargets(List.of(new Rect(100, 0, 200, 50)));
    Snapping snapping = new Snapping(targets, 6, 0);
    // A 40×40 box at (0, 200) dragged so its left edge lands at 104: pulled back to 100.
    Snapping.Result r = snapping.move(new Rect(0, 200, 40, 240), 104, 0);
    assertThat(r.x()).isEqualTo(100);
    assertThat(r.y()).isEqualTo(0);
    assertThat(r.guides()).containsExactly(new SnapGuide(true, 100, 0, 240));
  }

  @Test
  void theNearestOfEdgesAndCentresWinsAndBothAxesSnapApart() {
    SnapTargets targets = new SnapTargets(List.of(new Rect(0, 0, 100, 100)));
    // 20×20 box: its centre at 52 is 2 from the target's centre 50; its left at 42 is 8 away.
    SnapTargets.Snap s = targets.snapRect(new Rect(42, 203, 62, 223), 6);
    assertThat(s.snappedX()).isTrue();
    assertThat(s.dx()).isEqualTo(-2);
    assertThat(s.snappedY()).isFalse();
    assertThat(targets.snapRect(new Rect(300, 300, 320, 320), 6)).isEqualTo(SnapTargets.Snap.NONE);
    // Right edge 97 → 100 and bottom 104 → 100 in the same move.
    SnapTargets.Snap both = targets.snapRect(new Rect(77, 84, 97, 104), 6);
    assertThat(both.dx()).isEqualTo(3);
    assertThat(both.dy()).isEqualTo(-4);
  }

  @Test
  void shapesSnapBeforeTheGrid() {
    SnapTargets targets = new SnapTargets(List.of(new Rect(103, 0, 150, 10)));
    Snapping snapping = new Snapping(targets, 6, 20);
    Snapping.Result r = snapping.move(new Rect(0, 0, 10, 10), 101, 33);
    assertThat(r.x()).isEqualTo(103); // to the shape's edge, not the grid line at 100
    assertThat(r.y()).isEqualTo(40); // no shape near on y: the grid
  }

  @Test
  void aResizeHandleSnapsAsAPoint() {
    SnapTargets targets = new SnapTargets(List.of(new Rect(100, 100, 200, 200)));
    Snapping snapping = new Snapping(targets, 5, 0);
    Snapping.Result r = snapping.point(197, 320);
    assertThat(r.x()).isEqualTo(200);
    assertThat(r.y()).isEqualTo(320);
    assertThat(r.guides()).containsExactly(new SnapGuide(true, 200, 100, 320));
  }

  @Test
  void zeroSizeShapesOfferOneLineAndGetOneGuide() {
    SnapTargets targets = new SnapTargets(List.of(new Rect(50, 50, 50, 50)));
    Snapping snapping = new Snapping(targets, 6, 0);
    Snapping.Result r = snapping.move(new Rect(0, 0, 0, 0), 48, 52);
    assertThat(r.x()).isEqualTo(50);
    assertThat(r.y()).isEqualTo(50);
    assertThat(r.guides())
        .containsExactly(new SnapGuide(true, 50, 50, 50), new SnapGuide(false, 50, 50, 50));
  }

  @Test
  void hugeCoordinatesSnapExactlyAndNonFiniteOnesAreIgnored() {
    double far = 1e15;
    SnapTargets targets =
        new SnapTargets(
            List.of(
                new Rect(far, far, far + 100, far + 100),
                new Rect(Double.NaN, 0, 1, 1),
                new Rect(0, 0, Double.POSITIVE_INFINITY, 1),
                new Rect(
                    -Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE)));
    Snapping snapping = new Snapping(targets, 6, 20);
    Snapping.Result r = snapping.move(new Rect(0, 0, 10, 10), far + 3, far + 200);
    assertThat(r.x()).isEqualTo(far);
    assertThat(r.guides()).isNotEmpty();
    assertThat(r.guides().getFirst().at()).isEqualTo(far);
    // The widest possible rectangle's centre is 0, not an overflow.
    assertThat(snapping.point(2, 3000).x()).isEqualTo(0);
    assertThat(snapping.point(Double.NaN, 1).guides()).isEmpty();
    assertThat(targets.snapRect(new Rect(Double.NaN, 0, 1, 1), 6)).isEqualTo(SnapTargets.Snap.NONE);
  }

  @Test
  void thousandsOfCandidatesSnapToTheNearestLikeALinearScanDoes() {
    Random random = new Random(16);
    List<Rect> rects = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double x = random.nextDouble() * 50_000;
      double y = random.nextDouble() * 50_000;
      rects.add(new Rect(x, y, x + random.nextDouble() * 300, y + random.nextDouble() * 300));
    }
    SnapTargets targets = new SnapTargets(rects);
    assertThat(targets.size()).isEqualTo(120_000);
    for (int trial = 0; trial < 200; trial++) {
      double x = random.nextDouble() * 50_000;
      double w = random.nextDouble() * 100;
      Rect moving = new Rect(x, 0, x + w, 10);
      SnapTargets.Snap s = targets.snapRect(moving, 0.5);
      double best = Double.NaN;
      for (Rect r : rects) {
        for (double line : new double[] {r.minX(), r.minX() * 0.5 + r.maxX() * 0.5, r.maxX()}) {
          for (double a : new double[] {x, x * 0.5 + (x + w) * 0.5, x + w}) {
            double d = line - a;
            if (Math.abs(d) <= 0.5 && (Double.isNaN(best) || Math.abs(d) < Math.abs(best))) {
              best = d;
            }
          }
        }
      }
      assertThat(s.snappedX()).isEqualTo(!Double.isNaN(best));
      if (s.snappedX()) {
        assertThat(Math.abs(s.dx())).isEqualTo(Math.abs(best));
      }
    }
  }

  @Test
  void freehandStrokesSnapByTheBoundsOfTheirPoints() {
    Element stroke =
        Element.freehand(
            "s", ElementKind.STROKE, 10, 10, Points.of(-5, 0, 30, 40), Style.DEFAULT, 1);
    double[] b = stroke.bounds();
    SnapTargets targets = new SnapTargets(List.of(new Rect(b[0], b[1], b[2], b[3])));
    assertThat(targets.snapPoint(6, 500, 2).dx()).isEqualTo(-1); // its left is 5
  }

  // ---- align and distribute --------------------------------------------------------------

  private static final List<Rect> THREE =
      List.of(new Rect(10, 0, 30, 20), new Rect(50, 40, 100, 60), new Rect(0, 100, 40, 190));

  @ParameterizedTest
  @ValueSource(strings = {"LEFT", "CENTRE", "RIGHT", "TOP", "MIDDLE", "BOTTOM"})
  void alignPutsEveryShapeOnTheSameLineOfTheirCommonBounds(String name) {
    Alignment.Edge edge = Alignment.Edge.valueOf(name);
    List<double[]> moves = Alignment.align(THREE, edge);
    List<Double> lines = new ArrayList<>();
    for (int i = 0; i < THREE.size(); i++) {
      Rect r = THREE.get(i).translate(moves.get(i)[0], moves.get(i)[1]);
      lines.add(
          switch (edge) {
            case LEFT -> r.minX();
            case CENTRE -> (r.minX() + r.maxX()) / 2;
            case RIGHT -> r.maxX();
            case TOP -> r.minY();
            case MIDDLE -> (r.minY() + r.maxY()) / 2;
            case BOTTOM -> r.maxY();
          });
      // Only along one axis.
      boolean horizontal = name.equals("LEFT") || name.equals("CENTRE") || name.equals("RIGHT");
      assertThat(moves.get(i)[horizontal ? 1 : 0]).isZero();
    }
    double expected =
        switch (edge) {
          case LEFT -> 0;
          case CENTRE -> 50;
          case RIGHT -> 100;
          case TOP -> 0;
          case MIDDLE -> 95;
          case BOTTOM -> 190;
        };
    assertThat(lines).allSatisfy(v -> assertThat(v).isCloseTo(expected, within(1e-9)));
  }

  @Test
  void aligningFewerThanTwoMovesNothingAndZeroSizeShapesAlign() {
    assertThat(Alignment.align(List.of(new Rect(5, 5, 9, 9)), Alignment.Edge.LEFT).getFirst())
        .containsExactly(0, 0);
    assertThat(Alignment.align(List.of(), Alignment.Edge.LEFT)).isEmpty();
    List<double[]> moves =
        Alignment.align(
            List.of(new Rect(7, 7, 7, 7), new Rect(-3, 2, -3, 2)), Alignment.Edge.RIGHT);
    assertThat(moves.get(0)).containsExactly(0, 0);
    assertThat(moves.get(1)).containsExactly(10, 0);
  }

  @Test
  void aligningEverythingAtHugeCoordinatesStaysFinite() {
    List<Rect> all = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      double x = (random.nextDouble() - 0.5) * 2e15;
      all.add(new Rect(x, x, x + random.nextDouble() * 1e6, x + 10));
    }
    for (Alignment.Edge edge : Alignment.Edge.values()) {
      List<double[]> moves = Alignment.align(all, edge);
      assertThat(moves).hasSize(all.size());
      assertThat(moves).allSatisfy(m -> assertThat(Double.isFinite(m[0] + m[1])).isTrue());
    }
  }

  @Test
  void distributeKeepsTheEndsAndMakesTheGapsEqual() {
    List<Rect> rects =
        List.of(
            new Rect(0, 0, 10, 10), // stays
            new Rect(200, 0, 220, 10), // stays (rightmost)
            new Rect(15, 0, 45, 10),
            new Rect(60, 0, 70, 10));
    List<double[]> moves = Alignment.distribute(rects, Alignment.Axis.HORIZONTAL);
    assertThat(moves.get(0)).containsExactly(0, 0);
    assertThat(moves.get(1)).containsExactly(0, 0);
    // inner widths 30 + 10 = 40; free 200 - 10 - 40 = 150; three gaps of 50
    assertThat(rects.get(2).minX() + moves.get(2)[0]).isCloseTo(60, within(1e-9));
    assertThat(rects.get(3).minX() + moves.get(3)[0]).isCloseTo(140, within(1e-9));
    assertThat(moves.get(2)[1]).isZero();
  }

  @Test
  void distributeVerticallyWithOverlapsAndTiesAndTooFewShapes() {
    List<Rect> rects =
        List.of(new Rect(0, 0, 10, 100), new Rect(0, 10, 10, 30), new Rect(0, 50, 10, 60));
    List<double[]> moves = Alignment.distribute(rects, Alignment.Axis.VERTICAL);
    // Ordered by centre: 20 (the short one), 50 (the tall one), 55. The ends stay; the tall one
    // overlaps both, so the gaps are equal and negative: (50 - 30 - 100) / 2 = -40.
    assertThat(moves.get(1)).containsExactly(0, 0);
    assertThat(moves.get(2)).containsExactly(0, 0);
    assertThat(rects.get(0).minY() + moves.get(0)[1]).isCloseTo(-10, within(1e-9));
    assertThat(Alignment.distribute(rects.subList(0, 2), Alignment.Axis.VERTICAL))
        .allSatisfy(m -> assertThat(m).containsExactly(0, 0));
    List<Rect> same = List.of(new Rect(0, 0, 0, 0), new Rect(0, 0, 0, 0), new Rect(0, 0, 0, 0));
    assertThat(Alignment.distribute(same, Alignment.Axis.HORIZONTAL))
        .allSatisfy(m -> assertThat(m).containsExactly(0, 0));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void distributingRandomShapesLeavesEqualGapsBetweenNeighbours(long seed) {
    Random random = new Random(seed);
    List<Rect> rects = new ArrayList<>();
    int n = 3 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble() * 1000;
      rects.add(new Rect(x, 0, x + random.nextDouble() * 80, 5));
    }
    List<double[]> moves = Alignment.distribute(rects, Alignment.Axis.HORIZONTAL);
    // In the order of the centres before: a wide shape may overlap its neighbours after.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(
        java.util.Comparator.comparingDouble(i -> rects.get(i).minX() + rects.get(i).maxX()));
    List<Rect> placed = new ArrayList<>();
    for (int i : order) {
      placed.add(rects.get(i).translate(moves.get(i)[0], moves.get(i)[1]));
    }
    double gap = placed.get(1).minX() - placed.get(0).maxX();
    for (int i = 2; i < n; i++) {
      assertThat(placed.get(i).minX() - placed.get(i - 1).maxX()).isCloseTo(gap, within(1e-6));
    }
  }
}
