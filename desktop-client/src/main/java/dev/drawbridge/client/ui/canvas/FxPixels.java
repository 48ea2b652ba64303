package dev.drawbridge.client.ui.canvas;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.nio.IntBuffer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A decoded picture as a JavaFX image, not copied. {@code SwingFXUtils.toFXImage} first converts
 * anything but ARGB to a premultiplied copy and then copies that; with hundreds of photos decoded
 * while panning, those extra full-size copies were most of the garbage (and so of the heap the JVM
 * grew). Opaque 32-bit pixels are made premultiplied ARGB in place (alpha set to 255) and the image
 * is a {@link PixelBuffer} over the decoded pixels themselves: the decoder's buffer becomes the
 * image, so a decode leaves no second picture-sized array behind.
 */
final class FxPixels {
  private FxPixels() {}

  /**
   * {@code decoded} as a JavaFX image; {@code decoded} may be changed, and its pixels are the
   * image's: it must not be reused or changed afterwards.
   */
  static Image of(BufferedImage decoded) {
    BufferedImage argb = premultiplied(decoded);
    int w = argb.getWidth();
    int h = argb.getHeight();
    int[] data = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
    return new WritableImage(
        new PixelBuffer<>(w, h, IntBuffer.wrap(data), PixelFormat.getIntArgbPreInstance()));
  }

  private static BufferedImage premultiplied(BufferedImage img) {
    boolean whole =
        img.getRaster().getDataBuffer() instanceof DataBufferInt
            && img.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm
            && sm.getScanlineStride() == img.getWidth()
            && img.getRaster().getSampleModelTranslateX() == 0
            && img.getRaster().getSampleModelTranslateY() == 0;
    if (whole && img.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
      return img;
    }
    if (whole && img.getType() == BufferedImage.TYPE_INT_RGB) {
      int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < data.length; i++) {
        data[i] |= 0xFF000000;
      }
      return img;
    }
    BufferedImage out =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }
}
