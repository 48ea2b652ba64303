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
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

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
    return decode(bytes, header, subsampling, false);
  }

  /**
   * As {@link #decode(byte[], ImageHeader, int)}, but a subsampled decode goes into a buffer this
   * thread keeps for its next one (when the decoder can write 32-bit RGB, as JPEG's can): the
   * result is only valid until this thread decodes again, so scale or copy it first. The canvas's
   * decoder thread decodes photos at twice the size it keeps; a new buffer each time was most of
   * the garbage left after {@link MemoryCacheImageInputStream} (docs/performance.md).
   */
  public static BufferedImage decodeIntoReused(byte[] bytes, ImageHeader header, int subsampling)
      throws ImageRefusedException {
    return decode(bytes, header, subsampling, subsampling > 1);
  }

  /** The largest decode kept for reuse: 4 megapixels, 16 MB. */
  private static final long MAX_REUSED_PIXELS = 4L << 20;

  private static final ThreadLocal<BufferedImage> REUSED = new ThreadLocal<>();

  private static BufferedImage decode(
      byte[] bytes, ImageHeader header, int subsampling, boolean reuse)
      throws ImageRefusedException {
    // Not ImageIO.createImageInputStream: for a stream it caches to a temporary file through a new
    // heap buffer per block, a fifth of what the photo benchmark allocated (docs/performance.md).
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
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
        int dw = (w + subsampling - 1) / subsampling;
        int dh = (h + subsampling - 1) / subsampling;
        BufferedImage reused = reuse ? reusable(reader, dw, dh) : null;
        if (reused != null) {
          param.setDestination(reused);
        }
        BufferedImage image = reader.read(0, param);
        if (reused != null && image != null) {
          image = image.getSubimage(0, 0, dw, dh);
        }
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

  /** This thread's reusable 32-bit RGB buffer of at least dw × dh, or null. */
  private static BufferedImage reusable(ImageReader reader, int dw, int dh) throws IOException {
    if ((long) dw * dh > MAX_REUSED_PIXELS) {
      return null;
    }
    boolean intRgb = false;
    for (Iterator<ImageTypeSpecifier> it = reader.getImageTypes(0); it.hasNext(); ) {
      intRgb |= it.next().getBufferedImageType() == BufferedImage.TYPE_INT_RGB;
    }
    if (!intRgb) {
      return null;
    }
    BufferedImage b = REUSED.get();
    if (b == null || b.getWidth() < dw || b.getHeight() < dh) {
      int w = b == null ? dw : Math.max(dw, b.getWidth());
      int h = b == null ? dh : Math.max(dh, b.getHeight());
      if ((long) w * h > MAX_REUSED_PIXELS) {
        w = dw;
        h = dh;
      }
      b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      REUSED.set(b);
    }
    return b;
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
