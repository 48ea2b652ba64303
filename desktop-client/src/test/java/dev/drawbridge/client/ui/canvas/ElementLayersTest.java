package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.canvas.ElementLayers.Layer;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each element is painted by exactly one layer, and moving between layers queues the repaints. */
class ElementLayersTest {
  private static final Rect EVERYWHERE = new Rect(-10_000, -10_000, 10_000, 10_000);
  private static final long T0 = 1_000_000_000L;

  private final LocalBoard board = new LocalBoard();
  private final RepaintQueue repaint = new RepaintQueue(() -> {});
  private final ElementLayers layers = new ElementLayers(board::view, repaint);
  private long seq;

  @BeforeEach
  void twoOverlappingBars() {
    // "a" lies under "b" where they overlap (x 60..120).
    board.restore(new BoardSnapshot(0, List.of(bar("a", 0, 0, 1), bar("b", 60, 0, 2))), List.of());
    layers.reset();
    settle();
  }

  private static Element bar(String id, double x, double y, double z) {
    return Element.freehand(
        id, ElementKind.STROKE, x, y, Points.of(0, 0, 60, 0, 120, 0), Style.DEFAULT, z);
  }

  private void add(Element e) {
    seq++;
    board.applyRemote(seq, "op" + seq, new Op.AddElement(e));
  }

  private List<Rect> regions() {
    List<Rect> out = new ArrayList<>();
    repaint.drainRegions(out::add);
    return out;
  }

  private List<String> onTop() {
    List<String> out = new ArrayList<>();
    repaint.drainOnTop(out::add);
    return out;
  }

  private List<String> tileIds() {
    return layers.tileElements(EVERYWHERE).stream().map(Element::id).toList();
  }

  private void settle() {
    repaint.takeFull();
    repaint.livePainted();
    regions();
    onTop();
  }

  @Test
  void imagesInAnAreaAreCountedWithoutTheStrokes() {
    assertThat(layers.imagesIn(EVERYWHERE)).isEmpty();
    ImageRef ref = new ImageRef("0".repeat(64), "image/png", 40, 20);
    add(Element.ofImage("pic", 500, 500, 40, 20, ref, 5));
    layers.elementsChanged(Set.of("pic"), T0);
    assertThat(layers.imagesIn(EVERYWHERE)).extracting(Element::id).containsExactly("pic");
    assertThat(layers.imagesIn(new Rect(0, 0, 100, 100))).isEmpty();
    seq++;
    board.applyRemote(seq, "op" + seq, new Op.DeleteElement("pic"));
    layers.elementsChanged(Set.of("pic"), T0);
    assertThat(layers.imagesIn(EVERYWHERE)).isEmpty();
  }

  @Test
  void tilesShowTheCommittedElementsInPaintOrder() {
    assertThat(tileIds()).containsExactly("a", "b");
    assertThat(layers.layerOf("a")).isEqualTo(Layer.TILES);
    assertThat(layers.contentBounds())
        .isEqualTo(Rect.paintedBounds(board.view().get("a")).union(layers.bounds("b")));
  }

  @Test
  void aNewStrokeOnTopGrowsOffTheTilesThenIsPaintedOverThem() {
    add(bar("r", 0, 100, 10));
    layers.elementsChanged(Set.of("r"), T0);
    assertThat(layers.layerOf("r")).isEqualTo(Layer.GROWING);
    assertThat(layers.busy()).isTrue();
    assertThat(tileIds()).doesNotContain("r");
    assertThat(regions()).isEmpty();
    assertThat(repaint.liveWaiting()).isTrue();

    layers.expireGrowing(T0 + ElementLayers.GROWING_NANOS, false);
    assertThat(layers.layerOf("r")).as("still within the pause").isEqualTo(Layer.GROWING);
    layers.expireGrowing(T0 + ElementLayers.GROWING_NANOS + 1, false);
    assertThat(layers.layerOf("r")).isEqualTo(Layer.TILES);
    assertThat(onTop()).containsExactly("r");
    assertThat(regions()).isEmpty();
    assertThat(layers.onTiles("r")).isNotNull();
  }

  @Test
  void pointsArrivingKeepAStrokeGrowing() {
    add(bar("r", 0, 100, 10));
    layers.elementsChanged(Set.of("r"), T0);
    seq++;
    board.applyRemote(seq, "op" + seq, new Op.AppendPoints("r", Points.of(200, 0)));
    layers.elementsChanged(Set.of("r"), T0 + ElementLayers.GROWING_NANOS);
    layers.expireGrowing(T0 + ElementLayers.GROWING_NANOS + 1, false);
    assertThat(layers.layerOf("r")).isEqualTo(Layer.GROWING);
    layers.expireGrowing(T0, true);
    assertThat(layers.layerOf("r")).as("a flush ends every growth").isEqualTo(Layer.TILES);
  }

  @Test
  void aNewStrokeUnderAnotherAndANewShapeGoStraightToTheTiles() {
    Element under = bar("u", 30, 0, 1.5);
    Element shape = Element.shape("s", ElementKind.RECTANGLE, 0, 300, 50, 50, Style.DEFAULT, 20);
    add(under);
    add(shape);
    layers.elementsChanged(Set.of("u"), T0);
    layers.elementsChanged(Set.of("s"), T0);
    assertThat(layers.layerOf("u")).isEqualTo(Layer.TILES);
    assertThat(layers.layerOf("s")).isEqualTo(Layer.TILES);
    assertThat(regions()).containsExactly(Rect.paintedBounds(under), Rect.paintedBounds(shape));
    assertThat(tileIds()).containsExactly("a", "u", "b", "s");
  }

