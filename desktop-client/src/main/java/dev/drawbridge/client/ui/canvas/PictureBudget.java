package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;

/**
 * Tells the pictures what the view and the tiles' margin around it show, so that their budget
 * follows it ({@link Pictures#viewNeeds}): counted again when the zoom has changed by a quarter, or
 * the view has moved half its size, since the last count (not every pulse of a wheel zoom or a
 * pan).
 */
final class PictureBudget {
  private final ElementLayers layers;
  private final Pictures pictures;
  private Rect counted;
  private double countedScale;

  PictureBudget(ElementLayers layers, Pictures pictures) {
    this.layers = layers;
    this.pictures = pictures;
  }

  /** The view now shows {@code area} (board units) at {@code scale}. */
  void viewMoved(Rect area, double scale) {
    Rect last = counted;
    if (last != null
        && Math.abs(scale / countedScale - 1) < 0.25
        && Math.abs(area.minX() - last.minX()) < area.width() / 2
        && Math.abs(area.minY() - last.minY()) < area.height() / 2) {
      return;
    }
    counted = area;
    countedScale = scale;
    long need = 0;
    for (Element e : layers.imagesIn(area.inflate(TileLevel.TILE / scale))) {
      need += Pictures.bytesFor(e.image(), Math.abs(e.w()) * scale, Math.abs(e.h()) * scale);
    }
    pictures.viewNeeds(need);
  }
}
