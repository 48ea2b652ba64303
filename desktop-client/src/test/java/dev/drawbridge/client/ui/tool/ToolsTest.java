package dev.drawbridge.client.ui.tool;

import static dev.drawbridge.client.ui.tool.FakeToolContext.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
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
  void aSelectedUnfilledBoxMovesFromInsideItAndIsNotSelectedFromInsideWhenItIsNot() {
    Element a = addRect(0, 0, 100, 100);
    SelectTool select = new SelectTool(ctx);
    // Not selected: a press inside an unfilled box starts a marquee, as on empty board.
    select.pressed(at(50, 50, 0));
    select.dragged(at(60, 60, 0));
    assertThat(select.preview()).isInstanceOf(ToolPreview.Marquee.class);
    select.released(at(60, 60, 0));
    assertThat(ctx.selection.isEmpty()).isTrue();
    // Selected: a drag from anywhere inside its bounds moves it.
    ctx.selection.set(List.of(a.id()));
    select.pressed(at(50, 50, 0));
    select.dragged(at(70, 80, 0));
    select.released(at(70, 80, 0));
    assertThat(ctx.board.view().get(a.id()).x()).isEqualTo(20);
    assertThat(ctx.selection.ids()).containsExactly(a.id());
    // Shift held keeps the marquee (adding to the selection).
    select.pressed(FakeToolContext.shiftAt(60, 60));
    select.dragged(FakeToolContext.shiftAt(65, 65));
    assertThat(select.preview()).isInstanceOf(ToolPreview.Marquee.class);
    select.released(FakeToolContext.shiftAt(65, 65));
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

  @Test
  void draggingATextCornerScalesItsFontAsOneUpdateKeepingTheOppositeCorner() {
    Element text = Element.text(Ids.random(), 100, 100, "Hello", Style.DEFAULT, 1);
    ctx.board.submit(new Op.AddElement(text));
    ctx.selection.set(List.of(text.id()));
    sent.clear();
    SelectTool select = new SelectTool(ctx);
    double[] b = text.bounds();
    // Grab the top-left corner and pull it out to twice the size; bottom-right stays.
    assertThat(select.canGrab(b[0], b[1])).isTrue();
    select.pressed(at(b[0], b[1], 0));
    assertThat(ctx.hidden).containsExactly(text.id());
    double nx = b[2] - 2 * (b[2] - b[0]);
    double ny = b[3] - 2 * (b[3] - b[1]);
    select.dragged(at(nx, ny, 0));
    assertThat(select.preview())
        .isInstanceOfSatisfying(
            ToolPreview.Shape.class, s -> assertThat(s.element().style().fontSize()).isEqualTo(40));
    select.released(at(nx, ny, 0));
    assertThat(ctx.hidden).isEmpty();
    assertThat(select.preview()).isEqualTo(ToolPreview.NONE);
    assertThat(sent)
        .singleElement()
        .isInstanceOfSatisfying(
            Op.UpdateElement.class,
            u -> {
              assertThat(u.elementId()).isEqualTo(text.id());
              assertThat(u.patch().fontSize()).isEqualTo(40);
              assertThat(u.patch().x()).isNotNull();
              assertThat(u.patch().y()).isNotNull();
              assertThat(u.patch().w()).isNull();
            });
    Element after = ctx.board.view().get(text.id());
    assertThat(after.text()).isEqualTo("Hello");
    assertThat(after.bounds()[2]).isCloseTo(b[2], org.assertj.core.api.Assertions.within(1e-9));
    assertThat(after.bounds()[3]).isCloseTo(b[3], org.assertj.core.api.Assertions.within(1e-9));
    assertThat(after.bounds()[0]).isCloseTo(nx, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(ctx.selection.ids()).containsExactly(text.id());
    // One undo step puts it back.
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.view().get(text.id())).isEqualTo(text.withAuthor(null));
    // A click on a handle without a drag sends nothing.
    sent.clear();
    select.pressed(at(b[2], b[3], 0));
    select.released(at(b[2], b[3], 0));
    assertThat(sent).isEmpty();
  }

  private Element addStroke(ElementKind kind, float... coords) {
    Element e =
        new Element(
            Ids.random(),
            kind,
            50,
            60,
            0,
            0,
            dev.drawbridge.protocol.element.Points.of(coords),
            null,
            Style.DEFAULT.withWidth(5),
            ctx.board.view().topZ() + 1,
            false,
            "someone-else");
    ctx.board.submitAll(dev.drawbridge.client.model.AddOps.forElement(e));
    return e;
  }

  @Test
  void draggingAStrokeCornerReplacesItWithAScaledCopyInOneUndoStep() {
    Element below = addRect(-500, -500, 10, 10);
    Element stroke = addStroke(ElementKind.STROKE, 0, 0, 40, 30, 100, 0, 100, 50);
    Element above = addRect(500, 500, 10, 10);
    ctx.selection.set(List.of(stroke.id()));
    sent.clear();
    SelectTool select = new SelectTool(ctx);
    // Bounds (50, 60)..(150, 110); drag SE to (250, 160): twice the size about (50, 60).
    select.pressed(at(150, 110, 0));
    assertThat(ctx.hidden).containsExactly(stroke.id());
    select.dragged(at(250, 160, 0));
    assertThat(select.preview())
        .isInstanceOfSatisfying(
            ToolPreview.Shape.class,
            s -> assertThat(s.element().bounds()).containsExactly(50, 60, 250, 160));
    // Nothing on the board changes before release.
    assertThat(ctx.board.view().get(stroke.id())).isEqualTo(stroke);
    assertThat(sent).isEmpty();
    select.released(at(250, 160, 0));
    assertThat(ctx.hidden).isEmpty();

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo(new Op.DeleteElement(stroke.id()));
    Element copy = ((Op.AddElement) sent.get(1)).element();
    assertThat(copy.id()).isNotEqualTo(stroke.id());
    assertThat(copy.kind()).isEqualTo(ElementKind.STROKE);
    assertThat(copy.z()).isEqualTo(stroke.z());
    assertThat(copy.style()).isEqualTo(stroke.style());
    assertThat(copy.author()).isEqualTo("someone-else");
    assertThat(copy.bounds()).containsExactly(50, 60, 250, 160);
    assertThat(copy.points().size()).isEqualTo(4);
    // The copy sits where the original did in the stacking order.
    assertThat(ctx.board.view().visibleElements())
        .extracting(Element::id)
        .containsExactly(below.id(), copy.id(), above.id());
    assertThat(ctx.board.view().get(stroke.id()).deleted()).isTrue();
    assertThat(ctx.selection.ids()).containsExactly(copy.id());

    // One undo step: the copy goes, the original is back exactly as it was.
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.view().get(stroke.id())).isEqualTo(stroke);
    assertThat(ctx.board.view().get(copy.id()).deleted()).isTrue();
    assertThat(ctx.board.view().visibleElements())
        .extracting(Element::id)
        .containsExactly(below.id(), stroke.id(), above.id());
    // Redo brings the scaled copy back (same id) and removes the original again.
    assertThat(ctx.board.redo()).isTrue();
    assertThat(ctx.board.view().get(copy.id())).isEqualTo(copy);
    assertThat(ctx.board.view().get(stroke.id()).deleted()).isTrue();
    // Undo the resize again, then the rect above and the stroke's own add.
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.view().visibleElements()).containsExactly(below);
  }

  @Test
  void aHighlighterKeepsItsAspectWithShiftAndALongStrokeStaysOneUndoStep() {
    int n = 6_000;
    float[] coords = new float[2 * n];
    for (int i = 0; i < n; i++) {
      coords[2 * i] = i / 60f;
      coords[2 * i + 1] = (float) Math.sin(i / 100.0) * 20;
    }
    Element stroke = addStroke(ElementKind.HIGHLIGHTER, coords);
    ctx.selection.set(List.of(stroke.id()));
    sent.clear();
    double[] b = stroke.bounds();
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(b[2], b[3], 0));
    // Shift held while dragging: x would grow 1.5x, y 3x; both grow 3x.
    var release =
        new PointerInput(b[0] + 1.5 * (b[2] - b[0]), b[1] + 3 * (b[3] - b[1]), true, 1, 0);
    select.dragged(release);
    select.released(release);
    // Over the per-op limit: delete, add with the first points, an append with the rest.
    assertThat(sent).hasSize(3);
    assertThat(sent.get(2)).isInstanceOf(Op.AppendPoints.class);
    Element copy = ctx.board.view().get(ctx.selection.ordered().getFirst());
    assertThat(copy.kind()).isEqualTo(ElementKind.HIGHLIGHTER);
    assertThat(copy.points().size()).isEqualTo(n);
    double[] c = copy.bounds();
    assertThat(c[2] - c[0])
        .isCloseTo(3 * (b[2] - b[0]), org.assertj.core.api.Assertions.within(1e-2));
    assertThat(c[3] - c[1])
        .isCloseTo(3 * (b[3] - b[1]), org.assertj.core.api.Assertions.within(1e-2));
    assertThat(ctx.board.undo()).isTrue();
    assertThat(ctx.board.view().get(stroke.id())).isEqualTo(stroke);
    assertThat(ctx.board.view().visibleElements()).containsExactly(stroke);
  }

  @Test
  void aSmallSelectedStrokeStillMovesWhenPressedInTheMiddle() {
    // Bounds (50, 60)..(62, 72): the corner handles (7 px) would otherwise cover all of it.
    Element small = addStroke(ElementKind.STROKE, 0, 0, 12, 12, 0, 12);
    ctx.selection.set(List.of(small.id()));
    sent.clear();
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(56, 66, 0));
    assertThat(ctx.hidden).isEmpty();
    select.dragged(at(76, 86, 0));
    select.released(at(76, 86, 0));
    assertThat(sent)
        .singleElement()
        .isEqualTo(new Op.UpdateElement(small.id(), ElementPatch.move(70, 80)));
  }

  @Test
  void aStrokeDeletedDuringTheResizeDragStaysDeleted() {
    Element stroke = addStroke(ElementKind.STROKE, 0, 0, 100, 50);
    ctx.selection.set(List.of(stroke.id()));
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(150, 110, 0));
    select.dragged(at(250, 160, 0));
    // Someone else deletes it (here: a local delete standing in for a remote one).
    ctx.board.submit(new Op.DeleteElement(stroke.id()));
    sent.clear();
    select.released(at(250, 160, 0));
    assertThat(sent).isEmpty();
    assertThat(ctx.board.view().visibleElements()).isEmpty();
    assertThat(ctx.hidden).isEmpty();
  }
}
