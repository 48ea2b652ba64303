package dev.drawbridge.client.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font a PDF export writes the characters the board font lacks in ({@link PdfLettering}: the
 * board font writes the rest). Helvetica (no embedding) if it has them all; otherwise, Chinese
 * above all, a Unicode TrueType font of the system's, embedded as a subset, so the PDF shows them
 * on any machine. {@code -Ddrawbridge.pdfFont=/path/font.ttf} picks one explicitly; otherwise
 * well-known paths, then the fonts fontconfig knows (Linux), the first that writes every text.
 */
final class PdfFonts {
  private static final Logger LOG = LoggerFactory.getLogger(PdfFonts.class);

  /**
   * TrueType (glyf) fonts with CJK coverage that the three desktop systems ship or commonly have.
   */
  private static final List<String> CANDIDATES =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
          "/usr/share/fonts/truetype/arphic/uming.ttc",
          "C:/Windows/Fonts/msyh.ttc",
          "C:/Windows/Fonts/simhei.ttf",
          "C:/Windows/Fonts/simsun.ttc",
          "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
          "/Library/Fonts/Arial Unicode.ttf",
          "/System/Library/Fonts/STHeiti Medium.ttc");

  private PdfFonts() {}

  /** Helvetica, which every PDF reader has (not embedded). */
  static PDFont helvetica() {
    return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  }

  /** Helvetica if it can write every text, else an embedded Unicode font (Helvetica if none). */
  static PDFont forTexts(PDDocument doc, List<String> texts) {
    PDFont helvetica = helvetica();
    if (texts.stream().allMatch(t -> encodes(helvetica, t))) {
      return helvetica;
    }
    // The first font that writes every text whole: a fallback-only font (Droid Sans Fallback has
    // no Latin letters, not even '?') would otherwise fail the export on "你好 world".
    for (Path file : candidates()) {
      try {
        PDFont font = load(doc, file);
        if (texts.stream().allMatch(t -> encodes(font, t))) {
          return font;
        }
        LOG.debug("Font {} lacks characters of the board's text", file);
      } catch (IOException | RuntimeException e) {
        LOG.debug("Font {} is not usable for PDF export: {}", file, e.toString());
      }
    }
    LOG.info("No Unicode font found for PDF export; characters Helvetica lacks become '?'");
    return helvetica;
  }

  /** Whether {@code font} can write all of {@code text}. */
  static boolean encodes(PDFont font, String text) {
    try {
      font.encode(text.replace("\n", ""));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  static List<Path> candidates() {
    return candidates(fontconfigChinese());
  }

  /**
   * The explicit choice, then the fixed paths above (Windows, macOS, Debian: complete fonts), then
   * the CJK fonts fontconfig knows ({@code fontconfig}: lines of {@code fc-list ':lang=zh' file}),
   * which finds them wherever a distribution keeps them (Fedora's /usr/share/fonts/ wqy-zenhei/,
   * …). Only TrueType files: PDFBox embeds glyf outlines; an OpenType/CFF file is skipped.
   */
  static List<Path> candidates(List<String> fontconfig) {
    List<Path> files = new ArrayList<>();
    String chosen = System.getProperty("drawbridge.pdfFont");
    if (chosen != null) {
      files.add(Path.of(chosen));
    }
    List<String> names = new ArrayList<>(CANDIDATES);
    for (String line : fontconfig) {
      // "path: family,…:style=…" or just "path:" (only the file was asked for).
      int colon = line.indexOf(": ");
      String file = (colon < 0 ? line : line.substring(0, colon)).strip();
      if (file.endsWith(":")) {
        file = file.substring(0, file.length() - 1);
      }
      String lower = file.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".ttf") || lower.endsWith(".ttc")) {
        names.add(file);
      }
    }
    for (String name : names) {
      Path path = Path.of(name);
      if (Files.isRegularFile(path) && !files.contains(path)) {
        files.add(path);
      }
    }
    return files;
  }

  /**
   * {@code fc-list ':lang=zh' file}, or nothing where fontconfig is absent (Windows, most Macs).
   */
  private static List<String> fontconfigChinese() {
    try {
      Process p =
          new ProcessBuilder("fc-list", ":lang=zh", "file")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      List<String> lines;
      try (var out = p.inputReader()) {
        lines = out.lines().limit(1_000).toList();
      }
      if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return List.of();
      }
      return lines;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static PDFont load(PDDocument doc, Path file) throws IOException {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
      return PDType0Font.load(doc, file.toFile());
    }
    // A collection: the first font in it (the regular face in the files above).
    TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
    TrueTypeFont[] first = new TrueTypeFont[1];
    collection.processAllFonts(
        font -> {
          if (first[0] == null) {
            first[0] = font;
          }
        });
    if (first[0] == null) {
      throw new IOException(file + " holds no font");
    }
    return PDType0Font.load(doc, first[0], true);
  }
}
