package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.BoardTypeface;
import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Handles;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.client.ui.tool.ToolPreview;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The live layer over the tiles: elements being drawn or moved here (shifted by the drag), the
 * tool's preview, the selection with its handles, alignment guides, others' selections and text
 * drafts, laser trails and others' cursors. Each frame clears only what the previous one drew, and
 * the full-window canvas is hidden when it has nothing to show (an empty layer still costs a blend
 * of every pixel each frame it is redrawn).
 */
final class LiveOverlay {
  static final Color SELECTION = Color.web("#4f7cff");
  static final Color GUIDE = Color.web("#ff3d7f");

  /** The hint around a shape a connector's end snaps to, and the dots on bound ends. */
  static final Color SNAP = Color.web("#12b886");

  /** What one frame of the live layer shows. */
  record Frame(
      Viewport viewport,
      BoardState view,
      Set<String> liveIds,
      double dx,
      double dy,
      Set<String> hiddenIds,
      ToolPreview preview,
      List<String> selected,
      Collection<RemoteCursor> cursors,
      List<SnapGuide> guides,
      Collection<RemoteSelection> remoteSelections,
      Collection<RemoteDraft> drafts,
      LaserTrails lasers,
      long now,
      boolean dark,
      Set<String> followers,
      Function<String, Element> lookup) {

    /** A connector resolved on this frame's board (R102); anything else as it is. */
    Element drawn(Element e) {
      return DrawnConnectors.drawn(e, lookup);
    }

    /** How the element with this id is shown in this frame, and whether it is shifted. */
    Element shownAs(String id) {
      Element e = view.get(id);
      if (e == null || !followers.contains(id)) {
        return e;
      }
      return drawn(lookup.apply(id));
    }
  }

  /** Full detail: the live layer shows few elements, and they are being looked at. */
  private static final double INF = Double.POSITIVE_INFINITY;

  private final Canvas canvas;
  private PictureSource pictures = PictureSource.NONE;

  /** Screen pixels: what the last frame drew, so the next one clears only that. */
  private Rect drawn;

  LiveOverlay(Canvas canvas) {
    this.canvas = canvas;
  }

  /** Where image elements moved or resized here get their pictures. */
  void setPictures(PictureSource source) {
    pictures = source;
  }

  /** Matches the window size (a new size clears everything next frame). */
  void resize(double w, double h) {
    if (canvas.getWidth() != Math.ceil(w) || canvas.getHeight() != Math.ceil(h)) {
      canvas.setWidth(Math.ceil(w));
      canvas.setHeight(Math.ceil(h));
      drawn = new Rect(0, 0, canvas.getWidth(), canvas.getHeight());
    }
  }

