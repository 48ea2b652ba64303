package dev.drawbridge.client.history;

import static dev.drawbridge.client.history.RestorePropertyTest.assertShowsThePast;
import static dev.drawbridge.client.history.RestorePropertyTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreTest {
  private static final ImageRef PICTURE =
      new ImageRef(
          "dd5234a131104e9ff314db7403adef656d71e8e47f8782778943cdf39d294742", "image/png", 2, 1);

  private final BoardState board = new BoardState();

  private BoardState past() {
    return board.copy();
  }

  private void apply(Op... ops) {
    for (Op op : ops) {
      board.applyOp(op);
    }
  }

  private Restore.Plan restoreTo(BoardState past) {
    Restore.Plan plan = Restore.between(past, board, ids("new"));
    BoardState restored = board.copy();
    plan.ops().forEach(restored::applyOp);
    assertShowsThePast(restored, past, plan.readded());
    return plan;
  }

  private static Op add(Element e) {
    return new Op.AddElement(e);
  }

  private static Element box(String id, double z) {
    return Element.shape(id, ElementKind.RECTANGLE, 0, 0, 100, 50, Style.DEFAULT, z);
  }

  @Test
  void nothingChangedMeansNoOps() {
    apply(add(box("a", 1)), add(Element.note("n", 5, 5, 200, "hi", Style.DEFAULT, 2)));
    assertThat(Restore.between(past(), board, ids("x")).ops()).isEmpty();
  }

  @Test
  void elementsThatAreEqualAreNotTouched() {
    apply(add(box("a", 1)), add(box("b", 2)));
    BoardState past = past();
    apply(new Op.UpdateElement("b", ElementPatch.move(40, 40)));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops()).containsExactly(new Op.UpdateElement("b", ElementPatch.move(0, 0)));
    assertThat(plan.changed()).containsExactly("b");
  }

  @Test
  void onlyThePropertiesThatDifferArePatched() {
    apply(add(Element.note("n", 0, 0, 200, "ship it", Style.DEFAULT.withColor("#ffec99"), 1)));
    BoardState past = past();
    apply(
        new Op.UpdateElement(
            "n", ElementPatch.NONE.withText("ship it today").withColor("#a5d8ff").withZ(7)));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops())
        .containsExactly(
            new Op.UpdateElement(
                "n", ElementPatch.NONE.withText("ship it").withColor("#ffec99").withZ(1)));
  }

  @Test
  void groupsComeBackAndGroupsMadeSinceAreUndone() {
    apply(add(box("a", 1).withGroup("g1")), add(box("b", 2)), add(box("c", 3)));
    BoardState past = past();
    apply(
        new Op.UpdateElement("a", ElementPatch.NONE.withGroup("")),
        new Op.UpdateElement("b", ElementPatch.NONE.withGroup("g2")),
        new Op.UpdateElement("c", ElementPatch.NONE.withGroup("g2")));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops())
        .containsExactlyInAnyOrder(
            new Op.UpdateElement("a", ElementPatch.NONE.withGroup("g1")),
            new Op.UpdateElement("b", ElementPatch.NONE.withGroup("")),
            new Op.UpdateElement("c", ElementPatch.NONE.withGroup("")));
  }

  @Test
  void locksComeBack() {
    apply(add(box("a", 1).withLocked(true)), add(box("b", 2)));
    BoardState past = past();
    apply(
        new Op.UpdateElement("a", ElementPatch.NONE.withLocked(false)),
        new Op.UpdateElement("b", ElementPatch.NONE.withLocked(true)));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops())
        .containsExactlyInAnyOrder(
            new Op.UpdateElement("a", ElementPatch.NONE.withLocked(true)),
            new Op.UpdateElement("b", ElementPatch.NONE.withLocked(false)));
  }

  @Test
  void dashesComeBack() {
    apply(add(box("a", 1)), add(box("b", 2).withStyle(Style.DEFAULT.withDash(Dash.DOTTED))));
    BoardState past = past();
    apply(
        new Op.UpdateElement("a", ElementPatch.NONE.withDash(Dash.DASHED)),
        new Op.UpdateElement("b", ElementPatch.NONE.withDash(Dash.SOLID)));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops())
        .containsExactlyInAnyOrder(
            new Op.UpdateElement("a", ElementPatch.NONE.withDash(Dash.SOLID)),
            new Op.UpdateElement("b", ElementPatch.NONE.withDash(Dash.DOTTED)));
  }

  @Test
  void elementsDeletedSinceComeBackWithTheirPastValues() {
    apply(add(box("a", 1)));
    BoardState past = past();
    apply(new Op.UpdateElement("a", ElementPatch.move(9, 9)), new Op.DeleteElement("a"));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops())
        .containsExactly(
            new Op.UpdateElement(
                "a",
                new ElementPatch(
                    0.0, 0.0, null, null, null, null, null, null, null, null, null, false)));
  }

  @Test
  void elementsAddedSinceAreDeletedAndOnesAddedAndDeletedSinceAreLeftAlone() {
    apply(add(box("a", 1)));
    BoardState past = past();
    apply(add(box("b", 2)), add(box("c", 3)), new Op.DeleteElement("c"));
    assertThat(restoreTo(past).ops()).containsExactly(new Op.DeleteElement("b"));
  }

  @Test
  void elementsDeletedInThePastAreDeletedAgain() {
    apply(add(box("a", 1)), new Op.DeleteElement("a"));
    BoardState past = past();
    apply(new Op.UpdateElement("a", ElementPatch.restore()));
    assertThat(restoreTo(past).ops()).containsExactly(new Op.DeleteElement("a"));
  }

  @Test
  void zOrderComesBack() {
    apply(add(box("a", 1)), add(box("b", 2)));
    BoardState past = past();
    apply(new Op.UpdateElement("a", ElementPatch.NONE.withZ(3)));
    restoreTo(past);
    assertThat(Restore.between(past, board, ids("x")).ops())
        .containsExactly(new Op.UpdateElement("a", ElementPatch.NONE.withZ(1)));
  }

  @Test
  void connectorBindingsRoutingAndLabelComeBackAndClearedOnesAreClearedWithTheirNoneValues() {
    apply(
        add(box("a", 1)),
        add(box("b", 2)),
        add(
            Element.shape("l", ElementKind.ARROW, 0, 0, 10, 10, Style.DEFAULT, 3)
                .withBindings(Binding.to("a", 1, 0.5), null)));
    BoardState past = past();
    apply(
        new Op.UpdateElement(
            "l",
            ElementPatch.NONE
                .withStartBinding(Binding.FREE)
                .withEndBinding(Binding.to("b", 0, 0.5))
                .withRouting(Routing.ELBOW)
                .withLabel("sends")));
    assertThat(restoreTo(past).ops())
        .containsExactly(
            new Op.UpdateElement(
                "l",
                ElementPatch.NONE
                    .withStartBinding(Binding.to("a", 1, 0.5))
                    .withEndBinding(Binding.FREE)
                    .withRouting(Routing.STRAIGHT)
                    .withLabel("")));
  }

  @Test
  void aPastConnectorWhoseTargetIsGoneIsRestoredAsStoredAndDrawnFree() {
    apply(
        add(box("a", 1)),
        add(
            Element.shape("l", ElementKind.LINE, 0, 0, 10, 10, Style.DEFAULT, 2)
                .withBindings(Binding.to("a", 1, 0.5), Binding.to("never-was", 0, 0))));
    apply(new Op.DeleteElement("a"));
    BoardState past = past();
    apply(new Op.DeleteElement("l"));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops()).containsExactly(new Op.UpdateElement("l", ElementPatch.restore()));
  }

  @Test
  void aStrokeThatGrewSinceIsAddedAgainUnderANewIdWithTheSameZAndItsConnectorsFollow() {
    apply(
        add(
            Element.freehand("s", ElementKind.STROKE, 5, 5, Points.of(0, 0, 1, 1), Style.DEFAULT, 4)
                .withAuthor("client-ana")),
        add(
            Element.shape("l", ElementKind.ARROW, 0, 0, 10, 10, Style.DEFAULT, 5)
                .withBindings(null, Binding.to("s", 0.5, 0.5))));
    BoardState past = past();
    apply(new Op.AppendPoints("s", Points.of(2, 2)));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.readded()).containsEntry("s", "new-1");
    assertThat(plan.ops())
        .containsExactly(
            new Op.DeleteElement("s"),
            new Op.UpdateElement(
                "l", ElementPatch.NONE.withEndBinding(Binding.to("new-1", 0.5, 0.5))),
            add(
                Element.freehand(
                        "new-1", ElementKind.STROKE, 5, 5, Points.of(0, 0, 1, 1), Style.DEFAULT, 4)
                    .withAuthor("client-ana")));
    assertThat(plan.changed()).containsExactlyInAnyOrder("s", "l");
  }

  @Test
  void aLongStrokeAddedAgainGoesInAnAddAndAppends() {
    float[] coords = new float[2 * 10_000];
    Element stroke =
        Element.freehand("s", ElementKind.STROKE, 0, 0, Points.of(coords), Style.DEFAULT, 1);
    dev.drawbridge.client.model.AddOps.forElement(stroke).forEach(board::applyOp);
    assertThat(board.get("s").points().size()).isEqualTo(10_000);
    BoardState past = past();
    apply(new Op.AppendPoints("s", Points.of(1, 1)), new Op.DeleteElement("s"));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.ops()).hasSize(3).first().isInstanceOf(Op.AddElement.class);
    assertThat(plan.ops().subList(1, 3)).allMatch(op -> op instanceof Op.AppendPoints);
  }

  @Test
  void picturesAreMovedAndRestoredByPatchesTheirPictureNeverChanges() {
    apply(add(Element.ofImage("p", 0, 0, 200, 100, PICTURE, 1)));
    BoardState past = past();
    apply(
        new Op.UpdateElement("p", ElementPatch.NONE.withSize(400, 200)), new Op.DeleteElement("p"));
    Restore.Plan plan = restoreTo(past);
    assertThat(plan.readded()).isEmpty();
    assertThat(plan.ops()).hasSize(1).first().isInstanceOf(Op.UpdateElement.class);
  }

  @Test
  void restoringToAnEmptyBoardDeletesEverythingVisible() {
    BoardState empty = past();
    apply(add(box("a", 1)), add(box("b", 2)), add(box("c", 3)), new Op.DeleteElement("c"));
    Restore.Plan plan = restoreTo(empty);
    assertThat(plan.ops()).containsExactly(new Op.DeleteElement("a"), new Op.DeleteElement("b"));
  }

  @Test
  void tenThousandElementsAreRestoredQuickly() {
    List<Op> adds = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      adds.add(add(Element.shape("e" + i, ElementKind.ELLIPSE, i, i, 10, 10, Style.DEFAULT, i)));
    }
    adds.forEach(board::applyOp);
    BoardState past = past();
    for (int i = 0; i < 10_000; i += 2) {
      board.applyOp(new Op.DeleteElement("e" + i));
      board.applyOp(new Op.UpdateElement("e" + (i + 1), ElementPatch.move(-i, -i)));
    }
    long start = System.nanoTime();
    Restore.Plan plan = Restore.between(past, board, ids("x"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(plan.ops()).hasSize(10_000);
    assertThat(plan.changed()).hasSize(10_000);
    assertThat(ms).as("ms to plan").isLessThan(2_000);
    restoreTo(past);
  }
}
