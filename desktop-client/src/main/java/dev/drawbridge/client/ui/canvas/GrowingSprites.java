package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * Others' growing strokes each get a small canvas of their own bounds, so a few new points cost a
 * repaint of that stroke, not a clear and blend of the whole window.
 */
final class GrowingSprites {
  private final Map<String, Canvas> sprites = new LinkedHashMap<>();
  private final Group layer = new Group();

  GrowingSprites() {
    layer.setManaged(false);
    layer.setMouseTransparent(true);
  }

  Group node() {
    return layer;
  }

  /** Shows exactly these strokes (others' sprites are dropped), clipped to the window. */
  void paint(
      Collection<String> ids,
      BoardState view,
      Function<String, Rect> bounds,
      Set<String> hidden,
      Viewport viewport,
      double width,
      double height,
      boolean dark) {
    double s = viewport.scale();
    Map<String, Canvas> keep = new LinkedHashMap<>();
    for (String id : ids) {
      Element e = view.get(id);
      Rect r = bounds.apply(id);
      if (e == null || e.deleted() || hidden.contains(id) || r == null) {
        continue;
      }
      Canvas sprite = sprites.remove(id);
      if (sprite == null) {
        sprite = new Canvas();
        sprite.setManaged(false);
        sprite.setMouseTransparent(true);
        layer.getChildren().add(sprite);
      }
      double x0 = Math.floor(viewport.toScreenX(r.minX())) - 1;
      double y0 = Math.floor(viewport.toScreenY(r.minY())) - 1;
      double x1 = Math.ceil(viewport.toScreenX(r.maxX())) + 1;
      double y1 = Math.ceil(viewport.toScreenY(r.maxY())) + 1;
      // Only the part in view (plus a pixel), so a huge stroke never makes a huge bitmap.
      x0 = Math.max(x0, -1);
      y0 = Math.max(y0, -1);
      x1 = Math.min(x1, Math.ceil(width) + 1);
      y1 = Math.min(y1, Math.ceil(height) + 1);
      // Grown in steps of 64 px: a new bitmap for every few points would cost more than it saves.
      double w = Math.ceil(Math.max(1, x1 - x0) / 64) * 64;
      double h = Math.ceil(Math.max(1, y1 - y0) / 64) * 64;
      if (sprite.getWidth() < w || sprite.getHeight() < h) {
        sprite.setWidth(w);
        sprite.setHeight(h);
      }
      sprite.relocate(x0, y0);
      GraphicsContext gc = sprite.getGraphicsContext2D();
      gc.setTransform(1, 0, 0, 1, 0, 0);
      gc.clearRect(0, 0, w, h);
      gc.setTransform(s, 0, 0, s, viewport.offsetX() - x0, viewport.offsetY() - y0);
      ElementPainter.paint(gc, e, 0, 0, dark, s);
      keep.put(id, sprite);
    }
    for (Canvas old : sprites.values()) {
      layer.getChildren().remove(old);
    }
    sprites.clear();
    sprites.putAll(keep);
  }
}
