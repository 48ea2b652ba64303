package dev.drawbridge.protocol.element;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * How an element is painted.
 *
 * @param color stroke (and text) colour, {@code #RRGGBB} or {@code #RRGGBBAA}
 * @param width stroke width in board units, 0..1000
 * @param fill whether closed shapes are filled with {@code color}
 * @param opacity 0 (invisible) .. 1 (opaque)
 * @param fontSize text size in board units, 1..1000
 * @param dash dashed or dotted outlines, or null for solid (R125)
 */
public record Style(
    String color, double width, boolean fill, double opacity, double fontSize, Dash dash) {
  public static final Style DEFAULT = new Style("#1e1e1e", 2, false, 1, 20);

  /** A solid style. */
  public Style(String color, double width, boolean fill, double opacity, double fontSize) {
    this(color, width, fill, opacity, fontSize, null);
  }

  public Style {
    Require.color(color, "style.color");
    Require.range(width, 0, ProtocolLimits.MAX_STROKE_WIDTH, "style.width");
    Require.range(opacity, 0, 1, "style.opacity");
    Require.range(fontSize, 1, ProtocolLimits.MAX_FONT_SIZE, "style.fontSize");
    // Solid is null, never SOLID (R125): one board, one representation, one hash.
    dash = dash == Dash.SOLID ? null : dash;
  }

  public Style withColor(String newColor) {
    return new Style(newColor, width, fill, opacity, fontSize, dash);
  }

  public Style withWidth(double newWidth) {
    return new Style(color, newWidth, fill, opacity, fontSize, dash);
  }

  public Style withFill(boolean newFill) {
    return new Style(color, width, newFill, opacity, fontSize, dash);
  }

  public Style withOpacity(double newOpacity) {
    return new Style(color, width, fill, newOpacity, fontSize, dash);
  }

  public Style withFontSize(double newFontSize) {
    return new Style(color, width, fill, opacity, newFontSize, dash);
  }

  /** This style with {@code newDash} outlines (null or SOLID: solid). */
  public Style withDash(Dash newDash) {
    return new Style(color, width, fill, opacity, fontSize, newDash);
  }
}