  void paint(Frame f) {
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.setTransform(1, 0, 0, 1, 0, 0);
    if (drawn != null) {
      Rect c = drawn.inflate(2);
      gc.clearRect(c.minX(), c.minY(), c.width(), c.height());
    }
    drawn = null;
    Viewport viewport = f.viewport();
    double s = viewport.scale();
    List<Element> shown = new ArrayList<>();
    for (String id : f.liveIds()) {
      Element e = f.view().get(id);
      if (e != null && !e.deleted() && !f.hiddenIds().contains(id) && !f.followers().contains(id)) {
        shown.add(e);
      }
    }
    shown.sort(ZOrder.PAINT_ORDER);
    List<Element> following = new ArrayList<>();
    for (String id : f.followers()) {
      Element e = f.shownAs(id);
      if (e != null && !e.deleted()) {
        following.add(e);
      }
    }
    following.sort(ZOrder.PAINT_ORDER);
    boolean nothing =
        shown.isEmpty()
            && following.isEmpty()
            && f.preview() instanceof ToolPreview.Nothing
            && f.selected().isEmpty()
            && f.cursors().isEmpty()
            && f.guides().isEmpty()
            && f.remoteSelections().isEmpty()
            && f.drafts().isEmpty()
            && !f.lasers().prune(f.now());
    canvas.setVisible(!nothing);
    if (nothing) {
      return;
    }
    gc.setTransform(s, 0, 0, s, viewport.offsetX(), viewport.offsetY());
    for (Element e : shown) {
      Element d = f.drawn(e);
      ElementPainter.paint(gc, d, f.dx(), f.dy(), f.dark(), INF, pictures);
      drewBoard(viewport, DrawnConnectors.paintedBounds(d).translate(f.dx(), f.dy()));
    }
    for (Element e : following) {
      ElementPainter.paint(gc, e, 0, 0, f.dark(), INF, pictures);
      drewBoard(viewport, DrawnConnectors.paintedBounds(e));
    }
    switch (f.preview()) {
      case ToolPreview.Shape shape -> {
        Element d = f.drawn(shape.element());
        ElementPainter.paint(gc, d, 0, 0, f.dark(), INF, pictures);
        drewBoard(viewport, DrawnConnectors.paintedBounds(d));
      }
      case ToolPreview.Snap snap -> {
        Rect t = snap.target();
        if (t != null) {
          drewBoard(viewport, t.inflate(6 / s));
          gc.setStroke(SNAP);
          gc.setLineWidth(2.5 / s);
          gc.strokeRect(t.minX() - 3 / s, t.minY() - 3 / s, t.width() + 6 / s, t.height() + 6 / s);
        }
        if (snap.connector() != null) {
          Element d = f.drawn(snap.connector());
          ElementPainter.paint(gc, d, 0, 0, f.dark(), INF, pictures);
          drewBoard(viewport, DrawnConnectors.paintedBounds(d));
          paintBoundEnds(gc, d, snap.connector(), f);
        }
      }
      case ToolPreview.Marquee m -> {
        drewBoard(viewport, m.area().inflate(1 / s));
        gc.setFill(SELECTION.deriveColor(0, 1, 1, 0.08));
        gc.fillRect(m.area().minX(), m.area().minY(), m.area().width(), m.area().height());
        gc.setStroke(SELECTION);
        gc.setLineWidth(1 / s);
        gc.strokeRect(m.area().minX(), m.area().minY(), m.area().width(), m.area().height());
      }
      case ToolPreview.Nothing n -> {}
    }
    paintSelection(gc, f);
    paintGuides(gc, f);
    gc.setTransform(1, 0, 0, 1, 0, 0);
    paintRemoteSelections(gc, f);
    paintDrafts(gc, f);
    Rect laser = f.lasers().paint(gc, viewport, f.now());
    if (laser != null) {
      drewScreen(laser);
    }
    paintCursors(gc, f);
  }

  private void paintSelection(GraphicsContext gc, Frame f) {
    double s = f.viewport().scale();
    gc.setStroke(SELECTION);
    gc.setLineWidth(1.5 / s);
    gc.setLineDashes(4 / s, 3 / s);
    // A selected group (R122) also gets one frame around all its members, so it reads as one.
    java.util.Map<String, Rect> groups = new java.util.HashMap<>();
    java.util.Map<String, Integer> members = new java.util.HashMap<>();
    for (String id : f.selected()) {
      Element e = f.shownAs(id);
      if (e == null || e.deleted()) {
        continue;
      }
      Rect r = DrawnConnectors.paintedBounds(f.drawn(e)).inflate(3 / s);
      if (f.liveIds().contains(id) && !f.followers().contains(id)) {
        r = r.translate(f.dx(), f.dy());
      }
      gc.strokeRect(r.minX(), r.minY(), r.width(), r.height());
      drewBoard(f.viewport(), r.inflate(2 / s));
      if (e.group() != null) {
        groups.merge(e.group(), r, Rect::union);
        members.merge(e.group(), 1, Integer::sum);
      }
    }
    gc.setLineDashes(8 / s, 4 / s);
    for (var group : groups.entrySet()) {
      if (members.get(group.getKey()) >= 2) {
        Rect r = group.getValue().inflate(6 / s);
        gc.strokeRect(r.minX(), r.minY(), r.width(), r.height());
        drewBoard(f.viewport(), r.inflate(2 / s));
      }
    }
    gc.setLineDashes();
    if (f.selected().size() == 1) {
      String id = f.selected().getFirst();
      Element only = f.shownAs(id);
      if (only != null && !only.deleted() && !f.hiddenIds().contains(only.id())) {
        boolean shifted = f.liveIds().contains(id) && !f.followers().contains(id);
        paintHandles(gc, f.drawn(only), shifted, f);
        if (only.hasBinding() && !shifted) {
          paintBoundEnds(gc, f.drawn(only), f.view().get(id), f);
        }
      }
    }
  }

