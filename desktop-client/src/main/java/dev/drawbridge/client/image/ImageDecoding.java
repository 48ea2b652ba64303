package dev.drawbridge.client.image;

import dev.drawbridge.client.image.ImageRefusedException.Reason;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.blob.ImageHeader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes picture files with bounded memory. The header is read first, from the bytes and without a
 * decoder ({@link ImageHeader}), and a size over the caller's limit is refused before any pixel is
 * allocated (R115); the decoder must then agree with the header, so a file cannot hide a larger
 * picture behind a small header. Pixels are read with source subsampling (every n-th pixel of every
 * n-th row), so a decode holds only the subsampled picture, whatever the file's size.
 */
public final class ImageDecoding {
  static {
    // WebP comes from a plug-in on the class path; scanning once makes it known to ImageIO even
    // when the class path was set up after ImageIO first looked (tests, the jlinked app).
    ImageIO.scanForPlugins();
  }

  private ImageDecoding() {}

  /**
   * The header of {@code bytes} if it declares at most {@code maxSide} pixels a side and {@code
   * maxPixels} in all; refused otherwise, without decoding anything.
   */
  public static ImageHeader header(byte[] bytes, long maxSide, long maxPixels)
      throws ImageRefusedException {
    ImageHeader header =
        ImageHeader.read(bytes)
            .orElseThrow(
                () ->
                    new ImageRefusedException(
                        Reason.NOT_AN_IMAGE, "not a PNG, JPEG, GIF, BMP or WebP file"));
    if (!header.fitsWithin(maxSide) || header.width() * header.height() > maxPixels) {
      throw new ImageRefusedException(
          Reason.TOO_MANY_PIXELS,
          "the file declares " + header.width() + " × " + header.height() + " pixels");
    }
    return header;
  }

  /**
   * Decodes the first picture of {@code bytes} (a GIF's first frame) keeping every {@code
   * subsampling}-th pixel of every {@code subsampling}-th row.
   *
   * @param header the header read by {@link #header}: the decoder must report the same size (a
   *     GIF's first frame may be smaller than its screen, never larger)
   */
  public static BufferedImage decode(byte[] bytes, ImageHeader header, int subsampling)
      throws ImageRefusedException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageRefusedException(Reason.UNREADABLE, "no decoder for " + header.format());
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        boolean agrees =
            header.format() == ImageFormat.GIF
                ? w <= header.width() && h <= header.height()
                : w == header.width() && h == header.height();
        if (!agrees) {
          throw new ImageRefusedException(
              Reason.UNREADABLE,
              "the decoder sees "
                  + w
                  + " × "
                  + h
                  + ", the header "
                  + header.width()
                  + " × "
                  + header.height());
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (subsampling > 1) {
          param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw new ImageRefusedException(Reason.UNREADABLE, "the decoder returned nothing");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageRefusedException(Reason.UNREADABLE, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * The subsampling that keeps a decode of a {@code width} × {@code height} picture at or above
   * {@code targetLongSide} pixels on its long side (so the final scaling only shrinks) and within
   * {@code maxPixels}.
   */
  public static int subsamplingFor(long width, long height, int targetLongSide, long maxPixels) {
    long longSide = Math.max(width, height);
    int s = (int) Math.max(1, longSide / Math.max(1, targetLongSide));
    while ((width / s) * (height / s) > maxPixels) {
      s++;
    }
    return s;
  }
}
