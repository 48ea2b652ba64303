package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * How a sticky note's text sits in its box (docs/protocol.md R96): the largest font size, in steps
 * of half a board unit and at most the note's {@code style.fontSize}, at which the word-wrapped
 * text fits inside the padding; below the minimum size the text is cut after the last line that
 * fits, which ends in an ellipsis. Widths are estimated without a font ({@link
 * Element#widthInEms}), so the canvas, the exporters and every client choose the same size and the
 * same line breaks. Derived when painted, never stored.
 *
 * @param fontSize the size to draw the lines at, board units
 * @param lines the lines to draw, top to bottom, each centred horizontally
 * @param top the board y of the first line's top (the block is centred vertically)
 * @param clipped whether text was cut off (the last line ends in an ellipsis)
 */
public record NoteLayout(double fontSize, List<String> lines, double top, boolean clipped) {
  /** Line height as a multiple of the font size, as for plain text. */
  public static final double LINE_HEIGHT = 1.25;

  /** The side of a new note, board units. */
  public static final double DEFAULT_SIDE = 200;

  /** The largest font size of a new note (its {@code style.fontSize}). */
  public static final double DEFAULT_FONT_SIZE = 24;

  /** The gap between a note and the next one Tab makes beside it. */
  public static final double GAP = 20;

  /** Padding on each side, as a fraction of the shorter side. */
  public static final double PADDING = 0.08;

  /** The smallest font size as a fraction of the shorter side (1/25: 8 units on a 200 note). */
  public static final double MIN_FONT_FRACTION = 1.0 / 25;

  static final String ELLIPSIS = "…";

  private static final double STEP = 0.5;

  /** Ink for text on light paper, and on dark paper. */
  public static final String DARK_INK = "#1e1e1e";

  public static final String LIGHT_INK = "#f8f9fa";

  /**
   * Soft note colours (open-color yellow 2, pink 2, green 2, blue 2, violet 2, orange 2): dark ink
   * reads on every one of them, on a light board and a dark one alike.
   */
  public static final List<String> PALETTE =
      List.of("#ffec99", "#fcc2d7", "#b2f2bb", "#a5d8ff", "#d0bfff", "#ffd8a8");

  /** Lays out {@code note}'s text in its box. */
  public static NoteLayout of(Element note) {
    String text = note.text() == null ? "" : note.text();
    return of(text, note.x(), note.y(), note.w(), note.h(), note.style().fontSize());
  }

  /** Lays out {@code text} in the box (x, y, w, h) with fonts up to {@code maxFontSize}. */
  public static NoteLayout of(String text, double x, double y, double w, double h, double max) {
    double side = Math.min(w, h);
    double pad = side * PADDING;
    double innerW = Math.max(w - 2 * pad, 0);
    double innerH = Math.max(h - 2 * pad, 0);
    double min = Math.min(max, Math.max(1, side * MIN_FONT_FRACTION));
    // Sizes min, min + STEP, …, max (max itself last, if it is not on a step): find the largest
    // that fits. Fewer lines never need more room, so fitting is monotonic and a binary search
    // tries about a dozen sizes, each one pass over the text.
    int steps = (int) Math.floor((max - min) / STEP);
    double best = -1;
    if (fits(text, max, innerW, innerH)) {
      best = max;
    } else {
      int lo = 0;
      int hi = steps;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (fits(text, min + mid * STEP, innerW, innerH)) {
          best = min + mid * STEP;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
    }
    boolean clipped = best < 0;
    double size = clipped ? min : best;
    int maxLines = Math.max(1, (int) Math.floor(innerH / (size * LINE_HEIGHT)));
    List<String> lines = wrap(text, innerW / size, clipped ? maxLines + 1 : Integer.MAX_VALUE);
    if (lines.size() > maxLines) {
      lines = new ArrayList<>(lines.subList(0, maxLines));
      lines.set(maxLines - 1, withEllipsis(lines.get(maxLines - 1), innerW / size));
      clipped = true;
    }
    double block = lines.size() * size * LINE_HEIGHT;
    double top = y + pad + Math.max(0, (innerH - block) / 2);
    return new NoteLayout(size, List.copyOf(lines), top, clipped);
  }

  /** The ink that reads on {@code paper}: dark unless the paper itself is dark. */
  public static String inkFor(String paper) {
    return luminance(paper) >= 0.5 ? DARK_INK : LIGHT_INK;
  }

  /** Relative luminance (0..1) of a {@code #RRGGBB} or {@code #RRGGBBAA} colour. */
  static double luminance(String color) {
    int r = Integer.parseInt(color.substring(1, 3), 16);
    int g = Integer.parseInt(color.substring(3, 5), 16);
    int b = Integer.parseInt(color.substring(5, 7), 16);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }

  private static boolean fits(String text, double size, double innerW, double innerH) {
    int maxLines = (int) Math.floor(innerH / (size * LINE_HEIGHT));
    if (maxLines < 1) {
      return false;
    }
    double ems = innerW / size;
    List<String> lines = wrap(text, ems, maxLines + 1);
    if (lines.size() > maxLines) {
      return false;
    }
    // A single character wider than the box (a box thinner than a letter) does not fit either.
    for (String line : lines) {
      if (Element.widthInEms(line) > ems + 1e-9) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} broken into lines at most {@code ems} wide: at its own line breaks, between words
   * where it can, inside a word too long for a line. Stops after {@code limit} lines, so a note
   * with 10,000 lines costs no more than one that just overflows.
   */
  static List<String> wrap(String text, double ems, int limit) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      double lineEms = 0;
      for (String word : paragraph.split(" ", -1)) {
        double wordEms = Element.widthInEms(word);
        double spaceEms = line.isEmpty() ? 0 : 0.6;
        if (lineEms + spaceEms + wordEms <= ems) {
          if (!line.isEmpty()) {
            line.append(' ');
          }
          line.append(word);
          lineEms += spaceEms + wordEms;
          continue;
        }
        if (!line.isEmpty()) {
          out.add(line.toString());
          if (out.size() >= limit) {
            return out;
          }
          line.setLength(0);
          lineEms = 0;
        }
        // The word starts a line; if it is wider than a line, break it between characters.
        for (int i = 0; i < word.length(); ) {
          int cp = word.codePointAt(i);
          String ch = new String(Character.toChars(cp));
          double chEms = Element.widthInEms(ch);
          if (lineEms + chEms > ems && !line.isEmpty()) {
            out.add(line.toString());
            if (out.size() >= limit) {
              return out;
            }
            line.setLength(0);
            lineEms = 0;
          }
          line.append(ch);
          lineEms += chEms;
          i += Character.charCount(cp);
        }
      }
      out.add(line.toString());
      if (out.size() >= limit) {
        return out;
      }
    }
    return out;
  }

  /** {@code line} shortened from its end until it and an ellipsis fit in {@code ems}. */
  static String withEllipsis(String line, double ems) {
    String s = line.stripTrailing();
    double room = ems - Element.widthInEms(ELLIPSIS);
    while (!s.isEmpty() && Element.widthInEms(s) > room) {
      s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
    }
    return s + ELLIPSIS;
  }
}
