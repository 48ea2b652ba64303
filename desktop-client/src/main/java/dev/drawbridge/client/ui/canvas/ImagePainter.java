package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.protocol.element.Element;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.transform.Affine;

/**
 * Paints an image element (R107): its picture stretched over the element's box, or, while there is
 * none to draw, a neutral box with a picture glyph (and a cross over the glyph when the picture is
 * broken, R115). The glyph is drawn with paths rather than an icon font so that it is the same in
 * tiles, exports and on every platform. Opacity is the caller's (ElementPainter sets it).
 */
final class ImagePainter {
  private static final Color PAPER = Color.web("#e9ecef");
  private static final Color PAPER_DARK = Color.web("#343a40");
  private static final Color INK = Color.web("#adb5bd");
  private static final Color INK_DARK = Color.web("#6c757d");
  private static final Color BROKEN = Color.web("#e03131");

  /** The glyph's size on screen, at most: big enough to read, small on a large picture. */
  private static final double GLYPH_PX = 40;

  private ImagePainter() {}

  static void paint(
      GraphicsContext gc, Element e, double x, double y, boolean dark, PictureSource pictures) {
    double w = Math.abs(e.w());
    double h = Math.abs(e.h());
    double left = e.w() < 0 ? x + e.w() : x;
    double top = e.h() < 0 ? y + e.h() : y;
    if (w == 0 || h == 0) {
      return;
    }
    Affine t = gc.getTransform();
    double sx = Math.hypot(t.getMxx(), t.getMyx());
    double sy = Math.hypot(t.getMxy(), t.getMyy());
    Picture picture = pictures.picture(e.image(), w * sx, h * sy);
    if (picture instanceof Picture.Ready ready) {
      gc.drawImage(ready.image(), left, top, w, h);
      return;
    }
    placeholder(gc, left, top, w, h, Math.max(sx, 1e-9), dark, picture instanceof Picture.Broken);
  }

  private static void placeholder(
      GraphicsContext gc,
      double x,
      double y,
      double w,
      double h,
      double scale,
      boolean dark,
      boolean broken) {
    Color ink = dark ? INK_DARK : INK;
    gc.setFill(dark ? PAPER_DARK : PAPER);
    gc.fillRect(x, y, w, h);
    gc.setStroke(ink);
    gc.setLineWidth(1 / scale);
    gc.strokeRect(x, y, w, h);
    double g = Math.min(Math.min(w, h) * 0.4, GLYPH_PX / scale);
    double gx = x + (w - g) / 2;
    double gy = y + (h - g * 0.8) / 2;
    double gh = g * 0.8;
    gc.setLineCap(StrokeLineCap.ROUND);
    gc.setLineJoin(StrokeLineJoin.ROUND);
    gc.setLineWidth(Math.max(g / 14, 0.5 / scale));
    // A framed landscape: a sun and two hills.
    gc.strokeRect(gx, gy, g, gh);
    gc.setFill(ink);
    double r = g * 0.09;
    gc.fillOval(gx + g * 0.68 - r, gy + gh * 0.3 - r, 2 * r, 2 * r);
    gc.fillPolygon(
        new double[] {gx + g * 0.08, gx + g * 0.38, gx + g * 0.58, gx + g * 0.7, gx + g * 0.92},
        new double[] {gy + gh * 0.9, gy + gh * 0.42, gy + gh * 0.72, gy + gh * 0.58, gy + gh * 0.9},
        5);
    if (broken) {
      gc.setStroke(BROKEN);
      gc.setLineWidth(Math.max(g / 10, 0.75 / scale));
      gc.strokeLine(gx - g * 0.1, gy - g * 0.1, gx + g * 1.1, gy + gh + g * 0.1);
    }
  }
}
