package dev.drawbridge.client.ui.tool;

import static dev.drawbridge.client.ui.tool.FakeToolContext.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The arrow and select tools with connectors (R100–R105), without a screen. */
class ConnectorToolsTest {
  private final FakeToolContext ctx = new FakeToolContext();

  @BeforeEach
  void twoBoxes() {
    ctx.board.submit(
        new Op.AddElement(
            Element.shape("a", ElementKind.RECTANGLE, 0, 0, 100, 80, Style.DEFAULT, 1)));
    ctx.board.submit(
        new Op.AddElement(
            Element.shape("b", ElementKind.RECTANGLE, 300, 0, 100, 80, Style.DEFAULT, 2)));
    ctx.board.submit(
        new Op.AddElement(
            Element.shape("c", ElementKind.ELLIPSE, 300, 300, 100, 100, Style.DEFAULT, 3)));
  }

  private Element arrow() {
    return ctx.board.view().visibleElements().stream()
        .filter(e -> e.kind() == ElementKind.ARROW)
        .findFirst()
        .orElseThrow();
  }

  private double[] ends() {
    return Connectors.ends(arrow(), ctx.board.view());
  }

  private void drawArrow(double x1, double y1, double x2, double y2) {
    ShapeTool tool = new ShapeTool(ctx, ToolKind.ARROW);
    tool.pressed(at(x1, y1, 0));
    tool.dragged(at(x2, y2, 1));
    tool.released(at(x2, y2, 2));
  }

  @Test
  void whileDrawingTheShapeUnderThePointerIsOutlinedAsAHint() {
    ShapeTool tool = new ShapeTool(ctx, ToolKind.ARROW);
    tool.pressed(at(95, 40, 0));
    tool.dragged(at(200, 200, 1));
    assertThat(tool.preview())
        .isInstanceOfSatisfying(
            ToolPreview.Snap.class, s -> assertThat(s.target()).isEqualTo(new Rect(0, 0, 100, 80)));
    tool.dragged(at(305, 40, 2));
    assertThat(tool.preview())
        .isInstanceOfSatisfying(
            ToolPreview.Snap.class,
            s -> {
              assertThat(s.target()).isEqualTo(new Rect(300, 0, 400, 80));
              assertThat(s.connector().endBinding()).isEqualTo(Binding.to("b", 0, 0.5));
            });
    tool.released(at(305, 40, 3));
    assertThat(tool.preview()).isEqualTo(ToolPreview.NONE);
    assertThat(arrow().startBinding()).isEqualTo(Binding.to("a", 1, 0.5));
    assertThat(ends()).containsExactly(100, 40, 300, 40);
  }

  @Test
  void shiftDrawsAFreeArrowAndTheVoidIsFree() {
    ShapeTool tool = new ShapeTool(ctx, ToolKind.ARROW);
    tool.pressed(new PointerInput(95, 40, true, 1, 0));
    tool.released(new PointerInput(305, 40, true, 1, 1));
    assertThat(arrow().hasBinding()).isFalse();
  }

  @Test
  void draggingAnEndOntoAnotherShapeRebindsItAndOntoNothingFreesIt() {
    drawArrow(95, 40, 305, 40);
    String id = arrow().id();
    ctx.selection.set(List.of(id));
    SelectTool select = new SelectTool(ctx);
    // The end handle is where the end is drawn (300, 40); drop it on the ellipse.
    select.pressed(at(300, 40, 0));
    select.dragged(at(350, 310, 1));
    assertThat(select.preview()).isInstanceOf(ToolPreview.Snap.class);
    select.released(at(350, 310, 2));
    assertThat(arrow().endBinding().elementId()).isEqualTo("c");
    assertThat(ends()[3]).isEqualTo(300); // the ellipse's top edge
    // Drag the same end into empty board: free where it was dropped.
    double[] e = ends();
    select.pressed(at(e[2], e[3], 3));
    select.released(at(600, 600, 4));
    assertThat(arrow().endBinding()).isNull();
    assertThat(ends()).containsExactly(100, 40, 600, 600);
    // The start is still attached: moving box a moves it, with no op on the arrow.
    Element before = arrow();
    ctx.board.submit(
        new Op.UpdateElement("a", dev.drawbridge.protocol.element.ElementPatch.move(0, 100)));
    assertThat(arrow()).isEqualTo(before);
    assertThat(ends()).containsExactly(100, 140, 600, 600);
  }

  @Test
  void deletingATargetKeepsTheEndWhereItWasInOneUndoStep() {
    drawArrow(95, 40, 305, 40);
    ctx.board.submit(
        new Op.UpdateElement("b", dev.drawbridge.protocol.element.ElementPatch.move(300, 200)));
    double[] attached = ends();
    ctx.selection.set(List.of("b"));
    new SelectionEdits(ctx.board, ctx.selection).delete();
    assertThat(ctx.board.view().get("b").deleted()).isTrue();
    assertThat(ends()).containsExactly(attached);
    ctx.board.undo();
    assertThat(ctx.board.view().get("b").deleted()).isFalse();
    assertThat(Connectors.isBoundTo(arrow(), "b", ctx.board.view()::get)).isTrue();
    assertThat(ends()).containsExactly(attached);
  }

  @Test
  void doubleClickOnAConnectorEditsItsLabelAtTheMiddle() {
    drawArrow(95, 40, 305, 40);
    SelectTool select = new SelectTool(ctx);
    select.pressed(new PointerInput(200, 40, false, 2, 0));
    assertThat(ctx.editedText.id()).isEqualTo(arrow().id());
    assertThat(ctx.editedAt).containsExactly(200, 40);
  }
}
