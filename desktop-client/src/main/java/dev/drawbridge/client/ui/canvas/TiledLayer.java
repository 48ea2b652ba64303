package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.ui.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The committed elements as a grid of {@value #TILE}-pixel bitmaps at one zoom. Tiles sit at whole
 * pixels, so a pan only moves them; the tiles a pan exposes, a rebuild or a new zoom are painted a
 * few at a time under a per-pulse budget, nearest the middle of the view first, while the old
 * pixels stay on screen (a rebuild keeps each tile's old picture until it is repainted; a zoom
 * keeps the previous tiles, scaled, underneath until the view is covered again). Changes repaint
 * only the affected part of each tile, and a new element on top of everything is painted over the
 * tiles without clearing anything.
 */
final class TiledLayer {
  static final int TILE = 256;

  /** What the tiles show: the elements of an area, in paint order, and the background. */
  interface Source {
    /** Elements meeting {@code area} that belong on the tiles, in paint order. */
    List<Element> elementsIn(Rect area);

    /** Paints the background (and grid) of {@code area}; the transform maps board to pixels. */
    void paintBackground(GraphicsContext gc, Rect area, double scale);

    boolean dark();
  }

  private static final class Tile {
    final int tx;
    final int ty;
    final Canvas canvas;
    boolean painted;
    boolean stale;
    Rect dirty;

    Tile(int tx, int ty, Canvas canvas) {
      this.tx = tx;
      this.ty = ty;
      this.canvas = canvas;
    }
  }

  private final Source source;
  private final Group current = new Group();
  private final Group previous = new Group();
  private final Map<Long, Tile> tiles = new HashMap<>();
  private final Deque<Canvas> pool = new ArrayDeque<>();
  private double scale = Double.NaN;
  private double previousScale = Double.NaN;
  private long fullRepaints;
  private long regionRepaints;
  private boolean fullPending = true;

  TiledLayer(Source source) {
    this.source = source;
    current.setManaged(false);
    previous.setManaged(false);
    current.setAutoSizeChildren(false);
    previous.setAutoSizeChildren(false);
  }

  /** The stale tiles of the previous zoom (underneath) and the current tiles. */
  List<Group> nodes() {
    return List.of(previous, current);
  }

  double scale() {
    return scale;
  }

  long fullRepaints() {
    return fullRepaints;
  }

  long regionRepaints() {
    return regionRepaints;
  }

  /** Places both layers for the view (whole-pixel offsets; scaled while a zoom is pending). */
  void place(double viewScale, double offsetX, double offsetY) {
    placeGroup(current, scale, viewScale, offsetX, offsetY);
    placeGroup(previous, previousScale, viewScale, offsetX, offsetY);
  }

  private static void placeGroup(Group g, double groupScale, double s, double ox, double oy) {
    if (Double.isNaN(groupScale) || groupScale == s) {
      if (!g.getTransforms().isEmpty()) {
        g.getTransforms().clear();
      }
      g.setTranslateX(ox);
      g.setTranslateY(oy);
      return;
    }
    g.setTranslateX(0);
    g.setTranslateY(0);
    double f = s / groupScale;
    g.getTransforms().setAll(new Translate(ox, oy), new Scale(f, f, 0, 0));
  }

  /**
   * A new zoom: the current tiles become the stale picture underneath (if they cover the view;
   * otherwise the older stale picture stays), and tiles at {@code newScale} start empty.
   */
  void rescale(double newScale, Rect viewDevice) {
    if (newScale == scale) {
      return;
    }
    if (!Double.isNaN(scale) && coversView(viewDevice)) {
      recycle(previous);
      for (Tile t : tiles.values()) {
        if (t.painted && intersects(t, viewDevice)) {
          previous.getChildren().add(t.canvas);
        } else {
          release(t.canvas);
        }
      }
      current.getChildren().clear();
      previousScale = scale;
    } else {
      for (Tile t : tiles.values()) {
        release(t.canvas);
      }
      current.getChildren().clear();
    }
    tiles.clear();
    scale = newScale;
    fullPending = true;
  }

  /** Every tile is repainted (grid, theme or whole board changed); old pixels show meanwhile. */
  void invalidateAll() {
    for (Tile t : tiles.values()) {
      t.stale = true;
      t.dirty = null;
    }
    fullPending = true;
  }

  /** The part of the board in {@code area} (board units) must be repainted. */
  void invalidate(Rect area) {
    if (area == null || Double.isNaN(scale)) {
      return;
    }
    Rect device = toDevice(area.inflate(1 / scale));
    for (Tile t : tiles.values()) {
      if (t.painted && !t.stale && intersects(t, device)) {
        t.dirty = t.dirty == null ? device : t.dirty.union(device);
      }
    }
  }

  /**
   * Paints {@code e} over the tiles it meets without clearing: exact when nothing on the tiles is
   * above it. Tiles with a repaint pending just include it in that repaint.
   */
  void paintOnTop(Element e, Rect bounds) {
    if (Double.isNaN(scale)) {
      return;
    }
    Rect device = toDevice(bounds.inflate(1 / scale));
    boolean dark = source.dark();
    for (Tile t : tiles.values()) {
      if (!t.painted || t.stale || !intersects(t, device)) {
        continue;
      }
      if (t.dirty != null) {
        t.dirty = t.dirty.union(device);
        continue;
      }
      GraphicsContext gc = t.canvas.getGraphicsContext2D();
      gc.save();
      gc.setTransform(scale, 0, 0, scale, -t.tx * (double) TILE, -t.ty * (double) TILE);
      ElementPainter.paint(gc, e, 0, 0, dark, scale);
      gc.restore();
      regionRepaints++;
    }
  }

  /**
   * Brings the tiles up to date for a view of {@code viewDevice} (device pixels at the current
   * scale) plus a one-tile margin, spending at most {@code budget} cost units (see {@link
   * ElementPainter#paint}); a budget of {@link Long#MAX_VALUE} paints everything pending. Returns
   * true when tiles are still waiting.
   */
  boolean update(Rect viewDevice, long budget) {
    if (Double.isNaN(scale)) {
      return false;
    }
    int tx0 = Math.floorDiv((int) Math.floor(viewDevice.minX()), TILE) - 1;
    int ty0 = Math.floorDiv((int) Math.floor(viewDevice.minY()), TILE) - 1;
    int tx1 = Math.floorDiv((int) Math.ceil(viewDevice.maxX()) - 1, TILE) + 1;
    int ty1 = Math.floorDiv((int) Math.ceil(viewDevice.maxY()) - 1, TILE) + 1;
    // Tiles that left the view and its margin go back to the pool.
    for (Iterator<Tile> it = tiles.values().iterator(); it.hasNext(); ) {
      Tile t = it.next();
      if (t.tx < tx0 || t.tx > tx1 || t.ty < ty0 || t.ty > ty1) {
        current.getChildren().remove(t.canvas);
        release(t.canvas);
        it.remove();
      }
    }
    List<Tile> waiting = new ArrayList<>();
    for (int tx = tx0; tx <= tx1; tx++) {
      for (int ty = ty0; ty <= ty1; ty++) {
        Tile t = tiles.get(key(tx, ty));
        if (t == null) {
          t = new Tile(tx, ty, acquire());
          t.canvas.setLayoutX(tx * (double) TILE);
          t.canvas.setLayoutY(ty * (double) TILE);
          t.canvas.setVisible(false);
          current.getChildren().add(t.canvas);
          tiles.put(key(tx, ty), t);
        }
        if (!t.painted || t.stale || t.dirty != null) {
          waiting.add(t);
        }
      }
    }
    double cx = (viewDevice.minX() + viewDevice.maxX()) / 2;
    double cy = (viewDevice.minY() + viewDevice.maxY()) / 2;
    // Changes first (they are what the user is looking at), then visible tiles from the middle.
    waiting.sort(
        Comparator.<Tile>comparingInt(t -> t.dirty != null && !t.stale ? 0 : 1)
            .thenComparingInt(t -> intersects(t, viewDevice) ? 0 : 1)
            .thenComparingDouble(
                t -> Math.hypot((t.tx + 0.5) * TILE - cx, (t.ty + 0.5) * TILE - cy)));
    long spent = 0;
    int left = waiting.size();
    for (Tile t : waiting) {
      if (spent >= budget || spent > 0 && !intersects(t, viewDevice)) {
        // Margin tiles wait for the next pulse once the view is done: show the view first.
        break;
      }
      if (t.painted && !t.stale && t.dirty != null) {
        spent += paint(t, t.dirty);
        regionRepaints++;
      } else {
        spent += paint(t, null);
        t.painted = true;
        t.stale = false;
        t.canvas.setVisible(true);
      }
      t.dirty = null;
      left--;
    }
    if (fullPending && viewPainted(viewDevice)) {
      fullPending = false;
      fullRepaints++;
    }
    if (!previous.getChildren().isEmpty() && coversView(viewDevice)) {
      recycle(previous);
      previousScale = Double.NaN;
    }
    return left > 0;
  }

  /** True when every tile in view shows the current board at the current scale. */
  boolean viewPainted(Rect viewDevice) {
    for (Tile t : tiles.values()) {
      if (intersects(t, viewDevice) && (!t.painted || t.stale || t.dirty != null)) {
        return false;
      }
    }
    return coversView(viewDevice);
  }

  /** True when painted tiles at the current scale cover the whole view. */
  boolean coversView(Rect viewDevice) {
    int tx0 = Math.floorDiv((int) Math.floor(viewDevice.minX()), TILE);
    int ty0 = Math.floorDiv((int) Math.floor(viewDevice.minY()), TILE);
    int tx1 = Math.floorDiv((int) Math.ceil(viewDevice.maxX()) - 1, TILE);
    int ty1 = Math.floorDiv((int) Math.ceil(viewDevice.maxY()) - 1, TILE);
    for (int tx = tx0; tx <= tx1; tx++) {
      for (int ty = ty0; ty <= ty1; ty++) {
        Tile t = tiles.get(key(tx, ty));
        if (t == null || !t.painted) {
          return false;
        }
      }
    }
    return true;
  }

  /** Paints a tile whole, or only {@code region} (device pixels); returns the cost spent. */
  private long paint(Tile t, Rect region) {
    GraphicsContext gc = t.canvas.getGraphicsContext2D();
    double ox = t.tx * (double) TILE;
    double oy = t.ty * (double) TILE;
    double px0 = 0;
    double py0 = 0;
    double px1 = TILE;
    double py1 = TILE;
    gc.save();
    gc.setTransform(1, 0, 0, 1, 0, 0);
    if (region != null) {
      // Whole device pixels, so the cleared area and the clip agree exactly.
      px0 = Math.max(0, Math.floor(region.minX() - ox));
      py0 = Math.max(0, Math.floor(region.minY() - oy));
      px1 = Math.min(TILE, Math.ceil(region.maxX() - ox));
      py1 = Math.min(TILE, Math.ceil(region.maxY() - oy));
      if (px1 <= px0 || py1 <= py0) {
        gc.restore();
        return 0;
      }
      gc.beginPath();
      gc.rect(px0, py0, px1 - px0, py1 - py0);
      gc.closePath();
      gc.clip();
    }
    gc.setTransform(scale, 0, 0, scale, -ox, -oy);
    Rect area =
        new Rect((ox + px0) / scale, (oy + py0) / scale, (ox + px1) / scale, (oy + py1) / scale);
    source.paintBackground(gc, area, scale);
    long cost = 50;
    boolean dark = source.dark();
    for (Element e : source.elementsIn(area)) {
      cost += ElementPainter.paint(gc, e, 0, 0, dark, scale);
    }
    gc.restore();
    return cost;
  }

  private Rect toDevice(Rect board) {
    return new Rect(
        board.minX() * scale, board.minY() * scale, board.maxX() * scale, board.maxY() * scale);
  }

  private static boolean intersects(Tile t, Rect device) {
    double x = t.tx * (double) TILE;
    double y = t.ty * (double) TILE;
    return device.minX() < x + TILE
        && device.maxX() > x
        && device.minY() < y + TILE
        && device.maxY() > y;
  }

  private static long key(int tx, int ty) {
    return ((long) tx << 32) ^ (ty & 0xffffffffL);
  }

  private Canvas acquire() {
    Canvas c = pool.poll();
    return c != null ? c : new Canvas(TILE, TILE);
  }

  private void release(Canvas c) {
    // A few spare tiles make panning cheaper; more would only hold memory.
    if (pool.size() < 24) {
      pool.push(c);
    }
  }

  private void recycle(Group g) {
    for (javafx.scene.Node n : g.getChildren()) {
      release((Canvas) n);
    }
    g.getChildren().clear();
  }
}