  /** Alignment guides: one screen pixel wide at any zoom, a little past both ends. */
  private void paintGuides(GraphicsContext gc, Frame f) {
    double s = f.viewport().scale();
    gc.setStroke(GUIDE);
    gc.setLineWidth(1 / s);
    double over = 6 / s;
    // Clipped to the window: a guide to a huge shape would reach far off screen.
    Rect view = f.viewport().visible(canvas.getWidth(), canvas.getHeight()).inflate(over);
    for (SnapGuide g : f.guides()) {
      Rect line =
          g.vertical()
              ? new Rect(
                  g.at(),
                  Math.max(view.minY(), g.from() - over),
                  g.at(),
                  Math.min(view.maxY(), g.to() + over))
              : new Rect(
                  Math.max(view.minX(), g.from() - over),
                  g.at(),
                  Math.min(view.maxX(), g.to() + over),
                  g.at());
      gc.strokeLine(line.minX(), line.minY(), line.maxX(), line.maxY());
      drewBoard(f.viewport(), line.inflate(2 / s));
    }
  }

  /** A filled dot on each end that is attached to a target (R102), in the selection colour. */
  private void paintBoundEnds(GraphicsContext gc, Element drawn, Element stored, Frame f) {
    double s = f.viewport().scale();
    double r = 5 / s;
    gc.setFill(SNAP);
    if (DrawnConnectors.attached(stored, stored.startBinding(), f.lookup())) {
      gc.fillOval(drawn.x() - r, drawn.y() - r, 2 * r, 2 * r);
      drewBoard(f.viewport(), new Rect(drawn.x(), drawn.y(), drawn.x(), drawn.y()).inflate(2 * r));
    }
    if (DrawnConnectors.attached(stored, stored.endBinding(), f.lookup())) {
      double ex = drawn.x() + drawn.w();
      double ey = drawn.y() + drawn.h();
      gc.fillOval(ex - r, ey - r, 2 * r, 2 * r);
      drewBoard(f.viewport(), new Rect(ex, ey, ex, ey).inflate(2 * r));
    }
  }

  private void paintHandles(GraphicsContext gc, Element e, boolean shifted, Frame f) {
    double s = f.viewport().scale();
    double half = 4 / s;
    double dx = shifted ? f.dx() : 0;
    double dy = shifted ? f.dy() : 0;
    gc.setFill(Color.WHITE);
    gc.setStroke(SELECTION);
    gc.setLineWidth(1.5 / s);
    for (Handles.Handle h : Handles.of(e)) {
      double[] p = Handles.position(e, h);
      double x = p[0] + dx - half;
      double y = p[1] + dy - half;
      gc.fillRect(x, y, 2 * half, 2 * half);
      gc.strokeRect(x, y, 2 * half, 2 * half);
      drewBoard(f.viewport(), new Rect(x, y, x + 2 * half, y + 2 * half).inflate(2 / s));
    }
  }

  /** Others' selections: a frame in their colour around each element, their name on the first. */
  private void paintRemoteSelections(GraphicsContext gc, Frame f) {
    Viewport v = f.viewport();
    gc.setFont(Font.font("System", FontWeight.BOLD, 11));
    gc.setTextBaseline(VPos.BOTTOM);
    for (RemoteSelection sel : f.remoteSelections()) {
      Color color = safeColor(sel.color());
      boolean named = false;
      for (String id : sel.ids()) {
        Element e = f.view().get(id);
        if (e == null || e.deleted()) {
          continue;
        }
        Rect b = Rect.paintedBounds(e);
        double x0 = Math.round(v.toScreenX(b.minX())) - 4;
        double y0 = Math.round(v.toScreenY(b.minY())) - 4;
        double x1 = Math.round(v.toScreenX(b.maxX())) + 4;
        double y1 = Math.round(v.toScreenY(b.maxY())) + 4;
        gc.setStroke(color);
        gc.setLineWidth(2);
        gc.strokeRect(x0, y0, x1 - x0, y1 - y0);
        Rect r = new Rect(x0, y0, x1, y1).inflate(3);
        if (!named) {
          named = true;
          String name = sel.name() == null || sel.name().isBlank() ? "?" : sel.name();
          double w = textWidth(name, gc.getFont()) + 8;
          gc.setFill(color);
          gc.fillRect(x0 - 1, y0 - 16, w, 16);
          gc.setFill(inkOn(color));
          gc.fillText(name, x0 + 3, y0 - 2);
          r = r.union(new Rect(x0 - 2, y0 - 18, x0 + w, y0));
        }
        drewScreen(r);
      }
    }
  }

