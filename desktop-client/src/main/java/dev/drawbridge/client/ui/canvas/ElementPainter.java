package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.ArrowHead;
import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
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

  // Parsing "#RRGGBB" for every element painted showed in profiles; boards use a few colours.
  private static final java.util.Map<String, Color> COLORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ElementPainter() {}

  /** Paints {@code e} shifted by (dx, dy) board units, in full detail. */
  public static void paint(GraphicsContext gc, Element e, double dx, double dy, boolean dark) {
    paint(gc, e, dx, dy, dark, Double.POSITIVE_INFINITY);
  }

  /**
   * Paints {@code e} shifted by (dx, dy) board units at {@code scale} pixels per board unit, with
   * no more detail than the pixels can show: freehand points closer than a pixel to the last one
   * drawn are skipped (2.5 pixels below 50 %), short segments become straight lines, and a stroke
   * smaller than three pixels becomes a dot. Returns a rough cost (path segments issued, plus a
   * constant per element) that the tiled layer budgets per pulse.
   */
  public static int paint(
      GraphicsContext gc, Element e, double dx, double dy, boolean dark, double scale) {
    return paint(gc, e, dx, dy, dark, scale, PictureSource.NONE);
  }

  /**
   * As {@link #paint(GraphicsContext, Element, double, double, boolean, double)}, with pictures.
   */
  public static int paint(
      GraphicsContext gc,
      Element e,
      double dx,
      double dy,
      boolean dark,
      double scale,
      PictureSource pictures) {
    if (e.deleted()) {
      return 0;
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
    if (s.dash() != null && Dash.appliesTo(e)) {
      gc.setLineDashes(s.dash().patternFor(e)); // R125: outlines only
    }
    double x = e.x() + dx;
    double y = e.y() + dy;
    int cost = 8;
    switch (e.kind()) {
      case STROKE, HIGHLIGHTER -> cost += paintFreehand(gc, e, x, y, s.width(), scale);
      case LINE, ARROW -> paintConnector(gc, e, x, y, dark);
      case RECTANGLE -> {
        if (e.hasImage()) {
          ImagePainter.paint(gc, e, x, y, dark, pictures);
          cost += 40;
        } else {
          if (s.fill()) {
            gc.fillRect(x, y, e.w(), e.h());
          }
          gc.strokeRect(x, y, e.w(), e.h());
        }
      }
      case ELLIPSE -> {
        if (s.fill()) {
          gc.fillOval(x, y, e.w(), e.h());
        }
        gc.strokeOval(x, y, e.w(), e.h());
      }
      case TEXT -> {
        if (e.isNote()) {
          paintNote(gc, e, x, y);
        } else {
          paintText(gc, e, x, y);
        }
        cost += 40;
      }
    }
    gc.restore();
    return cost;
  }

  /**
   * A line or arrow from (x, y) to (x + w, y + h), straight or elbowed (R103), with its label at
   * the middle of the route (R104). Bound ends are already resolved by the caller (the element is
   * "drawn", see DrawnConnectors).
   */
  private static void paintConnector(
      GraphicsContext gc, Element e, double x, double y, boolean dark) {
    double[] route = Connectors.route(e, new double[] {x, y, x + e.w(), y + e.h()});
    int n = route.length / 2;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = route[2 * i];
      ys[i] = route[2 * i + 1];
    }
    gc.strokePolyline(xs, ys, n);
    if (e.kind() == ElementKind.ARROW) {
      double tx = xs[n - 1];
      double ty = ys[n - 1];
      double[] b = ArrowHead.barbs(xs[n - 2], ys[n - 2], tx, ty, e.style().width());
      gc.setLineDashes(); // the head stays solid on a dashed arrow (R125)
      gc.strokePolyline(new double[] {b[0], tx, b[2]}, new double[] {b[1], ty, b[3]}, 3);
    }
    if (e.label() != null) {
      double[] mid = Connectors.midpoint(route);
      double[] size = DrawnConnectors.labelSize(e);
      double fs = DrawnConnectors.labelFontSize(e);
      Paint ink = gc.getFill();
      gc.setFill(BoardPaper.background(dark));
      gc.fillRect(mid[0] - size[0] / 2 - 3, mid[1] - size[1] / 2 - 2, size[0] + 6, size[1] + 4);
      gc.setFill(ink);
      fillLines(
          gc,
          List.of(e.label().split("\n", -1)),
          mid[0],
          mid[1] - size[1] / 2,
          fs,
          LINE_HEIGHT,
          TextAlignment.CENTER);
    }
  }

  /**
   * A quadratic curve through the midpoints of the points: smooth without overshoot. Where a pixel
   * is larger than the stroke's steps, a polyline through the points (skipping those under a pixel
   * apart) looks the same and costs the rasteriser much less.
   */
  static int paintFreehand(
      GraphicsContext gc, Element e, double x, double y, double width, double scale) {
    Points pts = e.points();
    int n = pts.size();
    if (n == 0) {
      return 0;
    }
    if (n == 1 || n == 2 && pts.x(0) == pts.x(1) && pts.y(0) == pts.y(1)) {
      double r = Math.max(width, 1) / 2;
      gc.fillOval(x + pts.x(0) - r, y + pts.y(0) - r, 2 * r, 2 * r);
      return 1;
    }
    if (Double.isFinite(scale)) {
      double[] b = e.bounds();
      double extent = (Math.max(b[2] - b[0], b[3] - b[1]) + width) * scale;
      if (extent < 3) {
        // Smaller than three pixels: a dot of the stroke's colour says as much.
        double side = Math.max(extent, 1) / scale;
        double cx = (b[0] + b[2]) / 2 + x - e.x();
        double cy = (b[1] + b[3]) / 2 + y - e.y();
        gc.fillRect(cx - side / 2, cy - side / 2, side, side);
        return 1;
      }
      // Average step in pixels: below a few pixels a curve and its polyline differ by < 1 px.
      double len = 0;
      for (int i = 1; i < n; i++) {
        len += Math.abs(pts.x(i) - pts.x(i - 1)) + Math.abs(pts.y(i) - pts.y(i - 1));
      }
      if (len / (n - 1) * scale < 4) {
        if (width * scale < 2 && e.style().dash() == null) {
          // Under two pixels wide, round joins and caps look like plain ones and cost far more.
          gc.setLineJoin(StrokeLineJoin.BEVEL);
          gc.setLineCap(StrokeLineCap.BUTT);
        }
        // Zoomed far out a stroke is a scribble a few pixels across: coarser steps look the same.
        return paintPolyline(gc, pts, x, y, (scale < 0.5 ? 2.5 : 1.5) / scale);
      }
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
    return 3 * n;
  }

  private static int paintPolyline(GraphicsContext gc, Points pts, double x, double y, double px) {
    int n = pts.size();
    gc.beginPath();
    double lx = pts.x(0);
    double ly = pts.y(0);
    gc.moveTo(x + lx, y + ly);
    int segments = 0;
    for (int i = 1; i < n; i++) {
      double px1 = pts.x(i);
      double py1 = pts.y(i);
      if (i < n - 1 && Math.abs(px1 - lx) < px && Math.abs(py1 - ly) < px) {
        continue;
      }
      gc.lineTo(x + px1, y + py1);
      lx = px1;
      ly = py1;
      segments++;
    }
    gc.stroke();
    return segments;
  }

  private static void paintText(GraphicsContext gc, Element e, double x, double y) {
    String text = e.text() == null ? "" : e.text();
    fillLines(
        gc,
        List.of(text.split("\n", -1)),
        x,
        y,
        e.style().fontSize(),
        LINE_HEIGHT,
        TextAlignment.LEFT);
  }

  /**
   * A sticky note (R95, R96): its paper in its own colour on either theme (paper, not ink), a thin
   * darker edge, and the fitted lines centred in the ink that reads on that paper.
   */
  private static void paintNote(GraphicsContext gc, Element e, double x, double y) {
    Color paper = COLORS.computeIfAbsent(e.style().color(), Color::web);
    gc.setFill(paper);
    gc.fillRect(x, y, e.w(), e.h());
    gc.setStroke(paper.darker());
    gc.setLineWidth(Math.max(0.5, Math.min(e.w(), e.h()) / 200));
    gc.strokeRect(x, y, e.w(), e.h());
    NoteLayout layout = noteLayout(e);
    if (layout.clipped()) {
      // Text cut at the smallest size may still be wider than a very thin note: keep it inside.
      gc.beginPath();
      gc.rect(x, y, e.w(), e.h());
      gc.clip();
    }
    gc.setFill(Color.web(NoteLayout.inkFor(e.style().color())));
    fillLines(
        gc,
        layout.lines(),
        x + e.w() / 2,
        layout.top() - e.y() + y,
        layout.fontSize(),
        NoteLayout.LINE_HEIGHT,
        TextAlignment.CENTER);
  }

  private record NoteKey(String text, double w, double h, double fontSize) {}

  // Fitting a note tries a dozen sizes over its text; tiles repaint the same notes often.
  private static final Map<NoteKey, NoteLayout> NOTE_LAYOUTS = new ConcurrentHashMap<>();

  /** The layout of note {@code e}, from a small cache (the layout is relative to e's y). */
  public static NoteLayout noteLayout(Element e) {
    if (NOTE_LAYOUTS.size() > 256) {
      NOTE_LAYOUTS.clear();
    }
    NoteKey key = new NoteKey(e.text(), e.w(), e.h(), e.style().fontSize());
    NoteLayout at0 =
        NOTE_LAYOUTS.computeIfAbsent(
            key,
            k -> NoteLayout.of(k.text() == null ? "" : k.text(), 0, 0, k.w(), k.h(), k.fontSize()));
    return new NoteLayout(at0.fontSize(), at0.lines(), at0.top() + e.y(), at0.clipped());
  }

  /**
   * The font board text (text elements, notes, connector labels, drafts, the in-place editor) is
   * measured and drawn in at {@code size}: the bundled board font ({@link BoardFont}), the same on
   * every machine and in every UI language.
   */
  public static Font font(double size) {
    return BoardFont.at(size);
  }

  /**
   * Writes {@code lines} of board text in the board font at {@code size}, aligned on {@code x} as
   * {@code align} says, the first line's top at {@code top} and each next one {@code lineHeight}
   * times the size below: each at its baseline, {@link #ascent} below its top (see there why not
   * from the top).
   */
  static void fillLines(
      GraphicsContext gc,
      List<String> lines,
      double x,
      double top,
      double size,
      double lineHeight,
      TextAlignment align) {
    gc.setFont(font(size));
    gc.setTextBaseline(VPos.BASELINE);
    gc.setTextAlign(align);
    double baseline = top + ascent(size);
    for (int i = 0; i < lines.size(); i++) {
      gc.fillText(lines.get(i), x, baseline + i * size * lineHeight);
    }
  }

  /**
   * How far below the top of a line of text, in the font of {@code size} board units, its baseline
   * lies: the font's ascent. Text is painted at this baseline ({@link VPos#BASELINE}) rather than
   * from its top ({@link VPos#TOP}), because where JavaFX puts the top of a line is not stable
   * within a run of the app: it keeps the layout of short strings, by text and font, for whoever
   * lays them out next, and a text area (whose lines are centred on the cap height, in whole
   * pixels) hands its line metrics to a canvas drawing the same string at the same size. After
   * typing a text, its author saw it about 2 px lower than everyone else until a restart.
   */
  public static double ascent(double size) {
    return Ascent.EM * size;
  }

  /** Measured once, when first needed (the font needs the toolkit). */
  private static final class Ascent {
    // An empty string: JavaFX never caches its layout, so this is the font's own ascent. The
    // ascent grows linearly with the size; 100 keeps the float metrics precise.
    static final double EM = measure(100) / 100;

    private static double measure(double size) {
      javafx.scene.text.Text probe = new javafx.scene.text.Text("");
      probe.setFont(font(size));
      probe.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL);
      return probe.getBaselineOffset();
    }
  }

  /**
   * The colour to show for a stored colour: on a dark board near-black ink is shown light (and the
   * other way round), so the default ink stays readable in both themes; other colours are kept.
   */
  public static Color displayColor(String stored, boolean dark) {
    if (COLORS.size() > 512) {
      COLORS.clear();
    }
    Color c = COLORS.computeIfAbsent(stored, Color::web);
    double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    if (dark && luminance < 0.2) {
      return Color.color(
              1 - c.getRed() * 0.8, 1 - c.getGreen() * 0.8, 1 - c.getBlue() * 0.8, c.getOpacity())
          .deriveColor(0, 1, 0.92, 1);
    }
    return c;
  }
}
