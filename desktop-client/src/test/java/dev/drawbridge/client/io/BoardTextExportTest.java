package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.BoardTypeface;
import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports write board text as the canvas draws it (ADR 0014): in the bundled board font, with each
 * baseline the font's ascent below its line's top (before: "sans-serif" or Helvetica, 0.8 em down,
 * about 0.27 em above the canvas's baseline).
 */
class BoardTextExportTest {
  @TempDir Path dir;

  private static final Element TEXT =
      Element.text("t", 10, 20, "Hello board\nline two", Style.DEFAULT.withFontSize(20), 1);

  @Test
  void svgNamesTheBoardFontFirstWithAGenericFallback() {
    String svg = new SvgExporter().toSvg(List.of(TEXT, note(), labelled()));

    assertThat(svg).doesNotContain("font-family=\"sans-serif\"");
    assertThat(count(svg, "font-family=\"'Noto Sans', sans-serif\"")).isEqualTo(3);
  }

  @Test
  void svgBaselinesAreTheFontsAscentBelowEachLinesTop() {
    String svg = new SvgExporter().toSvg(List.of(TEXT));

    // 20 + 1.069 × 20 and one line (1.25 × 20) further down.
    assertThat(svg)
        .contains("<tspan x=\"10\" y=\"41.38\">Hello board</tspan>")
        .contains("<tspan x=\"10\" y=\"66.38\">line two</tspan>");
  }

  @Test
  void svgNoteBaselineFollowsItsLayout() {
    Element note = note();
    NoteLayout layout = NoteLayout.of(note);
    String svg = new SvgExporter().toSvg(List.of(note));

    double baseline = layout.top() + layout.fontSize() * BoardTypeface.ASCENT;
    assertThat(svg).contains(String.format(java.util.Locale.ROOT, "y=\"%.2f\"", baseline));
  }

  @Test
  void pdfWritesLatinTextInTheEmbeddedBoardFont() throws Exception {
    Path file = dir.resolve("latin.pdf");
    new PdfExporter().export(List.of(TEXT, note(), labelled()), file);

    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      assertThat(fontNames(doc)).singleElement().asString().endsWith("+NotoSans-Regular");
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Hello board")
          .contains("line two")
          .contains("Sticky")
          .contains("label");
    }
  }

  @Test
  void pdfBaselineIsTheFontsAscentBelowTheTextsTop() throws Exception {
    Path file = dir.resolve("baseline.pdf");
    new PdfExporter().export(List.of(TEXT), file);
    Rect area = ExportArea.of(List.of(TEXT));

    List<TextPosition> glyphs = glyphs(file);
    // Page y runs down from the area's top; the first glyph of each line sits on its baseline.
    double expected = TEXT.y() - area.minY() + 20 * BoardTypeface.ASCENT;
    assertThat((double) glyphs.getFirst().getYDirAdj()).isCloseTo(expected, Offset.offset(0.05));
    assertThat((double) glyphs.getFirst().getXDirAdj())
        .isCloseTo(TEXT.x() - area.minX(), Offset.offset(0.05));
  }

  /**
   * Chinese in a PDF comes from the system's Unicode font, Latin around it still from the board
   * font, in one line that runs on without a gap.
   */
  @Test
  void pdfWritesWhatTheBoardFontLacksInTheFallbackFont() throws Exception {
    Assumptions.assumeFalse(PdfFonts.candidates().isEmpty(), "no Unicode TrueType font here");
    Element mixed = Element.text("m", 0, 0, "Hello 你好 world", Style.DEFAULT.withFontSize(20), 1);
    Path file = dir.resolve("mixed.pdf");
    new PdfExporter().export(List.of(mixed), file);

    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      Set<String> fonts = fontNames(doc);
      assertThat(fonts).hasSize(2).anyMatch(n -> n.endsWith("+NotoSans-Regular"));
      assertThat(new PDFTextStripper().getText(doc).strip()).isEqualTo("Hello 你好 world");
    }
    List<TextPosition> glyphs = glyphs(file);
    for (int i = 1; i < glyphs.size(); i++) {
      TextPosition before = glyphs.get(i - 1);
      assertThat((double) glyphs.get(i).getXDirAdj())
          .as("glyph %s follows the one before", glyphs.get(i).getUnicode())
          .isCloseTo(before.getXDirAdj() + before.getWidthDirAdj(), Offset.offset(0.05));
    }
  }

  private static Element note() {
    return Element.note(
        "n", 100, 100, 200, "Sticky notes wrap the same", Style.DEFAULT.withFontSize(24), 2);
  }

  private static Element labelled() {
    Element line = Element.shape("l", ElementKind.LINE, 0, 300, 200, 0, Style.DEFAULT, 3);
    return ElementPatch.NONE.withLabel("label").applyTo(line);
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static Set<String> fontNames(PDDocument doc) throws IOException {
    Set<String> names = new HashSet<>();
    PDResources resources = doc.getPage(0).getResources();
    for (COSName name : resources.getFontNames()) {
      names.add(resources.getFont(name).getName());
    }
    return names;
  }

  private static List<TextPosition> glyphs(Path file) throws IOException {
    List<TextPosition> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
              out.add(text);
            }
          };
      stripper.getText(doc);
    }
    return out;
  }
}
