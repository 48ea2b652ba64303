package dev.drawbridge.client.io;

import dev.drawbridge.client.geom.BoardTypeface;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a PDF export writes board text, in the fonts the canvas draws it in: the bundled board font
 * ({@link BoardTypeface}, embedded as a subset) for every character it has, and for the rest
 * (Chinese above all) the Unicode font {@link PdfFonts} finds, as JavaFX's fallback fonts do on
 * screen. A character neither font has is written as '?'. Each line is written as runs, one per
 * change of font, in one text object, so the runs follow each other at the fonts' own advances.
 *
 * @param board the bundled font, or Helvetica should the file be unreadable
 * @param fallback the font for characters {@code board} lacks, or null when no text needs one
 */
record PdfLettering(PDFont board, PDFont fallback) {
  private static final Logger LOG = LoggerFactory.getLogger(PdfLettering.class);

  /** A stretch of a line written in one font. */
  record Run(PDFont font, String text) {}

  /**
   * The fonts for {@code texts} in {@code doc}: the board font, and a fallback only if some text
   * has characters the board font lacks (the system's fonts are not searched otherwise).
   */
  static PdfLettering forTexts(PDDocument doc, List<String> texts) {
    PDFont board = boardFont(doc);
    List<String> rest = new ArrayList<>();
    for (String text : texts) {
      String missing = missing(board, text);
      if (!missing.isEmpty()) {
        rest.add(missing);
      }
    }
    return new PdfLettering(board, rest.isEmpty() ? null : PdfFonts.forTexts(doc, rest));
  }

  /** The bundled font, embedded as a subset of the glyphs written; Helvetica if unreadable. */
  private static PDFont boardFont(PDDocument doc) {
    try (InputStream in = PdfLettering.class.getResourceAsStream(BoardTypeface.RESOURCE)) {
      if (in != null) {
        return PDType0Font.load(doc, in, true);
      }
      LOG.warn("Board font {} missing; PDF text falls back to Helvetica", BoardTypeface.RESOURCE);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Board font {} unreadable; PDF text falls back to Helvetica", BoardTypeface.RESOURCE, e);
    }
    return PdfFonts.helvetica();
  }

  /** The characters of {@code text} that {@code font} cannot write, in order. */
  private static String missing(PDFont font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .filter(c -> c != '\n')
        .forEach(
            c -> {
              if (!writes(font, c)) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** {@code line} split where its font changes. */
  List<Run> runs(String line) {
    List<Run> runs = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    PDFont[] current = {null};
    line.codePoints()
        .forEach(
            c -> {
              PDFont font;
              if (writes(board, c)) {
                font = board;
              } else if (fallback != null && writes(fallback, c)) {
                font = fallback;
              } else {
                font = board;
                c = '?';
              }
              if (font != current[0] && !text.isEmpty()) {
                runs.add(new Run(current[0], text.toString()));
                text.setLength(0);
              }
              current[0] = font;
              text.appendCodePoint(c);
            });
    if (!text.isEmpty()) {
      runs.add(new Run(current[0], text.toString()));
    }
    return runs;
  }

  /** The width of {@code line} at {@code size}, in the units of the size. */
  float width(String line, float size) throws IOException {
    float width = 0;
    for (Run run : runs(line)) {
      width += run.font().getStringWidth(run.text()) / 1000 * size;
    }
    return width;
  }

  /**
   * Writes {@code line} at {@code size} with its baseline's left end at board (x, baseline), on a
   * page whose y axis points down (the glyphs are flipped back upright).
   */
  void show(PDPageContentStream cs, String line, float size, float x, float baseline)
      throws IOException {
    List<Run> runs = runs(line);
    if (runs.isEmpty()) {
      return;
    }
    cs.beginText();
    cs.setTextMatrix(new Matrix(1, 0, 0, -1, x, baseline));
    for (Run run : runs) {
      cs.setFont(run.font(), size);
      cs.showText(run.text());
    }
    cs.endText();
  }

  private static boolean writes(PDFont font, int codePoint) {
    return PdfFonts.encodes(font, new String(Character.toChars(codePoint)));
  }
}
