package dev.drawbridge.client.ui.tool;

import static dev.drawbridge.client.ui.tool.FakeToolContext.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every tool driven with plain pointer input, checked on the LocalBoard. */
class ToolsTest {
  private final FakeToolContext ctx = new FakeToolContext();
  private final List<Op> sent = new ArrayList<>();

  ToolsTest() {
    ctx.board.setSink((PendingOp p) -> sent.add(p.op()));
  }

  private Element only() {
    List<Element> all = ctx.board.view().visibleElements();
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  private Element addRect(double x, double y, double w, double h) {
    Element e =
        Element.shape(
            Ids.random(),
            ElementKind.RECTANGLE,
            x,
            y,
            w,
            h,
            Style.DEFAULT,
            ctx.board.view().topZ() + 1);
    ctx.board.submit(new Op.AddElement(e));
    return e;
  }

  @Test
  void penAddsTheStrokeAtOnceThenAppendsPointsInTimedBatches() {
    PenTool pen = new PenTool(ctx, false);
    long t = 0;
    pen.pressed(at(10, 10, t));
    assertThat(sent).singleElement().isInstanceOf(Op.AddElement.class);
    assertThat(ctx.live).hasSize(1);
    // 40 moves 5 ms apart = 200 ms: about one batch per 25 ms, not one op per event.
    for (int i = 1; i <= 40; i++) {
      t += 5_000_000L;
      pen.dragged(at(10 + i * 3, 10 + i, t));
    }
    long appendsWhileDrawing = sent.stream().filter(o -> o instanceof Op.AppendPoints).count();
    assertThat(appendsWhileDrawing).isBetween(6L, 9L);
    pen.released(at(130, 50, t));
    assertThat(ctx.live).isEmpty();
    Element stroke = only();
    assertThat(stroke.kind()).isEqualTo(ElementKind.STROKE);
    assertThat(stroke.author()).isEqualTo("me");
    assertThat(stroke.points().size()).isGreaterThan(20);
    // The stroke ends where the pointer was lifted.
    int last = stroke.points().size() - 1;
    assertThat(stroke.x() + stroke.points().x(last)).isEqualTo(130);
    assertThat(stroke.y() + stroke.points().y(last)).isEqualTo(50);
    // The whole stroke is one undo step.
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.view().visibleElements()).isEmpty();
    assertThat(ctx.board.canUndo()).isFalse();
  }

  @Test
  void highlighterIsWideAndTranslucent() {
    PenTool tool = new PenTool(ctx, true);
    tool.pressed(at(0, 0, 0));
    tool.dragged(at(50, 0, 30_000_000L));
    tool.released(at(100, 0, 40_000_000L));
    Element e = only();
    assertThat(e.kind()).isEqualTo(ElementKind.HIGHLIGHTER);
    assertThat(e.style().opacity()).isLessThanOrEqualTo(0.4);
    assertThat(e.style().width()).isGreaterThanOrEqualTo(12);
  }

  @Test
  void shapesAreDraggedOutAndNormalised() {
    ShapeTool rect = new ShapeTool(ctx, ToolKind.RECTANGLE);
    rect.pressed(at(100, 100, 0));
    rect.dragged(at(60, 40, 0));
    assertThat(rect.preview()).isInstanceOf(ToolPreview.Shape.class);
    assertThat(ctx.board.view().visibleElements()).isEmpty();
    rect.released(at(40, 20, 0));
    Element e = only();
    assertThat(e.kind()).isEqualTo(ElementKind.RECTANGLE);
    assertThat(new double[] {e.x(), e.y(), e.w(), e.h()}).containsExactly(40, 20, 60, 80);
    assertThat(rect.preview()).isEqualTo(ToolPreview.NONE);
  }

