package dev.drawbridge.client.image;

import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.awt.image.BufferedImage;

/**
 * Power-of-two resolutions of a picture: level 0 is its full pixel size, level k is 2^k times
 * smaller on each side. The canvas keeps the coarsest level that still has a pixel for every pixel
 * it covers on screen, so a 12-megapixel photo shown 300 pixels wide costs a 512-pixel decode, and
 * zooming within a factor of two reuses it.
 */
public final class PictureLevels {
  /** Level 12 of a 4,096-pixel picture is 1 pixel: nothing coarser is ever needed. */
  public static final int MAX_LEVEL = 12;

  private PictureLevels() {}

  /**
   * The level of a {@code width} × {@code height} picture to draw over {@code pixelsAcross} ×
   * {@code pixelsDown} device pixels.
   */
  public static int levelFor(int width, int height, double pixelsAcross, double pixelsDown) {
    double ratio =
        Math.min(width / Math.max(pixelsAcross, 1e-9), height / Math.max(pixelsDown, 1e-9));
    if (!(ratio >= 2)) {
      return 0;
    }
    int level = (int) Math.floor(Math.log(ratio) / Math.log(2));
    return Math.min(level, MAX_LEVEL);
  }

  /** The pixel size of {@code level} of a {@code width} × {@code height} picture. */
  public static int[] size(int width, int height, int level) {
    return new int[] {
      Math.max(1, (int) Math.ceil(width / (double) (1 << level))),
      Math.max(1, (int) Math.ceil(height / (double) (1 << level)))
    };
  }

  /**
   * The source subsampling to decode {@code level} with: half as coarse, so that a final halving
   * averages 2 × 2 pixels instead of skipping three of them (less aliasing on photos).
   */
  public static int subsampling(int level) {
    return level <= 1 ? 1 : 1 << (level - 1);
  }

  /**
   * Decodes {@code level} of a blob's picture. A header over 4,096 pixels a side is refused before
   * decoding (R115): no member's blob may claim more, so such a file is broken, or hostile.
   */
  public static BufferedImage decode(byte[] bytes, int level) throws ImageRefusedException {
    long side = ProtocolLimits.MAX_IMAGE_SIDE;
    ImageHeader header = ImageDecoding.header(bytes, side, side * side);
    // Level 2 and up is subsampled and then halved, so the reused decode buffer is copied at once.
    BufferedImage image = ImageDecoding.decodeIntoReused(bytes, header, subsampling(level));
    int[] size = size(image.getWidth(), image.getHeight(), level <= 1 ? level : 1);
    if (size[0] != image.getWidth() || size[1] != image.getHeight()) {
      return Scaling.to(image, size[0], size[1]);
    }
    // A picture a pixel wide at this level: nothing to halve, but the reused buffer must not leak.
    return level >= 2 ? Scaling.copy(image) : image;
  }
}
