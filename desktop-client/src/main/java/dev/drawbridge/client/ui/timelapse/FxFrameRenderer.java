package dev.drawbridge.client.ui.timelapse;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.timelapse.FrameRenderer;
import dev.drawbridge.client.ui.canvas.BoardImage;
import dev.drawbridge.client.ui.canvas.PictureSource;
import dev.drawbridge.protocol.element.Element;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;

/**
 * Draws frames with the PNG export's renderer ({@link BoardImage}), pictures included: a canvas
 * snapshot must be taken on the JavaFX thread, so each frame is drawn there and handed back; the
 * export thread waits for it and does the encoding, which is the slow part, itself.
 */
public final class FxFrameRenderer implements FrameRenderer {
  private final PictureSource pictures;

  /**
   * @param pictures a source that decodes at once ({@code Pictures.now()})
   */
  public FxFrameRenderer(PictureSource pictures) {
    this.pictures = pictures;
  }

  @Override
  public BufferedImage render(List<Element> elements, Rect area, int width, int height)
      throws InterruptedException {
    CompletableFuture<WritableImage> drawn = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            drawn.complete(BoardImage.render(elements, area, width / area.width(), pictures));
          } catch (RuntimeException e) {
            drawn.completeExceptionally(e);
          }
        });
    WritableImage image;
    try {
      image = drawn.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("A timelapse frame could not be drawn", e.getCause());
    }
    // The renderer rounds its size up: drawn into the exact size, as opaque RGB.
    return toRgb(SwingFXUtils.fromFXImage(image, null), width, height);
  }

  /** The frame as opaque RGB of exactly {@code width} × {@code height} (encoders want that). */
  private static BufferedImage toRgb(BufferedImage source, int width, int height) {
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    return rgb;
  }
}