  @Test
  void arrowsKeepTheirDirectionAndShiftSnapsTo45Degrees() {
    ShapeTool arrow = new ShapeTool(ctx, ToolKind.ARROW);
    arrow.pressed(at(0, 0, 0));
    arrow.released(new PointerInput(100, 90, true, 1, 0));
    Element e = only();
    assertThat(e.kind()).isEqualTo(ElementKind.ARROW);
    assertThat(e.w()).isCloseTo(e.h(), org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void aStrayClickMakesNoShape() {
    ShapeTool ellipse = new ShapeTool(ctx, ToolKind.ELLIPSE);
    ellipse.pressed(at(10, 10, 0));
    ellipse.released(at(11, 10, 0));
    assertThat(ctx.board.view().visibleElements()).isEmpty();
  }

  @Test
  void eraserDeletesWhatItTouchesInOneUndoStep() {
    Element a = addRect(0, 0, 100, 100);
    Element b = addRect(300, 0, 100, 100);
    Element c = addRect(0, 300, 100, 100);
    EraserTool eraser = new EraserTool(ctx);
    // Sweep across the top edges of a and b (fast: two events far apart).
    eraser.pressed(at(-20, 0, 0));
    eraser.dragged(at(420, 0, 0));
    eraser.released(at(420, 0, 0));
    assertThat(ctx.board.view().visibleElements()).extracting(Element::id).containsExactly(c.id());
    ctx.board.undo();
    assertThat(ctx.board.view().visibleElements())
        .extracting(Element::id)
        .containsExactlyInAnyOrder(a.id(), b.id(), c.id());
  }

  @Test
  void eraserIgnoresTheInsideOfAnUnfilledBox() {
    addRect(0, 0, 100, 100);
    EraserTool eraser = new EraserTool(ctx);
    eraser.pressed(at(50, 50, 0));
    eraser.released(at(50, 50, 0));
    assertThat(ctx.board.view().visibleElements()).hasSize(1);
  }

  @Test
  void selectClickShiftClickAndMarquee() {
    Element a = addRect(0, 0, 100, 100);
    Element b = addRect(300, 0, 100, 100);
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(0, 50, 0));
    select.released(at(0, 50, 0));
    assertThat(ctx.selection.ids()).containsExactly(a.id());
    select.pressed(FakeToolContext.shiftAt(300, 50));
    select.released(FakeToolContext.shiftAt(300, 50));
    assertThat(ctx.selection.ids()).containsExactlyInAnyOrder(a.id(), b.id());
    // Click on empty board clears; a marquee around b selects only b.
    select.pressed(at(200, 200, 0));
    select.released(at(200, 200, 0));
    assertThat(ctx.selection.isEmpty()).isTrue();
    select.pressed(at(250, -50, 0));
    select.dragged(at(450, 150, 0));
    assertThat(select.preview()).isInstanceOf(ToolPreview.Marquee.class);
    select.released(at(450, 150, 0));
    assertThat(ctx.selection.ids()).containsExactly(b.id());
  }

  @Test
  void draggingASelectedElementMovesItOnRelease() {
    Element a = addRect(0, 0, 100, 100);
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(100, 50, 0));
    select.dragged(at(130, 70, 0));
    // Previewed on the live layer; the board is unchanged until release.
    assertThat(ctx.live).containsExactly(a.id());
    assertThat(ctx.liveDx).isEqualTo(30);
    assertThat(ctx.board.view().get(a.id()).x()).isEqualTo(0);
    select.released(at(150, 90, 0));
    Element moved = ctx.board.view().get(a.id());
    assertThat(new double[] {moved.x(), moved.y()}).containsExactly(50, 40);
    ctx.board.undo();
    assertThat(ctx.board.view().get(a.id()).x()).isEqualTo(0);
  }

  @Test
  void doubleClickOnTextOpensTheEditorOnIt() {
    Element text = Element.text(Ids.random(), 10, 10, "hello", Style.DEFAULT, 1);
    ctx.board.submit(new Op.AddElement(text));
    SelectTool select = new SelectTool(ctx);
    select.pressed(new PointerInput(20, 20, false, 2, 0));
    assertThat(ctx.editedText).isNotNull();
    assertThat(ctx.editedText.id()).isEqualTo(text.id());
  }

  @Test
  void textToolOpensTheEditorWhereClicked() {
    TextTool tool = new TextTool(ctx);
    tool.released(at(42, 24, 0));
    assertThat(ctx.editedText).isNull();
    assertThat(ctx.editedAt).containsExactly(42, 24);
  }

  @Test
  void selectionEditsRestyleReorderAndDelete() {
    Element a = addRect(0, 0, 100, 100);
    Element b = addRect(50, 50, 100, 100);
    SelectionEdits edits = new SelectionEdits(ctx.board, ctx.selection);
    ctx.selection.set(List.of(a.id()));
    edits.restyle(dev.drawbridge.protocol.element.ElementPatch.NONE.withColor("#e03131"));
    assertThat(ctx.board.view().get(a.id()).style().color()).isEqualTo("#e03131");
    edits.bringToFront();
    assertThat(ctx.board.view().visibleElements().getLast().id()).isEqualTo(a.id());
    edits.sendToBack();
    assertThat(ctx.board.view().visibleElements().getFirst().id()).isEqualTo(a.id());
    ctx.selection.set(List.of(a.id(), b.id()));
    assertThat(edits.delete()).isEqualTo(2);
    assertThat(ctx.board.view().visibleElements()).isEmpty();
    assertThat(ctx.selection.isEmpty()).isTrue();
    ctx.board.undo();
    assertThat(ctx.board.view().visibleElements()).hasSize(2);
  }

