package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an element's outline is stroked (docs/protocol.md R125). A style stores {@code null} for
 * {@link #SOLID}; a patch says {@code solid} to switch a dashed or dotted outline back.
 */
public enum Dash {
  /** One unbroken line (the default; old clients draw every outline this way). */
  @JsonProperty("solid")
  SOLID,
  /** Dashes four stroke widths long with gaps of three (at least 4 and 3 board units). */
  @JsonProperty("dashed")
  DASHED,
  /** Round dots one stroke width across, two and a half widths apart (at least 3 units). */
  @JsonProperty("dotted")
  DOTTED;

  /**
   * The pattern for {@code e}'s outline: {@link #pattern(double)} of its width, and for a closed
   * outline (a rectangle, an ellipse) stretched or shrunk by less than half a period so that a
   * whole number of periods goes round it, so the last dash or dot does not run into the first.
   */
  public double[] patternFor(Element e) {
    double[] p = pattern(e.style().width());
    double perimeter = perimeter(e);
    if (p.length == 0 || !(perimeter > 0)) {
      return p;
    }
    double period = p[0] + p[1];
    long n = Math.max(1, Math.round(perimeter / period));
    double k = perimeter / (n * period);
    return new double[] {p[0] * k, p[1] * k};
  }

  /**
   * The length of {@code e}'s closed outline in board units: a rectangle's, or an ellipse's by
   * Ramanujan's approximation (within 0.04 % of the true one, as close as the curves renderers
   * draw); 0 for an open one.
   */
  static double perimeter(Element e) {
    double a = Math.abs(e.w()) / 2;
    double b = Math.abs(e.h()) / 2;
    return switch (e.kind()) {
      case RECTANGLE -> 4 * (a + b);
      case ELLIPSE -> Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
      default -> 0;
    };
  }

  /**
   * Whether {@code e} has an outline a dash applies to (R125): pen strokes, lines, arrows,
   * rectangles and ellipses. Not text, notes or pictures, which have none, nor highlighters, whose
   * wide band would break into a few blobs.
   */
  public static boolean appliesTo(Element e) {
    return switch (e.kind()) {
      case STROKE, LINE, ARROW, ELLIPSE -> true;
      case RECTANGLE -> !e.hasImage();
      case HIGHLIGHTER, TEXT -> false;
    };
  }

  /**
   * The dash pattern for a stroke {@code width} board units wide: lengths of drawn and skipped
   * parts, in board units, starting with a drawn one. A dot is a drawn part of length ~0 with round
   * caps, so every renderer that draws round caps (JavaFX, SVG, PDF) draws the same dots. Empty for
   * {@link #SOLID}.
   */
  public double[] pattern(double width) {
    double w = Math.max(width, 0.5);
    return switch (this) {
      case SOLID -> new double[0];
      case DASHED -> new double[] {Math.max(4, 4 * w), Math.max(3, 3 * w)};
      case DOTTED -> new double[] {0.01, Math.max(3, 2.5 * w)};
    };
  }
}
