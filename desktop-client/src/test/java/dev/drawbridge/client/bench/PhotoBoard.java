package dev.drawbridge.client.bench;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The board issue 15's picture targets are measured on: 200 synthetic photos of 2 to 12 megapixels
 * (JPEG at quality 0.85: gradients, shapes and per-pixel noise, so they compress about as badly as
 * camera photos, ~1–3 bits a pixel) in a 20 × 10 grid, each shown 600 board units on its long side,
 * 700 apart: 14,000 × 7,000 units. The files are made once and kept in a directory (generating them
 * takes a minute or two); their bytes live in a {@link BlobStore} on disk, as on a real board.
 */
public final class PhotoBoard {
  public static final int PHOTOS = 200;
  public static final int COLUMNS = 20;
  public static final double CELL = 700;
  public static final double SHOWN = 600;
  public static final double WIDTH = COLUMNS * CELL;
  public static final double HEIGHT = (PHOTOS / COLUMNS) * CELL;

  private PhotoBoard() {}

  /**
   * Generates the photos into {@code dir} unless they are there, and stores them in {@code store}.
   */
  public static List<Element> elements(Path dir, BlobStore store) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(15);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < PHOTOS; i++) {
      double megapixels = 2 + r.nextDouble() * 10;
      double aspect = new double[] {4 / 3.0, 3 / 2.0, 16 / 9.0}[r.nextInt(3)];
      int w = (int) Math.min(4096, Math.sqrt(megapixels * 1e6 * aspect));
      int h = (int) Math.min(4096, w / aspect);
      if (r.nextInt(4) == 0) {
        int t = w;
        w = h;
        h = t;
      }
      long seed = r.nextLong();
      Path file = dir.resolve(String.format("photo-%03d-%dx%d.jpg", i, w, h));
      if (!Files.isRegularFile(file)) {
        Files.write(file, jpeg(w, h, seed));
      }
      String blob = copyInto(store, file);
      double f = SHOWN / Math.max(w, h);
      double x = (i % COLUMNS) * CELL + (CELL - w * f) / 2;
      double y = (i / COLUMNS) * CELL + (CELL - h * f) / 2;
      out.add(
          Element.ofImage(
              "photo-" + i, x, y, w * f, h * f, new ImageRef(blob, "image/jpeg", w, h), i + 1));
    }
    return out;
  }

  /**
   * Puts {@code file} into {@code store} as {@code put} would, without reading it into the heap:
   * the benchmark measures the app's memory, and 228 MB of files read at once would grow the heap
   * before the board is even shown.
   */
  private static String copyInto(BlobStore store, Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String blob = HexFormat.of().formatHex(sha.digest());
    Path target = store.path(blob);
    if (!Files.isRegularFile(target)) {
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
    return blob;
  }

  private static byte[] jpeg(int w, int h, long seed) throws IOException {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, color(r), w, h, color(r)));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 40; i++) {
      g.setColor(color(r));
      int s = w / 8 + r.nextInt(w / 3);
      g.fillOval(r.nextInt(w) - s / 2, r.nextInt(h) - s / 2, s, s * (1 + r.nextInt(3)) / 2);
    }
    g.dispose();
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xFF) + r.nextInt(25) - 12));
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(img, null, null), p);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static Color color(Random r) {
    return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
  }
}