  @Test
  void toolKeysAreUnique() {
    assertThat(ToolKind.forKey("p")).isEqualTo(ToolKind.PEN);
    assertThat(java.util.Arrays.stream(ToolKind.values()).map(ToolKind::key).distinct().count())
        .isEqualTo(ToolKind.values().length);
  }

  @Test
  void copyPasteDuplicateAndNudge() {
    Element a = addRect(0, 0, 100, 100);
    float[] many = new float[2 * 5000];
    for (int i = 0; i < 5000; i++) {
      many[2 * i] = i;
      many[2 * i + 1] = i % 7;
    }
    Element longStroke =
        Element.freehand(
            "long1",
            ElementKind.STROKE,
            0,
            200,
            dev.drawbridge.protocol.element.Points.of(0, 0),
            Style.DEFAULT,
            5);
    ctx.board.submit(new Op.AddElement(longStroke));
    ctx.board.submit(
        new Op.AppendPoints(
            "long1",
            dev.drawbridge.protocol.element.Points.of(java.util.Arrays.copyOf(many, 4000 * 2))));
    ctx.board.submit(
        new Op.AppendPoints(
            "long1",
            dev.drawbridge.protocol.element.Points.of(
                java.util.Arrays.copyOfRange(many, 8000, 10000))));
    assertThat(ctx.board.view().get("long1").points().size()).isEqualTo(5001);
    SelectionEdits edits = new SelectionEdits(ctx.board, ctx.selection);
    ctx.selection.set(List.of(a.id(), "long1"));
    List<Element> copied = edits.copy();
    List<String> pasted = edits.paste(copied, 30, 40, "me");
    assertThat(pasted).hasSize(2).doesNotContain(a.id(), "long1");
    assertThat(ctx.selection.ids()).containsExactlyInAnyOrderElementsOf(pasted);
    Element pastedRect = ctx.board.view().get(pasted.get(0));
    assertThat(new double[] {pastedRect.x(), pastedRect.y()}).containsExactly(30, 40);
    assertThat(ctx.board.view().get(pasted.get(1)).points())
        .isEqualTo(ctx.board.view().get("long1").points());
    // One undo removes the whole paste.
    ctx.board.undo();
    assertThat(ctx.board.view().visibleElements()).hasSize(2);

    ctx.selection.set(List.of(a.id()));
    edits.nudge(1, 0);
    edits.nudge(0, -10);
    assertThat(ctx.board.view().get(a.id()).x()).isEqualTo(1);
    assertThat(ctx.board.view().get(a.id()).y()).isEqualTo(-10);
    List<String> dup = edits.duplicate("me");
    assertThat(ctx.board.view().get(dup.getFirst()).x()).isEqualTo(21);
  }

  @Test
  void draggingACornerResizesABoxAndAnEndMovesALineEnd() {
    Element box = addRect(0, 0, 100, 80);
    SelectTool select = new SelectTool(ctx);
    ctx.selection.set(List.of(box.id()));
    assertThat(select.canGrab(100, 80)).isTrue();
    select.pressed(at(100, 80, 0));
    assertThat(ctx.hidden).containsExactly(box.id());
    select.dragged(at(150, 120, 0));
    assertThat(select.preview())
        .isInstanceOfSatisfying(
            ToolPreview.Shape.class, s -> assertThat(s.element().w()).isEqualTo(150));
    assertThat(ctx.board.view().get(box.id()).w()).isEqualTo(100);
    select.released(at(150, 120, 0));
    Element resized = ctx.board.view().get(box.id());
    assertThat(new double[] {resized.x(), resized.y(), resized.w(), resized.h()})
        .containsExactly(0, 0, 150, 120);
    assertThat(ctx.hidden).isEmpty();
    // Dragging the top-left corner past the bottom-right flips the box, still positive-sized.
    select.pressed(at(0, 0, 0));
    select.released(at(200, 150, 0));
    resized = ctx.board.view().get(box.id());
    assertThat(new double[] {resized.x(), resized.y(), resized.w(), resized.h()})
        .containsExactly(150, 120, 50, 30);
    ctx.board.undo();
    ctx.board.undo();
    assertThat(ctx.board.view().get(box.id()).w()).isEqualTo(100);

    Element line =
        Element.shape(Ids.random(), ElementKind.ARROW, 300, 300, 100, 0, Style.DEFAULT, 9);
    ctx.board.submit(new Op.AddElement(line));
    ctx.selection.set(List.of(line.id()));
    select.pressed(at(300, 300, 0));
    select.released(at(320, 260, 0));
    Element moved = ctx.board.view().get(line.id());
    // The start moved; the tip stayed at (400, 300).
    assertThat(new double[] {moved.x(), moved.y(), moved.x() + moved.w(), moved.y() + moved.h()})
        .containsExactly(320, 260, 400, 300);
  }
}
