package dev.drawbridge.protocol.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import org.junit.jupiter.api.Test;

/** Dashed and dotted outlines (docs/protocol.md R125–R126), including hostile input. */
class DashTest {
  private static final ProtocolCodec codec = new ProtocolCodec();
  private static final Element BOX =
      Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 50, Style.DEFAULT, 1);

  @Test
  void solidIsNoDashAndElementsWithoutOneKeepTheirDigest() {
    assertThat(Style.DEFAULT.withDash(Dash.SOLID)).isEqualTo(Style.DEFAULT);
    assertThat(Style.DEFAULT.withDash(Dash.SOLID).dash()).isNull();
    Element dashed = BOX.withStyle(Style.DEFAULT.withDash(Dash.DASHED));
    assertThat(BOX.withStyle(Style.DEFAULT.withDash(null)).digest()).isEqualTo(BOX.digest());
    assertThat(dashed.digest()).isNotEqualTo(BOX.digest());
    assertThat(dashed.digest())
        .isNotEqualTo(BOX.withStyle(Style.DEFAULT.withDash(Dash.DOTTED)).digest());
    // Every other style change keeps the dash.
    assertThat(dashed.style().withColor("#e03131").withWidth(8).dash()).isEqualTo(Dash.DASHED);
  }

  @Test
  void aPatchSetsItUndoSetsItBackAndSolidClearsIt() {
    BoardState state = new BoardState();
    state.apply(1, "a", new Op.AddElement(BOX));
    String solid = state.hash();
    ElementPatch dotted = ElementPatch.NONE.withDash(Dash.DOTTED);
    state.apply(2, "d", new Op.UpdateElement("box", dotted));
    assertThat(state.get("box").style().dash()).isEqualTo(Dash.DOTTED);
    assertThat(dotted.inverseOn(BOX).dash()).isEqualTo(Dash.SOLID);
    // A colour change by someone else keeps the dots (R42: different properties).
    state.apply(3, "c", new Op.UpdateElement("box", ElementPatch.NONE.withColor("#1971c2")));
    assertThat(state.get("box").style().dash()).isEqualTo(Dash.DOTTED);
    state.apply(4, "s", new Op.UpdateElement("box", ElementPatch.NONE.withDash(Dash.SOLID)));
    state.apply(5, "b", new Op.UpdateElement("box", ElementPatch.NONE.withColor("#1e1e1e")));
    assertThat(state.hash()).isEqualTo(solid);
  }

  @Test
  void patternsScaleWithTheWidthAndHaveAFloor() {
    assertThat(Dash.SOLID.pattern(2)).isEmpty();
    assertThat(Dash.DASHED.pattern(2)).containsExactly(8, 6);
    assertThat(Dash.DASHED.pattern(0.2)).containsExactly(4, 3);
    assertThat(Dash.DOTTED.pattern(4)).containsExactly(0.01, 10);
    assertThat(Dash.DOTTED.pattern(0)).containsExactly(0.01, 3);
  }

  @Test
  void aWholeNumberOfPeriodsGoesRoundAClosedOutlineAndOpenOnesKeepThePattern() {
    Style dotted = Style.DEFAULT.withDash(Dash.DOTTED);
    Element circle = Element.shape("c", ElementKind.ELLIPSE, 0, 0, 100, 100, dotted, 1);
    double[] p = Dash.DOTTED.patternFor(circle);
    double periods = Math.PI * 100 / (p[0] + p[1]);
    assertThat(periods).isCloseTo(Math.rint(periods), within(1e-6));
    // Fitted by less than half a period's worth round the whole outline: 5 units a dot at most
    // 2.5 / 63 further or nearer.
    assertThat(p[1]).isCloseTo(5, within(0.05));
    Element box =
        Element.shape("b", ElementKind.RECTANGLE, 0, 0, 100, -50, dotted.withDash(Dash.DASHED), 1);
    double[] q = Dash.DASHED.patternFor(box);
    double around = 300 / (q[0] + q[1]);
    assertThat(around).isCloseTo(Math.rint(around), within(1e-6));
    Element line = Element.shape("l", ElementKind.LINE, 0, 0, 100, 0, dotted, 1);
    assertThat(Dash.DOTTED.patternFor(line)).containsExactly(Dash.DOTTED.pattern(2));
  }

  @Test
  void unknownDashValuesAreRefusedOnTheWire() throws ProtocolException {
    String update = "{\"type\":\"update\",\"elementId\":\"box\",\"patch\":{\"dash\":%s}}";
    for (String bad : new String[] {"\"wavy\"", "1", "{}", "[\"dashed\"]"}) {
      try {
        codec.decodeOp(update.formatted(bad));
        throw new AssertionError("decoded " + bad);
      } catch (ProtocolException e) {
        assertThat(e.reason()).as(bad).isEqualTo(ProtocolException.Reason.WRONG_TYPE);
      }
    }
    Op solid = codec.decodeOp(update.formatted("\"solid\""));
    assertThat(((Op.UpdateElement) solid).patch().dash()).isEqualTo(Dash.SOLID);
  }
}
