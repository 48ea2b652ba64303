package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports stroke dashed and dotted outlines with the board's pattern, arrow heads solid (R125). */
class DashExportTest {
  @TempDir Path dir;

  private static final Style DASHED = Style.DEFAULT.withDash(Dash.DASHED); // width 2: 8 on, 6 off

  private static List<Element> board() {
    return List.of(
        Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 50, DASHED, 1),
        Element.shape("arr", ElementKind.ARROW, 0, 100, 100, 0, DASHED, 2),
        Element.shape(
            "dots", ElementKind.ELLIPSE, 0, 200, 80, 40, Style.DEFAULT.withDash(Dash.DOTTED), 3),
        Element.shape("plain", ElementKind.LINE, 0, 300, 100, 0, Style.DEFAULT, 4),
        Element.note("note", 200, 0, 100, "hi", Style.DEFAULT.withDash(Dash.DASHED), 5),
        Element.freehand(
            "hl",
            ElementKind.HIGHLIGHTER,
            0,
            400,
            dev.drawbridge.protocol.element.Points.of(new float[] {0, 0, 50, 0, 100, 10}),
            Style.DEFAULT.withWidth(20).withDash(Dash.DASHED),
            6));
  }

  @Test
  void svgDashesOutlinesOnlyAndKeepsTheArrowHeadSolid() {
    String svg = new SvgExporter().toSvg(board());
    assertThat(svg).contains("<rect x=\"0\" y=\"0\" width=\"100\" height=\"50\"");
    // Round closed outlines the pattern is fitted to the perimeter (300 = 21 periods of 14.29).
    assertThat(svg).containsPattern("<rect x=\"0\" y=\"0\"[^>]*stroke-dasharray=\"8.16 6.12\"");
    assertThat(svg).containsPattern("<ellipse[^>]*stroke-dasharray=\"0.01 4.9[0-9]\"");
    // The arrow's shaft is dashed; its head is a path of its own without a dash array.
    assertThat(svg)
        .containsPattern(
            "<line x1=\"0\" y1=\"100\"[^>]*stroke-dasharray|M 0 100 L 100 100\"[^>]*stroke-dasharray");
    assertThat(svg)
        .containsPattern(
            "<path d=\"M [0-9.]+ [0-9.]+ L 100 100 L [0-9.]+ [0-9.]+\" fill=\"none\" stroke=\"#1e1e1e\"[^>]*/>");
    assertThat(svg).doesNotContainPattern("L 100 100 L [0-9.]+ [0-9.]+\"[^>]*stroke-dasharray");
    // A plain line, a note's paper and a highlighter's band have none.
    assertThat(svg.split("stroke-dasharray", -1)).hasSize(4);
  }

  @Test
  void pdfSetsTheDashPatternForOutlinesAndResetsItForTheHead() throws Exception {
    Path file = dir.resolve("d.pdf");
    new PdfExporter().export(board(), file);
    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      String content =
          new String(doc.getPage(0).getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
      // PDFBox writes "[8 6 ] 0 d".
      // The arrow's open shaft keeps the plain pattern; the closed outlines' are fitted.
      assertThat(content).containsPattern("\\[8 6 ?\\] 0 d");
      assertThat(content).containsPattern("\\[8.16[0-9]* 6.12[0-9]* ?\\] 0 d");
      assertThat(content).containsPattern("\\[ ?\\] 0 d");
    }
  }
}
