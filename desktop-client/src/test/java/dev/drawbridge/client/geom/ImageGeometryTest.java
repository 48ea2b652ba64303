package dev.drawbridge.client.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where new pictures go, what touches one, and a picture's corner drag keeping its aspect ratio.
 */
class ImageGeometryTest {
  private static final Element PICTURE =
      Element.ofImage(
          "p", 100, 100, 200, 100, new ImageRef("a".repeat(64), "image/png", 400, 200), 1);

  @Test
  void everyCornerKeepsTheAspectAndTheOppositeCorner() {
    for (Handles.Handle h :
        List.of(Handles.Handle.NW, Handles.Handle.NE, Handles.Handle.SW, Handles.Handle.SE)) {
      double[] fixed = Handles.position(PICTURE, Handles.opposite(h));
      double[] corner = Handles.position(PICTURE, h);
      // Pulled outwards, more across than down.
      double px = corner[0] + Math.signum(corner[0] - fixed[0]) * 100;
      double py = corner[1] + Math.signum(corner[1] - fixed[1]) * 10;
      Element r = Handles.resized(PICTURE, h, px, py, false);
      assertThat(r.w() / r.h()).as(h.name()).isCloseTo(2.0, within(1e-9));
      assertThat(r.w()).as(h.name()).isCloseTo(300, within(1e-9));
      assertThat(Handles.position(r, Handles.opposite(h))).as(h.name()).containsExactly(fixed);
    }
  }

  @Test
  void aPictureIsTouchedAnywhereOnItNotOnlyOnItsEdge() {
    // Found by hand: clicks and eraser strokes inside a picture did nothing (it is an unfilled
    // rectangle holding an image, and only an unfilled rectangle's outline counted).
    assertThat(Proximity.hits(PICTURE, 200, 150, 1)).isTrue();
    assertThat(Proximity.hits(PICTURE, 101, 101, 1)).isTrue();
    assertThat(Proximity.hits(PICTURE, 299, 199, 1)).isTrue();
    assertThat(Proximity.hits(PICTURE, 320, 150, 1)).isFalse();
    assertThat(Proximity.hits(PICTURE, 200, 90, 1)).isFalse();
    assertThat(Proximity.hits(PICTURE.withDeleted(true), 200, 150, 1)).isFalse();

    Element outline =
        Element.shape(
            "r",
            dev.drawbridge.protocol.element.ElementKind.RECTANGLE,
            100,
            100,
            200,
            100,
            dev.drawbridge.protocol.element.Style.DEFAULT,
            2);
    assertThat(Proximity.hits(outline, 200, 150, 1)).isFalse();
    assertThat(Proximity.hits(outline, 100, 150, 1)).isTrue();
  }

  @Test
  void aPictureIsNeverFlippedNorShrunkBelowItsMinimum() {
    Element r = Handles.resized(PICTURE, Handles.Handle.SE, 0, 0, false);
    assertThat(r.x()).isEqualTo(100);
    assertThat(r.h()).isCloseTo(ImageResize.MIN_SIDE, within(1e-9));
    assertThat(r.w()).isCloseTo(2 * ImageResize.MIN_SIDE, within(1e-9));
  }

  @Test
  void picturesComeAtTheirSizeWithinTheViewSideBySide() {
    Rect view = new Rect(0, 0, 1000, 800);
    List<Rect> one = ImagePlacement.row(List.<int[]>of(new int[] {300, 200}), 500, 400, view);
    assertThat(one.getFirst()).isEqualTo(new Rect(350, 300, 650, 500));

    // A photo larger than the view shrinks to 60 % of it, aspect kept.
    Rect big = ImagePlacement.row(List.<int[]>of(new int[] {4000, 3000}), 0, 0, view).getFirst();
    assertThat(big.width()).isCloseTo(600, within(1e-9));
    assertThat(big.height()).isCloseTo(450, within(1e-9));

    List<Rect> two =
        ImagePlacement.row(List.of(new int[] {100, 50}, new int[] {60, 60}), 500, 400, view);
    assertThat(two.get(1).minX() - two.get(0).maxX()).isCloseTo(ImagePlacement.GAP, within(1e-9));
    assertThat((two.get(0).minX() + two.get(1).maxX()) / 2).isCloseTo(500, within(1e-9));
    assertThat((two.get(0).minY() + two.get(0).maxY()) / 2).isCloseTo(400, within(1e-9));
  }
}
