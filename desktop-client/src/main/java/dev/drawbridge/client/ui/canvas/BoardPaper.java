package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Grid;
import dev.drawbridge.client.geom.Rect;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The board's background: its colour per theme and the optional grid, painted under the tiles. */
final class BoardPaper {
  private BoardPaper() {}

  static Color background(boolean dark) {
    return dark ? Color.web("#161618") : Color.WHITE;
  }

  /** Paints {@code area} (board units; the transform maps board to pixels at {@code scale}). */
  static void paint(GraphicsContext gc, Rect area, double scale, boolean dark, boolean grid) {
    gc.setFill(background(dark));
    gc.fillRect(area.minX(), area.minY(), area.width(), area.height());
    if (!grid) {
      return;
    }
    // Lines at least 12 px apart: the step grows ×5 when zoomed out (snapping uses the same).
    double step = Grid.step(scale);
    gc.setStroke(dark ? Color.web("#2a2a2e") : Color.web("#eef0f3"));
    gc.setLineWidth(1 / scale);
    double x0 = Math.floor(area.minX() / step) * step;
    double y0 = Math.floor(area.minY() / step) * step;
    gc.beginPath();
    for (double x = x0; x <= area.maxX(); x += step) {
      gc.moveTo(x, area.minY());
      gc.lineTo(x, area.maxY());
    }
    for (double y = y0; y <= area.maxY(); y += step) {
      gc.moveTo(area.minX(), y);
      gc.lineTo(area.maxX(), y);
    }
    gc.stroke();
  }
}
