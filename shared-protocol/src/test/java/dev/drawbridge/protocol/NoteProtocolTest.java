package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.op.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sticky notes on the wire and in the reducer (docs/protocol.md R95–R98). */
class NoteProtocolTest {
  private static final ProtocolCodec codec = new ProtocolCodec();
  private static final String NOTE = codec.encodeOp(new Op.AddElement(Samples.NOTE));

  private static Element decodeElement(String json) throws ProtocolException {
    return ((Op.AddElement) codec.decodeOp(json)).element();
  }

  @Test
  void aNoteIsATextElementWithAPositiveBoxAndItsBoundsAreTheBox() {
    Element note = Samples.NOTE;
    assertThat(note.kind()).isEqualTo(ElementKind.TEXT);
    assertThat(note.isNote()).isTrue();
    assertThat(note.bounds()).containsExactly(40, 60, 240, 260);
    Element made = Element.note("n", 10, 20, 200, "", Style.DEFAULT, 1);
    assertThat(made.isNote()).isTrue();
    assertThat(made.bounds()).containsExactly(10, 20, 210, 220);
    // Plain text, a rectangle with a box, and a text with a degenerate box are not notes (R98).
    assertThat(Samples.TEXT.isNote()).isFalse();
    assertThat(Samples.RECTANGLE.isNote()).isFalse();
    assertThat(withBox(0, 200).isNote()).isFalse();
    assertThat(withBox(-200, -200).isNote()).isFalse();
    assertThat(withBox(300, 100).isNote()).isTrue();
  }

  private static Element withBox(double w, double h) {
    Element n = Samples.NOTE;
    return new Element(
        n.id(),
        n.kind(),
        n.x(),
        n.y(),
        w,
        h,
        Points.EMPTY,
        n.text(),
        n.style(),
        n.z(),
        false,
        null);
  }

  @Test
  void theNoteFlagIsNotAFieldOnTheWire() {
    assertThat(NOTE).doesNotContain("\"note\"").contains("\"kind\":\"text\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NaN width | \"w\":200.0 | \"w\":NaN | malformed_json",
        "Infinity height | \"h\":200.0 | \"h\":Infinity | malformed_json",
        "width as a string | \"w\":200.0 | \"w\":\"200\" | wrong_type",
        "width beyond the coordinate range | \"w\":200.0 | \"w\":1.0E8 | invalid_value",
        "x beyond the coordinate range | \"x\":40.0 | \"x\":-1.0E8 | invalid_value",
        "colour that is no colour | \"color\":\"#ffec99\" | \"color\":\"yellow\" | invalid_value",
        "colour with five digits | \"color\":\"#ffec99\" | \"color\":\"#ffec9\" | invalid_value",
        "font size 0 | \"fontSize\":24.0 | \"fontSize\":0 | invalid_value",
        "font size over 1000 | \"fontSize\":24.0 | \"fontSize\":1001 | invalid_value",
        "text as a number | \"text\":\"Ship the beta\\non Friday\" | \"text\":5 | wrong_type",
      })
  void aHostileNoteIsRefusedWithTheDocumentedReason(
      String what, String field, String replacement, String code) {
    String json = NOTE.replace(field, replacement);
    assertThat(json).isNotEqualTo(NOTE);
    assertThatThrownBy(() -> codec.decodeOp(json))
        .isInstanceOf(ProtocolException.class)
        .satisfies(e -> assertThat(((ProtocolException) e).reason().code()).isEqualTo(code));
  }

  @Test
  void hugeTextIsTooBigAndClosesWith4009() {
    String json = NOTE.replace("Ship the beta\\non Friday", "x".repeat(10_001));
    assertThatThrownBy(() -> codec.decodeOp(json))
        .isInstanceOf(ProtocolException.class)
        .satisfies(
            e -> {
              ProtocolException pe = (ProtocolException) e;
              assertThat(pe.reason()).isEqualTo(ProtocolException.Reason.TOO_BIG);
              assertThat(pe.reason().closeCode()).isEqualTo(CloseCodes.TOO_BIG);
            });
  }

  @Test
  void oddButValidNotesAreAcceptedAsTheyAre() throws Exception {
    String tenThousandLines = "\\n".repeat(9_999) + "e";
    Element lines = decodeElement(NOTE.replace("Ship the beta\\non Friday", tenThousandLines));
    assertThat(lines.isNote()).isTrue();
    assertThat(lines.text().split("\n", -1)).hasSize(10_000);

    Element empty = decodeElement(NOTE.replace("Ship the beta\\non Friday", ""));
    assertThat(empty.isNote()).isTrue();
    assertThat(empty.text()).isEmpty();

    Element odd = decodeElement(NOTE.replace("#ffec99", "#123456ab"));
    assertThat(odd.style().color()).isEqualTo("#123456ab");

    Element flat = decodeElement(NOTE.replace("\"w\":200.0", "\"w\":-5.0"));
    assertThat(flat.isNote()).as("a text with a degenerate box is plain text").isFalse();

    Element tiny =
        decodeElement(NOTE.replace("\"w\":200.0,\"h\":200.0", "\"w\":1.0E-9,\"h\":1.0E7"));
    assertThat(tiny.isNote()).isTrue();
  }

  @Test
  void editsOfANoteAreOrdinaryUpdatesThatConvergeAndUndo() {
    Op add = new Op.AddElement(Samples.NOTE);
    Op text = new Op.UpdateElement("el-n07e", ElementPatch.NONE.withText("Ship on Monday"));
    Op move = new Op.UpdateElement("el-n07e", ElementPatch.move(100, 100));
    Op resize = new Op.UpdateElement("el-n07e", ElementPatch.NONE.withSize(300, 300));
    Op recolour = new Op.UpdateElement("el-n07e", ElementPatch.NONE.withColor("#a5d8ff"));
    BoardState a = new BoardState();
    BoardState b = new BoardState();
    Op[] ops = {add, text, move, resize, recolour};
    for (int i = 0; i < ops.length; i++) {
      a.apply(i + 1, "op-" + i, ops[i]);
    }
    // Another member that started from a snapshot after the add converges on the same board.
    b.apply(1, "op-0", add);
    BoardState c = BoardState.fromSnapshot(b.snapshot());
    for (int i = 1; i < ops.length; i++) {
      c.apply(i + 1, "op-" + i, ops[i]);
    }
    Element note = a.get("el-n07e");
    assertThat(note.text()).isEqualTo("Ship on Monday");
    assertThat(note.bounds()).containsExactly(100, 100, 400, 400);
    assertThat(note.style().color()).isEqualTo("#a5d8ff");
    assertThat(note.isNote()).isTrue();
    assertThat(c.hash()).isEqualTo(a.hash());

    // Undo of the text edit is the update that sets the previous text (R33).
    ElementPatch undo = ElementPatch.NONE.withText("Ship on Monday").inverseOn(Samples.NOTE);
    assertThat(undo.applyTo(note).text()).isEqualTo(Samples.NOTE.text());
  }

  @Test
  void emptyingANoteKeepsItANote() {
    BoardState board = new BoardState();
    board.apply(1, "a", new Op.AddElement(Samples.NOTE));
    board.apply(2, "b", new Op.UpdateElement("el-n07e", ElementPatch.NONE.withText("")));
    assertThat(board.get("el-n07e").isNote()).isTrue();
    assertThat(board.visibleElements()).hasSize(1);
  }
}
