package dev.drawbridge.client.timelapse;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws one frame: {@code elements} over {@code area}, scaled to {@code width} × {@code height}.
 */
@FunctionalInterface
public interface FrameRenderer {
  /**
   * @throws InterruptedException when the export is cancelled while waiting for the renderer
   */
  BufferedImage render(List<Element> elements, Rect area, int width, int height)
      throws InterruptedException;
}
