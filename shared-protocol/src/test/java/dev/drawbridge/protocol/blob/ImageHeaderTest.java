package dev.drawbridge.protocol.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * R113, R115: the format and size of real files (written by javax.imageio, WebP by hand) read from
 * their header alone; truncated and garbage input gives no header and never throws.
 */
class ImageHeaderTest {
  private static BufferedImage image(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(w * 31L + h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return image;
  }

  static byte[] write(String format, int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertThat(ImageIO.write(image(w, h), format, out)).as(format).isTrue();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static byte[] progressiveJpeg(int w, int h) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image(w, h), null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static Optional<ImageHeader> header(ImageFormat format, long w, long h) {
    return Optional.of(new ImageHeader(format, w, h));
  }

  @Test
  void filesWrittenByImageIoAreReadWithTheirFormatAndSize() throws IOException {
    assertThat(ImageHeader.read(write("png", 37, 21))).isEqualTo(header(ImageFormat.PNG, 37, 21));
    assertThat(ImageHeader.read(write("jpeg", 40, 17))).isEqualTo(header(ImageFormat.JPEG, 40, 17));
    assertThat(ImageHeader.read(progressiveJpeg(33, 45)))
        .isEqualTo(header(ImageFormat.JPEG, 33, 45));
    assertThat(ImageHeader.read(write("gif", 19, 23))).isEqualTo(header(ImageFormat.GIF, 19, 23));
    assertThat(ImageHeader.read(write("bmp", 13, 11))).isEqualTo(header(ImageFormat.BMP, 13, 11));
  }

  @Test
  void aProgressiveJpegHasItsSizeInAnSof2Segment() throws IOException {
    byte[] jpeg = progressiveJpeg(8, 8);
    boolean sof2 = false;
    for (int i = 0; i + 1 < jpeg.length; i++) {
      sof2 |= (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC2;
    }
    assertThat(sof2).as("the writer made a progressive file").isTrue();
  }

  @Test
  void aTopDownBmpHasANegativeHeightWhoseMagnitudeIsTheSize() {
    byte[] bmp = write("bmp", 13, 11);
    ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -11);
    assertThat(ImageHeader.read(bmp)).isEqualTo(header(ImageFormat.BMP, 13, 11));
  }

  /** OS/2 1.x: a 12-byte BITMAPCOREHEADER with 16-bit sides. */
  @Test
  void anOs2BmpIsReadFromItsCoreHeader() {
    ByteBuffer b = ByteBuffer.allocate(26 + 6).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(32).putInt(0).putInt(26);
    b.putInt(12)
        .putShort((short) 300)
        .putShort((short) 200)
        .putShort((short) 1)
        .putShort((short) 24);
    assertThat(ImageHeader.read(b.array())).isEqualTo(header(ImageFormat.BMP, 300, 200));
  }

  private static ByteBuffer riff(String chunk, int payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(12 + payload).put(ascii("WEBP")).put(ascii(chunk)).putInt(payload);
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void webpLossyLosslessAndExtendedHeadersMadeByHand() {
    ByteBuffer vp8 = riff("VP8 ", 10);
    vp8.put(new byte[] {0x10, 0x02, 0x00}).put(new byte[] {(byte) 0x9D, 0x01, 0x2A});
    vp8.putShort((short) (640 | 1 << 14)).putShort((short) 480); // scale bits are not the size
    assertThat(ImageHeader.read(vp8.array())).isEqualTo(header(ImageFormat.WEBP, 640, 480));

    ByteBuffer vp8l = riff("VP8L", 5);
    vp8l.put((byte) 0x2F).putInt((1000 - 1) | (750 - 1) << 14);
    assertThat(ImageHeader.read(vp8l.array())).isEqualTo(header(ImageFormat.WEBP, 1000, 750));

    ByteBuffer vp8x = riff("VP8X", 10);
    vp8x.putInt(0x10); // flags and reserved bytes
    vp8x.put(new byte[] {(byte) 0x9F, (byte) 0x86, 0x01}); // 99,999 + 1 across
    vp8x.put(new byte[] {0x00, 0x10, 0x00}); // 4,096 + 1 down
    Optional<ImageHeader> x = ImageHeader.read(vp8x.array());
    assertThat(x).isEqualTo(header(ImageFormat.WEBP, 100_000, 4_097));
    assertThat(x.get().fitsWithin(4_096)).isFalse();

    ByteBuffer noStartCode = riff("VP8 ", 10);
    noStartCode.put(new byte[] {0, 0, 0, 1, 2, 3});
    assertThat(ImageHeader.read(noStartCode.array())).isEmpty();
  }

  @Test
  void aDecompressionBombIsTooBigByItsHeaderAlone() {
    ByteBuffer png = ByteBuffer.allocate(33);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(ascii("IHDR")).putInt(100_000).putInt(100_000);
    Optional<ImageHeader> h = ImageHeader.read(png.array());
    assertThat(h).isEqualTo(header(ImageFormat.PNG, 100_000, 100_000));
    assertThat(h.get().fitsWithin(4_096)).isFalse();
    assertThat(new ImageHeader(ImageFormat.PNG, 4_096, 1).fitsWithin(4_096)).isTrue();
    assertThat(new ImageHeader(ImageFormat.PNG, 0, 1).fitsWithin(4_096)).isFalse();
  }

  /** Every prefix of every format: a header or none, never an exception (R115). */
  @Test
  void truncatedFilesNeverThrow() throws IOException {
    List<byte[]> files =
        List.of(
            write("png", 5, 5),
            write("jpeg", 5, 5),
            progressiveJpeg(5, 5),
            write("gif", 5, 5),
            write("bmp", 5, 5));
    for (byte[] file : files) {
      for (int n = 0; n < Math.min(file.length, 700); n++) {
        Optional<ImageHeader> h = ImageHeader.read(java.util.Arrays.copyOf(file, n));
        if (n < 6) {
          assertThat(h).isEmpty();
        }
      }
    }
  }

  @Test
  void garbageNeverThrowsEvenBehindAValidSignature() {
    Random random = new Random(15);
    byte[][] signatures = {
      {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
      {(byte) 0xFF, (byte) 0xD8},
      {'G', 'I', 'F', '8', '9', 'a'},
      {'B', 'M'},
      {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'},
      {}
    };
    for (int i = 0; i < 20_000; i++) {
      byte[] signature = signatures[i % signatures.length];
      byte[] b = new byte[signature.length + random.nextInt(64)];
      random.nextBytes(b);
      System.arraycopy(signature, 0, b, 0, signature.length);
      ImageHeader.read(b); // must return, whatever it says
    }
    assertThat(ImageHeader.read(new byte[0])).isEmpty();
    assertThat(ImageHeader.read("plain text".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }
}