  /** Others' text being typed: in their colour on a paper-coloured card, framed and named. */
  private void paintDrafts(GraphicsContext gc, Frame f) {
    Viewport v = f.viewport();
    for (RemoteDraft d : f.drafts()) {
      Color color = safeColor(d.color());
      Font font = ElementPainter.font(d.fontSize() * v.scale());
      String[] lines = (d.text() + "\u2038").split("\n", -1);
      double w = 0;
      for (String line : lines) {
        w = Math.max(w, textWidth(line, font));
      }
      double lineH = font.getSize() * ElementPainter.LINE_HEIGHT;
      double x = Math.round(v.toScreenX(d.x()));
      double y = Math.round(v.toScreenY(d.y()));
      double h = lines.length * lineH + BoardTypeface.OVERHANG * font.getSize();
      gc.setFill(f.dark() ? Color.web("#1e1e1e", 0.92) : Color.web("#ffffff", 0.92));
      gc.fillRect(x - 3, y - 3, w + 6, h + 6);
      gc.setStroke(color);
      gc.setLineWidth(1.5);
      gc.setLineDashes(4, 3);
      gc.strokeRect(x - 3, y - 3, w + 6, h + 6);
      gc.setLineDashes();
      gc.setFill(color);
      ElementPainter.fillLines(
          gc, List.of(lines), x, y, font.getSize(), ElementPainter.LINE_HEIGHT, TextAlignment.LEFT);
      Font tag = Font.font("System", FontWeight.BOLD, 11);
      gc.setFont(tag);
      gc.setTextBaseline(VPos.BOTTOM);
      String name = d.name() == null || d.name().isBlank() ? "?" : d.name();
      double tw = textWidth(name, tag) + 8;
      gc.fillRect(x - 4, y - 19, tw, 16);
      gc.setFill(inkOn(color));
      gc.fillText(name, x, y - 5);
      drewScreen(new Rect(x - 6, y - 21, x + Math.max(w + 6, tw) + 2, y + h + 6));
    }
  }

  private static double textWidth(String text, Font font) {
    javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
    measure.setFont(font);
    return measure.getLayoutBounds().getWidth();
  }

  private static Color inkOn(Color color) {
    return color.getBrightness() > 0.75 && color.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE;
  }

  private void paintCursors(GraphicsContext gc, Frame f) {
    Font font = Font.font("System", FontWeight.BOLD, 13);
    gc.setFont(font);
    gc.setTextBaseline(VPos.CENTER);
    for (RemoteCursor c : f.cursors()) {
      double x = Math.round(f.viewport().toScreenX(c.x()));
      double y = Math.round(f.viewport().toScreenY(c.y()));
      Color color = safeColor(c.color());
      gc.setFill(color);
      gc.setStroke(Color.WHITE);
      gc.setLineWidth(1.5);
      double[] xs = {x, x, x + 5.4, x + 9, x + 11.4, x + 7.8, x + 14.4};
      double[] ys = {y, y + 20.4, y + 15.6, y + 23.4, y + 22.2, y + 14.4, y + 14.4};
      gc.fillPolygon(xs, ys, xs.length);
      gc.strokePolygon(xs, ys, xs.length);
      String name = c.name() == null || c.name().isBlank() ? "?" : c.name();
      javafx.scene.text.Text measure = new javafx.scene.text.Text(name);
      measure.setFont(font);
      // Someone sharing another's colour: their initial in a badge before the name.
      double badge = c.initial() == null ? 0 : 18;
      double textWidth = measure.getLayoutBounds().getWidth() + 14 + badge;
      gc.setFill(color);
      gc.fillRoundRect(x + 12, y + 20, textWidth, 22, 11, 11);
      Color ink =
          color.getBrightness() > 0.75 && color.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE;
      if (c.initial() != null) {
        gc.setFill(ink);
        gc.fillOval(x + 15, y + 23, 16, 16);
        gc.setFill(color);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.fillText(c.initial(), x + 23, y + 31);
        gc.setTextAlign(TextAlignment.LEFT);
      }
      gc.setFill(ink);
      gc.fillText(name, x + 19 + badge, y + 31);
      drewScreen(new Rect(x - 2, y - 2, x + 14 + textWidth, y + 44));
    }
  }

  private void drewBoard(Viewport viewport, Rect r) {
    drewScreen(
        new Rect(
            viewport.toScreenX(r.minX()),
            viewport.toScreenY(r.minY()),
            viewport.toScreenX(r.maxX()),
            viewport.toScreenY(r.maxY())));
  }

  private void drewScreen(Rect r) {
    drawn = drawn == null ? r : drawn.union(r);
  }

  private static Color safeColor(String web) {
    try {
      return Color.web(web);
    } catch (RuntimeException e) {
      return Color.GRAY;
    }
  }
}
