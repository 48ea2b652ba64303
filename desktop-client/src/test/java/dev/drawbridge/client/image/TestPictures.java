package dev.drawbridge.client.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;

/** Small picture files made with ImageIO for the tests (WebP ones are committed resources). */
public final class TestPictures {
  private TestPictures() {}

  /** A {@code w} × {@code h} picture of one colour, with a white left half to see orientation. */
  public static BufferedImage image(int w, int h, Color color) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] file(int w, int h, Color color, String format) {
    return encode(image(w, h, color), format);
  }

  /** A GIF of two frames, {@code first} then {@code second}. */
  public static byte[] animatedGif(int w, int h, Color first, Color second) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
        for (Color c : new Color[] {first, second}) {
          BufferedImage frame = image(w, h, c);
          IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
          writer.writeToSequence(new IIOImage(frame, null, meta), null);
        }
        writer.endWriteSequence();
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A decompression bomb: a valid PNG signature and IHDR claiming {@code w} × {@code h} pixels, and
   * nothing else (a real one adds a few KB of deflated zeros).
   */
  public static byte[] pngClaiming(long w, long h) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    b.putInt(13);
    int crcFrom = b.position();
    b.put(new byte[] {'I', 'H', 'D', 'R'});
    b.putInt((int) w).putInt((int) h);
    b.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(b.array(), crcFrom, 17);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  public static byte[] resource(String name) {
    try (InputStream in = TestPictures.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
