package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.ui.geom.ArrowHead;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints one element in board units onto a GraphicsContext whose transform maps board to pixels.
 */
public final class ElementPainter {
  /** Line height as a multiple of the font size (matches Element.bounds()). */
  public static final double LINE_HEIGHT = 1.25;

  private ElementPainter() {}

  /** Paints {@code e} shifted by (dx, dy) board units. */
  public static void paint(GraphicsContext gc, Element e, double dx, double dy, boolean dark) {
    if (e.deleted()) {
      return;
    }
    Style s = e.style();
    Color color = displayColor(s.color(), dark);
    gc.save();
    gc.setGlobalAlpha(s.opacity());
    gc.setStroke(color);
    gc.setFill(color);
    gc.setLineWidth(Math.max(s.width(), 0.5));
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    double x = e.x() + dx;
    double y = e.y() + dy;
    switch (e.kind()) {
      case STROKE, HIGHLIGHTER -> paintFreehand(gc, e.points(), x, y, s.width());
      case LINE -> gc.strokeLine(x, y, x + e.w(), y + e.h());
      case ARROW -> {
        double tx = x + e.w();
        double ty = y + e.h();
        gc.strokeLine(x, y, tx, ty);
        double[] b = ArrowHead.barbs(x, y, tx, ty, s.width());
        gc.strokePolyline(new double[] {b[0], tx, b[2]}, new double[] {b[1], ty, b[3]}, 3);
      }
      case RECTANGLE -> {
        if (s.fill()) {
          gc.fillRect(x, y, e.w(), e.h());
        }
        gc.strokeRect(x, y, e.w(), e.h());
      }
      case ELLIPSE -> {
        if (s.fill()) {
          gc.fillOval(x, y, e.w(), e.h());
        }
        gc.strokeOval(x, y, e.w(), e.h());
      }
      case TEXT -> paintText(gc, e, x, y);
    }
    gc.restore();
  }

  /** A quadratic curve through the midpoints of the points: smooth without overshoot. */
  static void paintFreehand(GraphicsContext gc, Points pts, double x, double y, double width) {
    int n = pts.size();
    if (n == 0) {
      return;
    }
    if (n == 1 || n == 2 && pts.x(0) == pts.x(1) && pts.y(0) == pts.y(1)) {
      double r = Math.max(width, 1) / 2;
      gc.fillOval(x + pts.x(0) - r, y + pts.y(0) - r, 2 * r, 2 * r);
      return;
    }
    gc.beginPath();
    gc.moveTo(x + pts.x(0), y + pts.y(0));
    for (int i = 1; i < n - 1; i++) {
      double mx = (pts.x(i) + pts.x(i + 1)) / 2;
      double my = (pts.y(i) + pts.y(i + 1)) / 2;
      gc.quadraticCurveTo(x + pts.x(i), y + pts.y(i), x + mx, y + my);
    }
    gc.lineTo(x + pts.x(n - 1), y + pts.y(n - 1));
    gc.stroke();
  }

  private static void paintText(GraphicsContext gc, Element e, double x, double y) {
    String text = e.text() == null ? "" : e.text();
    double fs = e.style().fontSize();
    gc.setFont(font(fs));
    gc.setTextBaseline(VPos.TOP);
    gc.setTextAlign(TextAlignment.LEFT);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      gc.fillText(lines[i], x, y + i * fs * LINE_HEIGHT);
    }
  }

  /** The font text elements use at {@code size} board units. */
  public static Font font(double size) {
    return Font.font("System", size);
  }

  /**
   * The colour to show for a stored colour: on a dark board near-black ink is shown light (and the
   * other way round), so the default ink stays readable in both themes; other colours are kept.
   */
  public static Color displayColor(String stored, boolean dark) {
    Color c = Color.web(stored);
    double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    if (dark && luminance < 0.2) {
      return Color.color(
              1 - c.getRed() * 0.8, 1 - c.getGreen() * 0.8, 1 - c.getBlue() * 0.8, c.getOpacity())
          .deriveColor(0, 1, 0.92, 1);
    }
    return c;
  }
}
