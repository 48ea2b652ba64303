package dev.drawbridge.client.ui.tool;

import static dev.drawbridge.client.ui.tool.FakeToolContext.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Alignment;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups in the select tool and as selection edits (docs/protocol.md R121–R122). */
class GroupToolsTest {
  private final FakeToolContext ctx = new FakeToolContext();
  private final SelectionEdits edits = new SelectionEdits(ctx.board, ctx.selection);
  private final List<Op> sent = new ArrayList<>();

  GroupToolsTest() {
    ctx.board.setSink((PendingOp p) -> sent.add(p.op()));
  }

  private void rect(String id, double x, double y, double w, double h) {
    ctx.addFilledRect(id, x, y, w, h);
  }

  private Element get(String id) {
    return ctx.board.view().get(id);
  }

  private static PointerInput shift(double x, double y) {
    return new PointerInput(x, y, true, 1, 0, false);
  }

  /** Boxes a (0,0), b (100,0), c (300,0), each 50 × 50; a and b grouped by Ctrl+G. */
  private String groupAAndB() {
    rect("a", 0, 0, 50, 50);
    rect("b", 100, 0, 50, 50);
    rect("c", 300, 0, 50, 50);
    ctx.selection.set(List.of("a", "b"));
    assertThat(edits.canGroup()).isTrue();
    assertThat(edits.group()).isEqualTo(2);
    String group = get("a").group();
    assertThat(group).isNotNull().isEqualTo(get("b").group());
    assertThat(get("c").group()).isNull();
    return group;
  }

  @Test
  void groupingIsOneUndoStepAndTheGroupIsPickedAsOne() {
    groupAAndB();
    assertThat(edits.canGroup()).as("already one group").isFalse();
    assertThat(edits.canUngroup()).isTrue();

    // A click on one member picks both; a shift-click on c adds c; a shift-click on b drops a and
    // b.
    SelectTool select = new SelectTool(ctx);
    ctx.selection.clear();
    select.pressed(at(120, 20, 0));
    select.released(at(120, 20, 0));
    assertThat(ctx.selection.ids()).containsExactlyInAnyOrder("a", "b");
    select.pressed(shift(320, 20));
    select.released(shift(320, 20));
    assertThat(ctx.selection.ids()).containsExactlyInAnyOrder("a", "b", "c");
    select.pressed(shift(120, 20));
    select.released(shift(120, 20));
    assertThat(ctx.selection.ids()).containsExactly("c");

    // Dragging one member moves the whole group.
    ctx.selection.clear();
    select.pressed(at(20, 20, 0));
    select.dragged(at(20, 220, 0));
    select.released(at(20, 220, 0));
    assertThat(get("a").y()).isEqualTo(200);
    assertThat(get("b").y()).isEqualTo(200);
    assertThat(get("c").y()).isZero();

    ctx.board.undo(); // the move
    ctx.board.undo(); // the grouping, both members in one step
    assertThat(get("a").group()).isNull();
    assertThat(get("b").group()).isNull();
    assertThat(get("a").y()).isZero();
  }

  @Test
  void aMarqueeAroundOneMemberPicksTheGroup() {
    groupAAndB();
    ctx.selection.clear();
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(-10, -10, 0));
    select.dragged(at(60, 60, 0));
    select.released(at(60, 60, 0));
    assertThat(ctx.selection.ids()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void ungroupingIsOneStepAndMembersArePickedAloneAfterwards() {
    String group = groupAAndB();
    ctx.selection.set(List.of("a", "b"));
    assertThat(edits.ungroup()).isEqualTo(2);
    assertThat(get("a").group()).isNull();
    SelectTool select = new SelectTool(ctx);
    ctx.selection.clear();
    select.pressed(at(20, 20, 0));
    select.released(at(20, 20, 0));
    assertThat(ctx.selection.ids()).containsExactly("a");
    ctx.board.undo();
    assertThat(get("a").group()).isEqualTo(group);
    assertThat(get("b").group()).isEqualTo(group);
  }

  @Test
  void groupingGroupsMergesThemIntoOneNewGroup() {
    String first = groupAAndB();
    ctx.selection.set(List.of("a", "b", "c"));
    assertThat(edits.group()).isEqualTo(3);
    String merged = get("c").group();
    assertThat(merged).isNotNull().isNotEqualTo(first);
    assertThat(get("a").group()).isEqualTo(merged);
    assertThat(get("b").group()).isEqualTo(merged);
  }

  @Test
  void alignAndDistributeMoveAGroupAsOneUnit() {
    groupAAndB();
    rect("d", 0, 200, 50, 50);
    ctx.selection.set(List.of("a", "b", "d"));
    assertThat(edits.selectedUnits()).isEqualTo(2);
    // Right edges: the group's right edge is b's (150); d moves there, the group stays.
    edits.align(Alignment.Edge.RIGHT);
    assertThat(get("d").x()).isEqualTo(100);
    assertThat(get("a").x()).isZero();
    assertThat(get("b").x()).isEqualTo(100);
    // Bottom: the group moves down as one, keeping a and b side by side.
    edits.align(Alignment.Edge.BOTTOM);
    assertThat(get("a").y()).isEqualTo(200);
    assertThat(get("b").y()).isEqualTo(200);
    assertThat(get("b").x() - get("a").x()).isEqualTo(100);
  }

  @Test
  void aResizedStrokeKeepsItsGroup() {
    ctx.board.submit(
        new Op.AddElement(
            Element.freehand(
                    "ink",
                    ElementKind.STROKE,
                    0,
                    0,
                    dev.drawbridge.protocol.element.Points.of(new float[] {0, 0, 100, 100}),
                    Style.DEFAULT,
                    1)
                .withGroup("g-ink")));
    ctx.selection.set(List.of("ink"));
    SelectTool select = new SelectTool(ctx);
    select.pressed(at(100, 100, 0)); // the bottom-right handle
    select.dragged(at(200, 200, 0));
    select.released(at(200, 200, 0));
    String copy = ctx.selection.ordered().getFirst();
    assertThat(copy).isNotEqualTo("ink");
    assertThat(get(copy).group()).isEqualTo("g-ink");
  }

  /**
   * Found by hand: double-clicking a text in a group to edit it left only the text selected, so the
   * next drag (or a resize handle) moved the text out of its group's layout alone.
   */
  @Test
  void editingATextInAGroupKeepsTheWholeGroupSelectedAndItStillMovesAsOne() {
    rect("box", 100, 0, 50, 50);
    ctx.board.submit(
        new Op.AddElement(Element.text("words", 0, 0, "hello", Style.DEFAULT, 2).withGroup("g")));
    ctx.board.submit(
        new Op.UpdateElement(
            "box", dev.drawbridge.protocol.element.ElementPatch.NONE.withGroup("g")));
    SelectTool select = new SelectTool(ctx);
    select.pressed(new PointerInput(10, 10, false, 2, 0));
    select.released(new PointerInput(10, 10, false, 2, 0));
    assertThat(ctx.editedText.id()).isEqualTo("words");
    assertThat(ctx.selection.ordered()).containsExactly("words", "box");

    // Editing over, a drag of the text moves the box with it.
    select.pressed(at(10, 10, 0));
    select.dragged(at(10, 110, 0));
    select.released(at(10, 110, 0));
    assertThat(get("words").y()).isEqualTo(100);
    assertThat(get("box").y()).isEqualTo(100);
  }
}
