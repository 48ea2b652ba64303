package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.InvalidFieldException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bindings, routing and labels (docs/protocol.md R100–R106), including hostile input. */
class ConnectorsTest {
  private static final ProtocolCodec codec = new ProtocolCodec();
  private static final Element BOX =
      Element.shape("box", ElementKind.RECTANGLE, 100, 100, 200, 100, Style.DEFAULT, 1);
  private static final Element OTHER =
      Element.shape("other", ElementKind.ELLIPSE, 500, 0, 100, 100, Style.DEFAULT, 2);
  private static final Element ARROW =
      Element.shape("arrow", ElementKind.ARROW, 0, 0, 50, 50, Style.DEFAULT, 3);

  private static BoardState board(Element... elements) {
    BoardState state = new BoardState();
    long seq = 0;
    for (Element e : elements) {
      seq++;
      state.apply(seq, "add-" + seq, new Op.AddElement(e));
    }
    return state;
  }

  @Test
  void anAttachedEndFollowsItsTargetWithoutAnOpOnTheConnector() {
    Element bound = ARROW.withBindings(null, Binding.to("box", 0, 0.5));
    BoardState state = board(BOX, bound);
    assertThat(Connectors.ends(state.get("arrow"), state)).containsExactly(0, 0, 100, 150);

    state.apply(3, "move", new Op.UpdateElement("box", ElementPatch.move(300, 400)));
    assertThat(Connectors.ends(state.get("arrow"), state)).containsExactly(0, 0, 300, 450);
    state.apply(4, "resize", new Op.UpdateElement("box", ElementPatch.NONE.withSize(200, 300)));
    assertThat(Connectors.ends(state.get("arrow"), state)).containsExactly(0, 0, 300, 550);
    // R102: the connector itself was never written, so its stored state and digest are unchanged.
    assertThat(state.get("arrow")).isEqualTo(bound);
  }

  @Test
  void aDeletedTargetLeavesTheEndFreeAtItsStoredPointAndRestoreReattaches() {
    BoardState state = board(BOX, ARROW.withBindings(Binding.to("box", 1, 1), null));
    state.apply(3, "del", new Op.DeleteElement("box"));
    assertThat(Connectors.ends(state.get("arrow"), state)).containsExactly(0, 0, 50, 50);
    state.apply(4, "undo", new Op.UpdateElement("box", ElementPatch.restore()));
    assertThat(Connectors.ends(state.get("arrow"), state)).containsExactly(300, 200, 50, 50);
  }

  @Test
  void unknownTargetsAndConnectorTargetsAreFree() {
    Element other = Element.shape("line2", ElementKind.LINE, 9, 9, 1, 1, Style.DEFAULT, 4);
    BoardState state =
        board(
            other,
            ARROW.withBindings(Binding.to("nobody", 0.5, 0.5), Binding.to("line2", 0.5, 0.5)));
    Element arrow = state.get("arrow");
    assertThat(Connectors.target(arrow, arrow.startBinding(), state::get)).isNull();
    assertThat(Connectors.target(arrow, arrow.endBinding(), state::get)).isNull();
    assertThat(Connectors.ends(arrow, state)).containsExactly(0, 0, 50, 50);
  }

  @Test
  void twoConnectorsBoundToEachOtherAreNoCycleButTwoFreeLines() {
    Element a = Element.shape("a", ElementKind.ARROW, 0, 0, 10, 0, Style.DEFAULT, 1);
    Element b = Element.shape("b", ElementKind.LINE, 0, 10, 10, 0, Style.DEFAULT, 2);
    BoardState state =
        board(
            a.withBindings(Binding.to("b", 0, 0), Binding.to("b", 1, 1)),
            b.withBindings(Binding.to("a", 0, 0), Binding.to("a", 1, 1)));
    assertThat(Connectors.ends(state.get("a"), state)).containsExactly(0, 0, 10, 0);
    assertThat(Connectors.ends(state.get("b"), state)).containsExactly(0, 10, 10, 10);
  }

