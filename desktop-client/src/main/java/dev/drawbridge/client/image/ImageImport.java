package dev.drawbridge.client.image;

import dev.drawbridge.client.image.ImageRefusedException.Reason;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a picture file a user brings into a blob a board may hold (R107). PNG, JPEG and WebP files
 * within 4,096 pixels a side and 10 MiB are kept byte for byte (no quality lost, and the same file
 * inserted twice is stored once, R108); larger pictures are scaled down and re-encoded (PNG, or
 * JPEG for photos), GIF (first frame) and BMP become PNG, and anything still over 10 MiB becomes
 * JPEG. Headers are checked before decoding, and decodes are subsampled, so a decompression bomb is
 * refused without allocating its pixels and a 100-megapixel photo never needs 400 MB.
 */
public final class ImageImport {
  /** The longest side a picture on a board has (R107). */
  public static final int MAX_SIDE = ProtocolLimits.MAX_IMAGE_SIDE;

  /** The largest file uploaded: the relay's default {@code --max-blob-bytes} (R109). */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Files larger than this are not even read: no picture we would keep needs that much. */
  static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  /**
   * What a header may declare: more than any camera or panorama makes (a 200-megapixel phone photo
   * is about 16,000 × 12,000), far less than a bomb's 100,000 × 100,000.
   */
  static final long MAX_DECLARED_SIDE = 32_768;

  static final long MAX_DECLARED_PIXELS = 250_000_000L;

  /** The most pixels one subsampled decode holds (~100 MB as 32-bit pixels). */
  static final long MAX_DECODED_PIXELS = 24_000_000L;

  private static final float JPEG_QUALITY = 0.9f;

  private ImageImport() {}

  /** Reads {@code file} and imports it; see {@link #of(byte[])}. */
  public static ImportedImage of(Path file) throws ImageRefusedException, IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new ImageRefusedException(Reason.TOO_BIG, size + " bytes");
    }
    return of(Files.readAllBytes(file));
  }

  /** The blob-ready form of the picture file {@code bytes}. */
  public static ImportedImage of(byte[] bytes) throws ImageRefusedException {
    ImageHeader header = ImageDecoding.header(bytes, MAX_DECLARED_SIDE, MAX_DECLARED_PIXELS);
    ImageFormat format = header.format();
    boolean keptFormat =
        format == ImageFormat.PNG || format == ImageFormat.JPEG || format == ImageFormat.WEBP;
    if (keptFormat && header.fitsWithin(MAX_SIDE) && bytes.length <= MAX_BYTES) {
      // Kept as it is, but only once a decoder has read it: a broken file is refused here, not
      // shown broken to everyone on the board. A coarse subsampling keeps this check cheap in
      // memory.
      ImageDecoding.decode(
          bytes,
          header,
          ImageDecoding.subsamplingFor(header.width(), header.height(), 256, MAX_DECODED_PIXELS));
      return new ImportedImage(bytes, format, (int) header.width(), (int) header.height());
    }
    int[] size = Scaling.fit((int) header.width(), (int) header.height(), MAX_SIDE);
    int s =
        ImageDecoding.subsamplingFor(
            header.width(), header.height(), Math.max(size[0], size[1]), MAX_DECODED_PIXELS);
    BufferedImage decoded = ImageDecoding.decode(bytes, header, s);
    // A GIF's first frame may be smaller than its screen: fit what was decoded.
    int[] fitted = Scaling.fit(decoded.getWidth() * s, decoded.getHeight() * s, MAX_SIDE);
    fitted[0] = Math.min(fitted[0], decoded.getWidth());
    fitted[1] = Math.min(fitted[1], decoded.getHeight());
    BufferedImage scaled = Scaling.to(decoded, fitted[0], fitted[1]);
    decoded = null;
    boolean photo =
        format == ImageFormat.JPEG
            || format == ImageFormat.WEBP && !scaled.getColorModel().hasAlpha();
    ImageFormat out = photo ? ImageFormat.JPEG : ImageFormat.PNG;
    byte[] encoded = encode(scaled, out);
    if (encoded.length > MAX_BYTES && out == ImageFormat.PNG) {
      out = ImageFormat.JPEG;
      encoded = encode(scaled, out);
    }
    if (encoded.length > MAX_BYTES) {
      throw new ImageRefusedException(Reason.TOO_BIG, encoded.length + " bytes as JPEG");
    }
    return new ImportedImage(encoded, out, scaled.getWidth(), scaled.getHeight());
  }

  static byte[] encode(BufferedImage image, ImageFormat format) throws ImageRefusedException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (format == ImageFormat.PNG) {
        if (!ImageIO.write(image, "png", out)) {
          throw new IOException("no PNG writer");
        }
        return out.toByteArray();
      }
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        writer.write(null, new IIOImage(Scaling.opaque(image), null, null), param);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ImageRefusedException(Reason.UNREADABLE, "encoding failed: " + e.getMessage(), e);
    }
  }
}
