package dev.drawbridge.protocol.element;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * The picture an image element shows (docs/protocol.md R107): which blob holds the file, what kind
 * of file it is and its pixel size, so a member can draw a placeholder of the right shape and
 * choose the resolution to decode before the bytes arrive.
 *
 * @param blob the SHA-256 of the file's bytes, 64 lowercase hex digits (R108)
 * @param mime {@code image/png}, {@code image/jpeg}, {@code image/gif}, {@code image/bmp} or {@code
 *     image/webp}
 * @param width pixels across, 1..4096
 * @param height pixels down, 1..4096
 */
public record ImageRef(String blob, String mime, int width, int height) {
  /**
   * The style an image element is written with: old clients, which know it only as a rectangle
   * (R114), draw this thin grey frame where the picture is; new ones draw the picture and use only
   * {@code opacity}.
   */
  public static final Style FRAME_STYLE = new Style("#868e96", 1, false, 1, 20);

  public ImageRef {
    Require.present(blob, "image.blob");
    if (!BlobIds.isValid(blob)) {
      throw Require.invalid("image.blob", "must be 64 lowercase hex digits (a SHA-256)");
    }
    Require.present(mime, "image.mime");
    if (ImageFormat.ofMime(mime).isEmpty()) {
      throw Require.invalid("image.mime", "must be image/png, jpeg, gif, bmp or webp");
    }
    Require.range(width, 1, ProtocolLimits.MAX_IMAGE_SIDE, "image.width");
    Require.range(height, 1, ProtocolLimits.MAX_IMAGE_SIDE, "image.height");
  }

  void digestInto(Digest64 d) {
    d.add(0x696d6167L); // "imag": separates these fields from the ones before them
    d.add(blob).add(mime).add((long) width).add((long) height);
  }
}
