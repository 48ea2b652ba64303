package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The board's changes reach the layers, the selection and the fit view. */
class BoardChangesTest {
  private final LocalBoard board = new LocalBoard();
  private final Selection selection = new Selection();
  private final RepaintQueue repaint = new RepaintQueue(() -> {});
  private final ElementLayers layers = new ElementLayers(board::view, repaint);
  private int contentReads;
  private final Navigation navigation =
      new Navigation(
          new Viewport(),
          () -> 800,
          () -> 600,
          () -> {
            contentReads++;
            return layers.contentBounds();
          },
          () -> 0,
          () -> {});
  private boolean othersSelect;
  private final BoardChanges changes =
      new BoardChanges(layers, navigation, selection, repaint, () -> 0, () -> othersSelect);

  @BeforeEach
  void twoBoxes() {
    board.restore(new BoardSnapshot(0, List.of(box("a", 0), box("b", 500))), List.of());
    changes.reindex();
    board.addListener(changes);
    settle();
  }

  private static Element box(String id, double x) {
    return Element.shape(id, ElementKind.RECTANGLE, x, 0, 100, 100, Style.DEFAULT, 1);
  }

  private void settle() {
    repaint.takeFull();
    repaint.livePainted();
    repaint.drainRegions(r -> {});
    repaint.drainOnTop(id -> {});
  }

  @Test
  void aDeletedElementLeavesTheSelection() {
    selection.set(List.of("a", "b"));
    board.applyRemote(1, "del", new Op.DeleteElement("a"));
    assertThat(selection.ordered()).containsExactly("b");
    assertThat(layers.bounds("a")).isNull();
  }

  @Test
  void aChangeToASelectedElementRepaintsTheLiveLayer() {
    board.applyRemote(1, "m1", new Op.UpdateElement("a", ElementPatch.move(10, 0)));
    assertThat(repaint.liveWaiting()).as("not selected: tiles only").isFalse();
    selection.set(List.of("a"));
    board.applyRemote(2, "m2", new Op.UpdateElement("a", ElementPatch.move(20, 0)));
    assertThat(repaint.liveWaiting()).isTrue();
    assertThat(layers.bounds("a")).isEqualTo(Rect.paintedBounds(board.view().get("a")));
  }

  @Test
  void anyChangeRepaintsTheFramesWhileSomethingIsSelected() {
    // A selected connector follows the element it is attached to, which is what changed.
    selection.set(List.of("b"));
    board.applyRemote(1, "m1", new Op.UpdateElement("a", ElementPatch.move(10, 0)));
    assertThat(repaint.liveWaiting()).isTrue();
    settle();
    selection.clear();
    settle();
    board.applyRemote(2, "m2", new Op.UpdateElement("a", ElementPatch.move(10, 0)));
    assertThat(repaint.liveWaiting()).as("nothing selected: tiles only").isFalse();
  }

  @Test
  void othersSelectionFramesFollowTheirElements() {
    othersSelect = true;
    board.applyRemote(1, "m1", new Op.UpdateElement("a", ElementPatch.move(10, 0)));
    assertThat(repaint.liveWaiting()).isTrue();
  }

  @Test
  void theFitViewIsComputedAgainAfterAChange() {
    navigation.viewsNearby();
    navigation.viewsNearby();
    assertThat(contentReads).isEqualTo(1);
    board.applyRemote(1, "add", new Op.AddElement(box("c", 3000)));
    navigation.viewsNearby();
    assertThat(contentReads).isEqualTo(2);
  }

  @Test
  void aReplacedBoardIsIndexedAgainAndRepaintedWhole() {
    selection.set(List.of("a", "b"));
    board.restore(new BoardSnapshot(0, List.of(box("b", 500), box("c", 900))), List.of());
    assertThat(selection.ordered()).containsExactly("b");
    assertThat(layers.bounds("c")).isNotNull();
    assertThat(layers.bounds("a")).isNull();
    assertThat(repaint.takeFull()).isTrue();
  }
}
