package dev.drawbridge.client.geom;

/**
 * The typeface board text is drawn in on every machine and in every UI language: Noto Sans Regular,
 * bundled with the app (ADR 0014). Before, the canvas asked JavaFX for its logical {@code System}
 * font, which on Linux fontconfig resolves with the language the app started in (DejaVu Sans in
 * English, WenQuanYi Micro Hei in Chinese) and which is another font again on Windows and macOS:
 * members of one board saw the same text at different widths.
 *
 * <p>What the exporters need to know about it without a toolkit: its family, where the file is, and
 * its ascent. The canvas loads the file through {@code ui.canvas.BoardFont}; characters the font
 * lacks (Chinese, emoji…) come from JavaFX's fallback fonts there, and from PdfFonts' Unicode font
 * in a PDF.
 */
public final class BoardTypeface {
  /** The family name inside the file, which JavaFX and SVG viewers look it up by. */
  public static final String FAMILY = "Noto Sans";

  /** The font file, a class-path resource, with its licence ({@code OFL.txt}) beside it. */
  public static final String RESOURCE = "/dev/drawbridge/client/fonts/NotoSans-Regular.ttf";

  /**
   * How far below the top of a line its baseline lies, as a fraction of the font size: the font's
   * ascent (1069 of 1000 units; hhea, OS/2 typo and win ascents agree, so every renderer reads the
   * same). The canvas measures it from the loaded font ({@code ElementPainter.ascent}); a test
   * keeps the two equal.
   */
  public static final double ASCENT = 1.069;

  /** How far the font reaches below a baseline, as a fraction of the font size (293 of 1000). */
  public static final double DESCENT = 0.293;

  /**
   * How far below a plain text's bounds its last line's descenders reach, as a fraction of the font
   * size: the bounds give each line 1.25 em (R96's line height, no font needed), and this font's
   * ascent and descent take 1.362 em. Painted bounds include it, so the tiles repaint it.
   */
  public static final double OVERHANG = ASCENT + DESCENT - 1.25;

  /**
   * The SVG {@code font-family}: the bundled family first, then generic sans-serif for a viewer
   * without it (the SVG does not embed the font). Single quotes, to sit in a double-quoted
   * attribute.
   */
  public static final String SVG_FAMILY = "'" + FAMILY + "', sans-serif";

  private BoardTypeface() {}
}
