package dev.drawbridge.client.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Good-quality downscaling with Java2D: halving steps with bilinear filtering (each one averages 2
 * × 2 pixels, so no detail is skipped as one big bilinear step would) and a last bicubic step to
 * the exact size.
 */
public final class Scaling {
  private Scaling() {}

  /** {@code source} scaled to {@code width} × {@code height} (not larger than it is). */
  public static BufferedImage to(BufferedImage source, int width, int height) {
    BufferedImage current = source;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2, false);
    }
    if (current.getWidth() != width || current.getHeight() != height) {
      current = draw(current, width, height, true);
    }
    return current;
  }

  /** The size that fits {@code width} × {@code height} within {@code maxSide}, aspect kept. */
  public static int[] fit(int width, int height, int maxSide) {
    int longSide = Math.max(width, height);
    if (longSide <= maxSide) {
      return new int[] {width, height};
    }
    double f = maxSide / (double) longSide;
    return new int[] {
      Math.max(1, (int) Math.round(width * f)), Math.max(1, (int) Math.round(height * f))
    };
  }

  /** A copy of {@code source} with pixels of its own. */
  public static BufferedImage copy(BufferedImage source) {
    return draw(source, source.getWidth(), source.getHeight(), false);
  }

  /** {@code source} without transparency, over white (for JPEG, which has no alpha). */
  public static BufferedImage opaque(BufferedImage source) {
    if (!source.getColorModel().hasAlpha() && source.getType() == BufferedImage.TYPE_INT_RGB) {
      return source;
    }
    BufferedImage out =
        new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(source, 0, 0, null);
    g.dispose();
    return out;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height, boolean bicubic) {
    int type =
        source.getColorModel().hasAlpha()
            ? BufferedImage.TYPE_INT_ARGB_PRE
            : BufferedImage.TYPE_INT_RGB;
    BufferedImage out = new BufferedImage(Math.max(1, width), Math.max(1, height), type);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION,
        bicubic
            ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
            : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(source, 0, 0, out.getWidth(), out.getHeight(), null);
    g.dispose();
    return out;
  }
}
