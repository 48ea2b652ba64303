package dev.drawbridge.client.ui.board;

import dev.drawbridge.protocol.element.Style;
import java.util.List;

/** The style presets the toolbar offers: a palette and three sizes (stroke width + font size). */
public final class StyleChoice {
  /** Ink colours, Excalidraw-like: dark ink first. */
  public static final List<String> PALETTE =
      List.of("#1e1e1e", "#e03131", "#2f9e44", "#1971c2", "#f08c00", "#9c36b5");

  /** Stroke widths for small, medium, large. */
  public static final List<Double> WIDTHS = List.of(2.0, 4.0, 8.0);

  /** Font sizes matching each width. */
  public static final List<Double> FONT_SIZES = List.of(20.0, 28.0, 40.0);

  private StyleChoice() {}

  /** The style for palette colour {@code color}, size index {@code size}, fill and opacity. */
  public static Style style(String color, int size, boolean fill, double opacity) {
    int i = Math.max(0, Math.min(2, size));
    return new Style(color, WIDTHS.get(i), fill, opacity, FONT_SIZES.get(i));
  }
}
