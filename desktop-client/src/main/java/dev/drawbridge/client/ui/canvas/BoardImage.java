package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Renders elements offscreen to an image (PNG export). Call on the JavaFX thread. */
public final class BoardImage {
  /** The largest side an export image gets; bigger areas are scaled down to fit. */
  public static final int MAX_SIDE = 8192;

  private BoardImage() {}

  /** The pixel size of {@code area} at {@code scale}, after the {@link #MAX_SIDE} cap. */
  public static int[] pixelSize(Rect area, double scale) {
    double s = effectiveScale(area, scale);
    return new int[] {
      Math.max(1, (int) Math.ceil(area.width() * s)),
      Math.max(1, (int) Math.ceil(area.height() * s))
    };
  }

  private static double effectiveScale(Rect area, double scale) {
    double longest = Math.max(area.width(), area.height()) * scale;
    return longest > MAX_SIDE ? scale * MAX_SIDE / longest : scale;
  }

  /** Renders {@code elements} with every image as a placeholder. */
  public static WritableImage render(List<Element> elements, Rect area, double scale) {
    return render(elements, area, scale, PictureSource.NONE);
  }

  /**
   * Renders {@code elements} over {@code area} at {@code scale} pixels per board unit; image
   * elements get their pictures from {@code pictures}, which should decode at once ({@link
   * Pictures#now()}): an export is a single frame, with no later repaint to fill a placeholder.
   */
  public static WritableImage render(
      List<Element> elements, Rect area, double scale, PictureSource pictures) {
    double s = effectiveScale(area, scale);
    int[] size = pixelSize(area, scale);
    Canvas canvas = new Canvas(size[0], size[1]);
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.setFill(Color.WHITE);
    gc.fillRect(0, 0, size[0], size[1]);
    gc.setTransform(s, 0, 0, s, -area.minX() * s, -area.minY() * s);
    List<Element> sorted = new ArrayList<>(elements);
    sorted.sort(ZOrder.PAINT_ORDER);
    for (Element e : sorted) {
      ElementPainter.paint(gc, e, 0, 0, false, Double.POSITIVE_INFINITY, pictures);
    }
    SnapshotParameters params = new SnapshotParameters();
    params.setFill(Color.WHITE);
    return canvas.snapshot(params, new WritableImage(size[0], size[1]));
  }
}