  @Test
  void aBurstOfNewStrokesGrowsAtMostSixteenAtOnce() {
    for (int i = 0; i <= ElementLayers.MAX_GROWING; i++) {
      add(bar("r" + i, 0, 100 + 20 * i, 100 + i));
      layers.elementsChanged(Set.of("r" + i), T0);
    }
    assertThat(layers.growingIds()).hasSize(ElementLayers.MAX_GROWING);
    String last = "r" + ElementLayers.MAX_GROWING;
    assertThat(layers.layerOf(last)).isEqualTo(Layer.TILES);
    assertThat(regions()).containsExactly(layers.bounds(last));
  }

  @Test
  void elementsShownLiveLeaveTheTilesAndComeBackOnTopOrByRegion() {
    Rect a = layers.bounds("a");
    Rect b = layers.bounds("b");
    layers.showLive(Set.of("a", "b"), 5, 0);
    assertThat(tileIds()).isEmpty();
    assertThat(layers.layerOf("a")).isEqualTo(Layer.LIVE);
    assertThat(regions()).containsExactlyInAnyOrder(a, b);
    assertThat(layers.liveDx()).isEqualTo(5);

    layers.showLive(Set.of(), 0, 0);
    // "b" is above everything near it: painted over the tiles. "a" is under "b": repainted.
    assertThat(onTop()).containsExactly("b");
    assertThat(regions()).containsExactly(a);
    assertThat(tileIds()).containsExactly("a", "b");
    assertThat(layers.busy()).isFalse();
  }

  @Test
  void hiddenElementsLeaveEveryLayerAndTheirRegionsRepaint() {
    Rect a = layers.bounds("a");
    layers.hide(Set.of("a"));
    assertThat(layers.layerOf("a")).isEqualTo(Layer.HIDDEN);
    assertThat(tileIds()).containsExactly("b");
    assertThat(regions()).containsExactly(a);
    assertThat(layers.onTiles("a")).isNull();

    layers.hide(Set.of());
    assertThat(layers.layerOf("a")).isEqualTo(Layer.TILES);
    assertThat(regions()).containsExactly(a);
  }

  @Test
  void deletedElementsAreReportedGoneAndLeaveTheIndex() {
    Rect a = layers.bounds("a");
    seq++;
    board.applyRemote(seq, "del", new Op.DeleteElement("a"));
    Set<String> gone = layers.elementsChanged(Set.of("a"), T0);
    assertThat(gone).containsExactly("a");
    assertThat(layers.bounds("a")).isNull();
    assertThat(layers.near(a)).containsExactly("b");
    assertThat(regions()).containsExactly(a);
  }

  @Test
  void anEmptyBoardHasNoContent() {
    board.restore(new BoardSnapshot(0, List.of()), List.of());
    layers.reset();
    assertThat(layers.contentBounds()).isNull();
    assertThat(layers.near(EVERYWHERE)).isEmpty();
  }

  /**
   * A remote move of a connector's target (R102): the connector is re-indexed where it is now drawn
   * and both its old and new places are repainted, with no op on the connector; while the target is
   * live here, the connector leaves the tiles for the live layer.
   */
  @Test
  void aConnectorFollowsItsTargetOnTheTilesAndOnTheLiveLayer() {
    add(Element.shape("box", ElementKind.RECTANGLE, 500, 0, 100, 100, Style.DEFAULT, 3));
    add(
        Element.shape("arrow", ElementKind.ARROW, 300, 50, 200, 0, Style.DEFAULT, 4)
            .withBindings(null, dev.drawbridge.protocol.element.Binding.to("box", 0, 0.5)));
    layers.elementsChanged(java.util.Set.of("box", "arrow"), T0);
    settle();
    Rect before = layers.bounds("arrow");

    seq++;
    board.applyRemote(
        seq,
        "op" + seq,
        new Op.UpdateElement("box", dev.drawbridge.protocol.element.ElementPatch.move(500, 400)));
    layers.elementsChanged(java.util.Set.of("box"), T0);
    Rect after = layers.bounds("arrow");
    org.assertj.core.api.Assertions.assertThat(after.maxY()).isGreaterThan(440);
    org.assertj.core.api.Assertions.assertThat(regions()).contains(before, after);
    org.assertj.core.api.Assertions.assertThat(
            layers.tileElements(EVERYWHERE).stream()
                .filter(e -> e.id().equals("arrow"))
                .findFirst()
                .orElseThrow()
                .h())
        .isEqualTo(400);

    layers.showLive(java.util.Set.of("box"), 10, 10);
    org.assertj.core.api.Assertions.assertThat(layers.liveFollowers()).containsExactly("arrow");
    org.assertj.core.api.Assertions.assertThat(tileIds()).doesNotContain("arrow", "box");
    layers.showLive(java.util.Set.of(), 0, 0);
    org.assertj.core.api.Assertions.assertThat(layers.liveFollowers()).isEmpty();
    org.assertj.core.api.Assertions.assertThat(tileIds()).contains("arrow", "box");
  }
}
