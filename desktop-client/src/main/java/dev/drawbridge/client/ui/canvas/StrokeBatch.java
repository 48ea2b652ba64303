package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Zoomed far out, a run of thin opaque strokes is stroked as one path per colour and width: the
 * software rasteriser's cost is mostly per path, and at that size which of two crossing scribbles
 * is on top cannot be seen. Anything else (shapes, text, highlighters, dashed or dotted strokes)
 * ends the run, so paint order between strokes and other elements is kept.
 */
final class StrokeBatch {
  /** Below this zoom strokes are batched. */
  static final double MAX_SCALE = 0.5;

  private record Key(String color, double width) {}

  private final double scale;
  private final double minStep;
  private final Map<Key, double[]> paths = new LinkedHashMap<>();
  private final Map<Key, Integer> sizes = new LinkedHashMap<>();

  StrokeBatch(double scale) {
    this.scale = scale;
    this.minStep = 2.5 / scale;
  }

  /** Takes {@code e} into the batch, or returns false when it must be painted on its own. */
  boolean add(Element e) {
    if (e.kind() != ElementKind.STROKE
        || e.deleted()
        || e.style().opacity() < 1
        || e.style().dash() != null
        || e.style().width() * scale >= 2) {
      return false;
    }
    Points pts = e.points();
    int n = pts.size();
    if (n < 2) {
      return false;
    }
    double[] b = e.bounds();
    double extent = (Math.max(b[2] - b[0], b[3] - b[1]) + e.style().width()) * scale;
    if (extent < 3) {
      // The painter draws it as a dot.
      return false;
    }
    Key key = new Key(e.style().color(), Math.max(e.style().width(), 0.5));
    double[] buf = paths.computeIfAbsent(key, k -> new double[256]);
    int size = sizes.getOrDefault(key, 0);
    // A sub-path: its point count, then x, y pairs.
    int needed = size + 1 + 2 * n;
    if (needed > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
      paths.put(key, buf);
    }
    int countAt = size++;
    double lx = pts.x(0);
    double ly = pts.y(0);
    buf[size++] = e.x() + lx;
    buf[size++] = e.y() + ly;
    int kept = 1;
    for (int i = 1; i < n; i++) {
      double px = pts.x(i);
      double py = pts.y(i);
      if (i < n - 1 && Math.abs(px - lx) < minStep && Math.abs(py - ly) < minStep) {
        continue;
      }
      buf[size++] = e.x() + px;
      buf[size++] = e.y() + py;
      lx = px;
      ly = py;
      kept++;
    }
    buf[countAt] = kept;
    sizes.put(key, size);
    return true;
  }

  /** Strokes what was batched (one path per colour and width); returns the cost. */
  int flush(GraphicsContext gc, boolean dark) {
    if (paths.isEmpty()) {
      return 0;
    }
    int cost = 0;
    gc.save();
    gc.setGlobalAlpha(1);
    gc.setLineJoin(StrokeLineJoin.BEVEL);
    gc.setLineCap(StrokeLineCap.BUTT);
    for (Map.Entry<Key, double[]> entry : paths.entrySet()) {
      Key key = entry.getKey();
      double[] buf = entry.getValue();
      int size = sizes.get(key);
      gc.setStroke(ElementPainter.displayColor(key.color(), dark));
      gc.setLineWidth(key.width());
      gc.beginPath();
      int i = 0;
      while (i < size) {
        int count = (int) buf[i++];
        gc.moveTo(buf[i], buf[i + 1]);
        i += 2;
        for (int k = 1; k < count; k++) {
          gc.lineTo(buf[i], buf[i + 1]);
          i += 2;
        }
        cost += count;
      }
      gc.stroke();
      cost += 8;
    }
    gc.restore();
    paths.clear();
    sizes.clear();
    return cost;
  }
}
