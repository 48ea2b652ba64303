package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * Resizing text by a corner: the font size scales, so the text keeps its aspect, and the opposite
 * corner stays put. Text bounds grow linearly with the font size, which makes the new position
 * exact. The font size stays within the protocol's range (1 .. {@link
 * ProtocolLimits#MAX_FONT_SIZE}): dragging past the opposite corner shrinks to the smallest size
 * rather than flipping text.
 */
public final class TextScaling {
  /** Font sizes are kept to a tenth: the same on screen, tidier on the wire. */
  private static final double STEP = 0.1;

  private static final double MIN_FONT_SIZE = 1;

  private TextScaling() {}

  /** The patch (font size and position) that drags corner {@code h} of {@code text} to (px, py). */
  public static ElementPatch patch(Element text, Handles.Handle h, double px, double py) {
    double[] b = text.bounds();
    double width = b[2] - b[0];
    double height = b[3] - b[1];
    double[] fixed = Handles.position(text, Handles.opposite(h));
    double[] corner = Handles.position(text, h);
    double dirX = Math.signum(corner[0] - fixed[0]);
    double dirY = Math.signum(corner[1] - fixed[1]);
    // The pointer's distance from the fixed corner, as a multiple of the current size; the axis
    // pulled further decides, so the text follows the pointer both ways.
    double factor = Math.max((px - fixed[0]) * dirX / width, (py - fixed[1]) * dirY / height);
    double old = text.style().fontSize();
    double size = fontSize(old * factor);
    if (size == old) {
      return ElementPatch.NONE;
    }
    double k = size / old;
    double x = dirX > 0 ? fixed[0] : fixed[0] - width * k;
    double y = dirY > 0 ? fixed[1] : fixed[1] - height * k;
    if (!withinLimits(x) || !withinLimits(y)) {
      return ElementPatch.NONE;
    }
    return ElementPatch.move(x, y).withFontSize(size);
  }

  /** {@code wanted} rounded to a tenth and clamped to the protocol's font-size range. */
  static double fontSize(double wanted) {
    if (Double.isNaN(wanted)) {
      return MIN_FONT_SIZE;
    }
    double rounded = Math.round(wanted / STEP) * STEP;
    return Math.clamp(rounded, MIN_FONT_SIZE, ProtocolLimits.MAX_FONT_SIZE);
  }

  private static boolean withinLimits(double v) {
    return Double.isFinite(v) && Math.abs(v) <= ProtocolLimits.MAX_COORDINATE;
  }
}
