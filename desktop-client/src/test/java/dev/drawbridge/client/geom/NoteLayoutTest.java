package dev.drawbridge.client.geom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import org.junit.jupiter.api.Test;

/** Fitting a sticky note's text (docs/protocol.md R96) and resizing a note (square). */
class NoteLayoutTest {
  private static Element note(String text) {
    return Element.note("n", 0, 0, 200, text, new Style("#ffec99", 1, true, 1, 24), 1);
  }

  @Test
  void shortTextIsDrawnAtTheLargestSizeCentred() {
    NoteLayout layout = NoteLayout.of(note("Hi"));
    assertThat(layout.fontSize()).isEqualTo(24);
    assertThat(layout.lines()).containsExactly("Hi");
    assertThat(layout.clipped()).isFalse();
    assertThat(layout.top())
        .isCloseTo(100 - 24 * 1.25 / 2, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void moreTextShrinksTheFontAndWrapsBetweenWords() {
    double previous = 24;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("word").append(i).append(' ');
      NoteLayout layout = NoteLayout.of(note(text.toString().strip()));
      assertThat(layout.fontSize()).isLessThanOrEqualTo(previous);
      assertThat(layout.clipped()).isFalse();
      double inner = 200 - 2 * 16;
      for (String line : layout.lines()) {
        assertThat(Element.widthInEms(line) * layout.fontSize()).isLessThanOrEqualTo(inner + 1e-9);
        assertThat(line).doesNotStartWith(" ");
      }
      assertThat(layout.lines().size() * layout.fontSize() * 1.25)
          .isLessThanOrEqualTo(inner + 1e-9);
      previous = layout.fontSize();
    }
    assertThat(previous).isLessThan(24);
  }

  @Test
  void aWordLongerThanALineBreaksInside() {
    NoteLayout layout = NoteLayout.of(note("x".repeat(300)));
    assertThat(String.join("", layout.lines())).startsWith("xxxx");
    assertThat(layout.lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(300));
  }

  @Test
  void tenThousandLinesClipAtTheSmallestSizeWithAnEllipsis() {
    String text = "\n".repeat(9_999) + "e";
    NoteLayout layout = NoteLayout.of(note(text));
    assertThat(layout.fontSize()).isEqualTo(200 / 25.0);
    assertThat(layout.clipped()).isTrue();
    assertThat(layout.lines().size()).isEqualTo((int) Math.floor(168 / (8 * 1.25)));
    assertThat(layout.lines().getLast()).endsWith("…");
  }

  @Test
  void emptyTextAndTinyOrOddBoxesNeverFail() {
    assertThat(NoteLayout.of(note("")).lines()).containsExactly("");
    NoteLayout tiny = NoteLayout.of("hello world", 0, 0, 1e-9, 1e7, 24);
    assertThat(tiny.fontSize()).isGreaterThanOrEqualTo(1);
    assertThat(tiny.clipped()).isTrue();
    NoteLayout huge = NoteLayout.of("big", 0, 0, 1e6, 1e6, 1000);
    assertThat(huge.fontSize()).isEqualTo(1000);
  }

  @Test
  void inkIsDarkOnSoftPaperAndLightOnDarkPaper() {
    for (String paper : NoteLayout.PALETTE) {
      assertThat(NoteLayout.inkFor(paper)).isEqualTo(NoteLayout.DARK_INK);
    }
    assertThat(NoteLayout.inkFor("#1e1e1e")).isEqualTo(NoteLayout.LIGHT_INK);
    assertThat(NoteLayout.inkFor("#123456ab")).isEqualTo(NoteLayout.LIGHT_INK);
  }

  @Test
  void draggingACornerKeepsTheNoteSquareAndTheOppositeCornerInPlace() {
    Element n = note("x");
    ElementPatch p = Handles.drag(n, Handles.Handle.SE, 300, 250);
    Element r = p.applyTo(n);
    assertThat(r.bounds()).containsExactly(0, 0, 300, 300);
    Element nw = Handles.drag(n, Handles.Handle.NW, 150, 120).applyTo(n);
    assertThat(nw.bounds()).containsExactly(120, 120, 200, 200);
    Element flipped = Handles.drag(n, Handles.Handle.SE, -500, -500).applyTo(n);
    assertThat(flipped.w()).isEqualTo(Handles.MIN_NOTE_SIDE);
    assertThat(flipped.isNote()).isTrue();
  }
}
