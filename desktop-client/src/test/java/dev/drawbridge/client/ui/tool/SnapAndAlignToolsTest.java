package dev.drawbridge.client.ui.tool;

import static dev.drawbridge.client.ui.tool.FakeToolContext.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Alignment;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapping in the select and shape tools, and align and distribute as selection edits. */
class SnapAndAlignToolsTest {
  private final FakeToolContext ctx = new FakeToolContext();
  private final SelectionEdits edits = new SelectionEdits(ctx.board, ctx.selection);
  private final List<Op> sent = new ArrayList<>();

  SnapAndAlignToolsTest() {
    ctx.board.setSink((PendingOp p) -> sent.add(p.op()));
  }

  private void rect(String id, double x, double y, double w, double h) {
    ctx.addFilledRect(id, x, y, w, h);
  }

  private Element get(String id) {
    return ctx.board.view().get(id);
  }

  private static PointerInput alt(double x, double y) {
    return new PointerInput(x, y, false, 1, 0, true);
  }

  @Test
  void aMoveSnapsToAnotherShapesEdgeShowsAGuideAndIsOneUndoStep() {
    rect("target", 100, 0, 100, 50);
    rect("box", 0, 200, 40, 40);
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(20, 220, 0));
    select.dragged(at(124, 210, 0)); // left edge at 104: 4 from the target's left edge
    assertThat(ctx.liveDx).isEqualTo(100);
    assertThat(ctx.guides).contains(new SnapGuide(true, 100, 0, 230));
    select.released(at(124, 210, 0));
    assertThat(ctx.guides).isEmpty();
    assertThat(get("box").x()).isEqualTo(100);
    assertThat(get("box").y()).isEqualTo(190);
    ctx.board.undo();
    assertThat(get("box").x()).isZero();
  }

  @Test
  void altHeldMovesFreely() {
    rect("target", 100, 0, 100, 50);
    rect("box", 0, 200, 40, 40);
    SelectTool select = new SelectTool(ctx);
    select.pressed(alt(20, 220));
    select.dragged(alt(124, 220));
    assertThat(ctx.guides).isEmpty();
    select.released(alt(124, 220));
    assertThat(get("box").x()).isEqualTo(104);
  }

  @Test
  void aClickNextToATargetMovesNothing() {
    rect("target", 41, 0, 100, 50);
    rect("box", 0, 200, 40, 40);
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(20, 220, 0));
    select.released(at(20, 220, 0));
    assertThat(get("box").x()).isZero();
    assertThat(ctx.board.canUndo()).isTrue(); // the adds only
    assertThat(sent).hasSize(2);
  }

  @Test
  void withSnapToGridMovesAndNewShapesLandOnTheGrid() {
    ctx.snapToGrid = true;
    rect("box", 3, 7, 40, 40);
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(20, 20, 0));
    select.released(at(49, 88, 0)); // by (29, 68): the corner to (32, 75) → (40, 80)
    assertThat(get("box").x()).isEqualTo(40);
    assertThat(get("box").y()).isEqualTo(80);

    ShapeTool shape = new ShapeTool(ctx, ToolKind.RECTANGLE);
    shape.pressed(at(201, 298, 0));
    shape.dragged(at(255, 333, 0));
    shape.released(at(255, 333, 0));
    Element drawn =
        ctx.board.view().visibleElements().stream()
            .filter(e -> !e.id().equals("box"))
            .findFirst()
            .orElseThrow();
    assertThat(new double[] {drawn.x(), drawn.y(), drawn.w(), drawn.h()})
        .containsExactly(200, 300, 60, 40);

    // Zoomed out to 50 %, the grid drawn (and snapped to) is 100 units.
    ctx.scale = 0.5;
    shape.pressed(alt(1001, 1001)); // Alt: not snapped
    shape.released(at(1149, 1149, 0));
    assertThat(ctx.board.view().visibleElements())
        .anySatisfy(
            e -> assertThat(new double[] {e.x(), e.y(), e.w()}).containsExactly(1001, 1001, 99));
  }

  @Test
  void aResizeHandleSnapsToAnotherShapesEdge() {
    rect("target", 300, 0, 50, 50);
    rect("box", 0, 100, 100, 100);
    ctx.selection.set(List.of("box"));
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(100, 200, 0)); // the SE corner
    select.dragged(at(296, 260, 0));
    assertThat(ctx.guides).anySatisfy(g -> assertThat(g.at()).isEqualTo(300));
    select.released(at(296, 260, 0));
    assertThat(get("box").w()).isEqualTo(300);
    assertThat(get("box").h()).isEqualTo(160);
    assertThat(ctx.guides).isEmpty();
  }

  @Test
  void movingOneOfThousandsSnapsToTheOnlyShapeInReachOnScreen() {
    for (int i = 0; i < 3000; i++) {
      rect("r" + i, (i % 60) * 200, (i / 60) * 200 + 1000, 50, 50);
    }
    rect("near", 500, 0, 50, 50);
    rect("box", 0, 0, 30, 30);
    // A shape off screen offers nothing to snap to.
    rect("offscreen", 5_000_000, 0, 50, 50);
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(10, 10, 0));
    select.dragged(at(512, 15, 0)); // the box's left at 502
    assertThat(ctx.liveDx).isEqualTo(500);
    assertThat(ctx.liveDy).isEqualTo(0); // its top 5 from "near"'s top 0
    select.released(at(512, 15, 0));
    assertThat(get("box").x()).isEqualTo(500);
  }

  @Test
  void alignLeftOfThreeIsOneUndoStepAndSkipsShapesAlreadyThere() {
    rect("a", 10, 0, 20, 20);
    rect("b", 50, 40, 50, 20);
    rect("c", 0, 100, 40, 90);
    ctx.selection.set(List.of("a", "b", "c"));
    sent.clear();
    assertThat(edits.align(Alignment.Edge.LEFT)).isEqualTo(2);
    assertThat(sent).hasSize(2); // "c" already on the line
    assertThat(List.of(get("a").x(), get("b").x(), get("c").x())).containsOnly(0.0);
    ctx.board.undo();
    assertThat(List.of(get("a").x(), get("b").x(), get("c").x())).containsExactly(10.0, 50.0, 0.0);
    ctx.board.redo();
    assertThat(get("b").x()).isZero();
    // Again: nothing to do, so no empty undo step.
    assertThat(edits.align(Alignment.Edge.LEFT)).isZero();
  }

  @Test
  void alignWorksOnLinesAndFreehandStrokesByTheirBounds() {
    ctx.board.submit(
        new Op.AddElement(
            Element.shape("line", ElementKind.LINE, 100, 100, -50, 30, Style.DEFAULT, 5)));
    ctx.board.submit(
        new Op.AddElement(
            Element.freehand(
                "ink", ElementKind.STROKE, 10, 10, Points.of(-5, 0, 30, 40), Style.DEFAULT, 6)));
    ctx.selection.set(List.of("line", "ink"));
    edits.align(Alignment.Edge.RIGHT);
    assertThat(get("line").bounds()[2]).isEqualTo(100);
    assertThat(get("ink").bounds()[2]).isEqualTo(100);
  }

  @Test
  void distributeSpreadsTheMiddleOnesAsOneStep() {
    rect("a", 0, 0, 10, 10);
    rect("b", 15, 50, 30, 10);
    rect("c", 190, 20, 10, 10);
    ctx.selection.set(List.of("c", "b", "a"));
    sent.clear();
    assertThat(edits.distribute(Alignment.Axis.HORIZONTAL)).isEqualTo(1);
    assertThat(get("b").x()).isEqualTo(85); // gaps of 75
    assertThat(get("b").y()).isEqualTo(50);
    ctx.board.undo();
    assertThat(get("b").x()).isEqualTo(15);
  }

  @Test
  void aSelectionOfEverythingAligns() {
    for (int i = 0; i < 500; i++) {
      rect("r" + i, i * 7, i * 3, 5 + i % 9, 5);
    }
    edits.selectAll();
    edits.align(Alignment.Edge.BOTTOM);
    double bottom = get("r0").bounds()[3];
    assertThat(ctx.board.view().visibleElements())
        .allSatisfy(e -> assertThat(e.bounds()[3]).isEqualTo(bottom));
    ctx.board.undo();
    assertThat(get("r0").y()).isZero();
  }
}