  @Test
  void aBindingToItselfIsRefused() {
    assertThatThrownBy(() -> ARROW.withBindings(Binding.to("arrow", 0, 0), null))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(
            () ->
                new Op.UpdateElement(
                    "arrow", ElementPatch.NONE.withEndBinding(Binding.to("arrow", 1, 1))))
        .isInstanceOf(InvalidFieldException.class);
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -0.01, 1.01, 1e300, -1e300})
  void anchorsOutsideZeroToOneAreRefused(double anchor) {
    assertThatThrownBy(() -> Binding.to("box", anchor, 0.5))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> Binding.to("box", 0.5, anchor))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void bindingsRoutingAndLabelsOnOtherKindsAreRefusedOnAddAndIgnoredOnUpdate() {
    assertThatThrownBy(() -> BOX.withBindings(Binding.to("other", 0, 0), null))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> BOX.withRoutingAndLabel(Routing.ELBOW, null))
        .isInstanceOf(InvalidFieldException.class);
    BoardState state = board(BOX, OTHER);
    String hash = state.hash();
    boolean changed =
        state.apply(
            3,
            "u",
            new Op.UpdateElement(
                "box",
                ElementPatch.NONE
                    .withStartBinding(Binding.to("other", 0, 0))
                    .withRouting(Routing.ELBOW)
                    .withLabel("x")));
    assertThat(changed).isFalse(); // R44: ignored, like text on a non-text element
    assertThat(state.hash()).isEqualTo(hash);
  }

  private static final String ADD_PREFIX =
      "{\"type\":\"add\",\"element\":{\"id\":\"el-a\",\"kind\":\"arrow\",\"x\":0.0,\"y\":0.0,"
          + "\"w\":10.0,\"h\":10.0,\"points\":[],\"style\":{\"color\":\"#1e1e1e\",\"width\":2.0,"
          + "\"fill\":false,\"opacity\":1.0,\"fontSize\":20.0},\"z\":1.0,\"deleted\":false";

  private static ProtocolException.Reason decodeFails(String extra) {
    try {
      codec.decodeOp(ADD_PREFIX + extra + "}}");
    } catch (ProtocolException e) {
      return e.reason();
    }
    throw new AssertionError("decoded: " + extra);
  }

  @Test
  void hostileBindingsOnTheWireAreRefusedWithTheDocumentedReason() {
    assertThat(decodeFails(",\"startBinding\":{\"elementId\":\"el-a\",\"x\":0.5,\"y\":0.5}"))
        .isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(",\"endBinding\":{\"elementId\":\"box\",\"x\":1e300,\"y\":0.5}"))
        .isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(",\"endBinding\":{\"elementId\":\"box\",\"x\":2,\"y\":0.5}"))
        .isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(",\"endBinding\":{\"elementId\":\"box\",\"x\":NaN,\"y\":0.5}"))
        .isEqualTo(ProtocolException.Reason.MALFORMED_JSON);
    assertThat(decodeFails(",\"endBinding\":{\"elementId\":\"box\",\"y\":0.5}"))
        .isEqualTo(ProtocolException.Reason.MISSING_FIELD);
    assertThat(decodeFails(",\"endBinding\":{\"elementId\":\"bad id!\",\"x\":0,\"y\":0}"))
        .isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(",\"endBinding\":{\"x\":0,\"y\":0}"))
        .isEqualTo(ProtocolException.Reason.INVALID_VALUE);
    assertThat(decodeFails(",\"endBinding\":\"box\""))
        .isEqualTo(ProtocolException.Reason.WRONG_TYPE);
    assertThat(decodeFails(",\"routing\":\"curvy\""))
        .isEqualTo(ProtocolException.Reason.WRONG_TYPE);
    assertThat(decodeFails(",\"label\":\"" + "x".repeat(10_001) + "\""))
        .isEqualTo(ProtocolException.Reason.TOO_BIG);
  }

  @Test
  void anUnknownTargetOnTheWireIsAcceptedAndDrawnFree() throws ProtocolException {
    Op op =
        codec.decodeOp(ADD_PREFIX + ",\"endBinding\":{\"elementId\":\"ghost\",\"x\":1,\"y\":0}}}");
    BoardState state = new BoardState();
    state.apply(1, "a", op);
    assertThat(Connectors.ends(state.get("el-a"), state)).containsExactly(0, 0, 10, 10);
  }

  @Test
  void emptyBindingInAPatchDetachesTheEnd() throws ProtocolException {
    BoardState state = board(BOX, ARROW.withBindings(Binding.to("box", 0, 0), null));
    Op unbind =
        codec.decodeOp(
            "{\"type\":\"update\",\"elementId\":\"arrow\",\"patch\":{\"startBinding\":{}}}");
    state.apply(3, "u", unbind);
    assertThat(state.get("arrow").startBinding()).isNull();
    assertThat(state.get("arrow")).isEqualTo(ARROW);
    assertThat(state.hash()).isEqualTo(board(BOX, ARROW).hash());
  }

  @Test
  void undoOfABindingIsTheInversePatch() {
    Element before = ARROW.withBindings(Binding.to("box", 0, 0), null);
    ElementPatch rebind =
        ElementPatch.NONE
            .withStartBinding(Binding.to("other", 1, 1))
            .withEndBinding(Binding.to("box", 0.5, 0.5))
            .withRouting(Routing.ELBOW)
            .withLabel("hi");
    Element after = rebind.applyTo(before);
    assertThat(rebind.inverseOn(before).applyTo(after)).isEqualTo(before);
  }

  @Test
  void elementsWithoutConnectorFieldsKeepTheirDigest() {
    Element plain = Samples.RECTANGLE;
    Element sameWithNulls =
        new Element(
            plain.id(),
            plain.kind(),
            plain.x(),
            plain.y(),
            plain.w(),
            plain.h(),
            plain.points(),
            plain.text(),
            plain.style(),
            plain.z(),
            plain.deleted(),
            plain.author(),
            null,
            Binding.FREE,
            Routing.STRAIGHT,
            "");
    assertThat(sameWithNulls).isEqualTo(plain);
    assertThat(sameWithNulls.digest()).isEqualTo(plain.digest());
    assertThat(Samples.CONNECTOR.digest())
        .isNotEqualTo(Samples.CONNECTOR.withBindings(null, null).digest());
  }

  @Test
  void elbowRoutesAreOrthogonal() {
    Element elbow = ARROW.withRoutingAndLabel(Routing.ELBOW, null);
    double[] across = Connectors.route(elbow, new double[] {0, 0, 100, 40});
    assertThat(across).containsExactly(0, 0, 50, 0, 50, 40, 100, 40);
    double[] down = Connectors.route(elbow, new double[] {0, 0, 40, 100});
    assertThat(down).containsExactly(0, 0, 0, 50, 40, 50, 40, 100);
    assertThat(Connectors.midpoint(across)).containsExactly(50, 20);
    assertThat(Connectors.route(ARROW, new double[] {0, 0, 3, 4})).containsExactly(0, 0, 3, 4);
  }

  @Test
  void snappingPicksTheNearestOutlinePointOrTheCentre() {
    assertThat(Connectors.snapTo(BOX, 90, 150)).isEqualTo(Binding.to("box", 0, 0.5));
    assertThat(Connectors.snapTo(BOX, 200, 95)).isEqualTo(Binding.to("box", 0.5, 0));
    assertThat(Connectors.snapTo(BOX, 205, 152)).isEqualTo(Binding.to("box", 0.5, 0.5));
  }

  /** The element of a client from before R100: the same record without the connector fields. */
  record OldElement(
      String id,
      String kind,
      double x,
      double y,
      double w,
      double h,
      float[] points,
      String text,
      Object style,
      double z,
      boolean deleted,
      String author) {}

  @Test
  void anOldClientReadsAConnectorAsAPlainArrowAtItsStoredPoints() throws IOException {
    // An old client's codec ignores unknown fields (R8, R70); the golden connector read that way
    // is an arrow from (x, y) to (x + w, y + h), nothing else lost.
    String golden =
        Files.readString(Path.of("src/test/resources/golden/Op-add-connector.json")).strip();
    var mapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    OldElement old = mapper.treeToValue(mapper.readTree(golden).get("element"), OldElement.class);
    assertThat(old.kind()).isEqualTo("arrow");
    assertThat(new double[] {old.x(), old.y(), old.x() + old.w(), old.y() + old.h()})
        .containsExactly(160, 60, 300, -5);
  }
}
