package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * The tiles of one zoom level: {@value #TILE}-pixel canvases at whole device pixels (board point p
 * is at p × scale), each knowing whether it is painted, stale (repaint whole, old picture shown
 * meanwhile) or has a dirty region. The same marks serve the level on screen and levels kept in the
 * cache, so a change made while another level is shown is repainted when this one is shown again.
 */
final class TileLevel {
  static final int TILE = 256;

  /** An inclusive range of tile columns and rows. */
  record Range(int tx0, int ty0, int tx1, int ty1) {
    /** The tiles meeting {@code device} plus {@code margin} tiles on every side. */
    static Range covering(Rect device, int margin) {
      return new Range(
          Math.floorDiv((int) Math.floor(device.minX()), TILE) - margin,
          Math.floorDiv((int) Math.floor(device.minY()), TILE) - margin,
          Math.floorDiv((int) Math.ceil(device.maxX()) - 1, TILE) + margin,
          Math.floorDiv((int) Math.ceil(device.maxY()) - 1, TILE) + margin);
    }

    boolean contains(int tx, int ty) {
      return tx >= tx0 && tx <= tx1 && ty >= ty0 && ty <= ty1;
    }

    int count() {
      return (tx1 - tx0 + 1) * (ty1 - ty0 + 1);
    }
  }

  static final class Tile {
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

    boolean waiting() {
      return !painted || stale || dirty != null;
    }

    boolean intersects(Rect device) {
      double x = tx * (double) TILE;
      double y = ty * (double) TILE;
      return device.minX() < x + TILE
          && device.maxX() > x
          && device.minY() < y + TILE
          && device.maxY() > y;
    }
  }

  private final double scale;
  private final Group group = new Group();
  private final Map<Long, Tile> tiles = new HashMap<>();

  /** Last time (a counter) this level was shown or pre-rendered: the cache evicts the oldest. */
  long lastUsed;

  TileLevel(double scale) {
    this.scale = scale;
    group.setManaged(false);
    group.setAutoSizeChildren(false);
  }

  double scale() {
    return scale;
  }

  /** The tiles' canvases, positioned in device pixels of this level. */
  Group group() {
    return group;
  }

  int size() {
    return tiles.size();
  }

  Collection<Tile> tiles() {
    return tiles.values();
  }

  /** How many tiles of {@code range} this level does not have. */
  int missing(Range range) {
    int n = 0;
    for (int tx = range.tx0(); tx <= range.tx1(); tx++) {
      for (int ty = range.ty0(); ty <= range.ty1(); ty++) {
        if (!tiles.containsKey(key(tx, ty))) {
          n++;
        }
      }
    }
    return n;
  }

  /** Every tile must be repainted whole; their old pictures show until then. */
  void markAllStale() {
    for (Tile t : tiles.values()) {
      t.stale = true;
      t.dirty = null;
    }
  }

  /** The part of the board in {@code area} (board units) must be repainted. */
  void invalidate(Rect area) {
    Rect device = toDevice(area.inflate(1 / scale));
    for (Tile t : tiles.values()) {
      if (t.painted && !t.stale && t.intersects(device)) {
        t.dirty = t.dirty == null ? device : t.dirty.union(device);
      }
    }
  }

  /**
   * Paints {@code e} over the tiles it meets without clearing (exact when nothing on the tiles is
   * above it); tiles with a repaint pending include it in that repaint. Returns the tiles painted.
   */
  int paintOnTop(Element e, Rect bounds, boolean dark, PictureSource pictures) {
    Rect device = toDevice(bounds.inflate(1 / scale));
    int painted = 0;
    for (Tile t : tiles.values()) {
      if (!t.painted || t.stale || !t.intersects(device)) {
        continue;
      }
      if (t.dirty != null) {
        t.dirty = t.dirty.union(device);
        continue;
      }
      GraphicsContext gc = t.canvas.getGraphicsContext2D();
      gc.save();
      gc.setTransform(scale, 0, 0, scale, -t.tx * (double) TILE, -t.ty * (double) TILE);
      ElementPainter.paint(gc, e, 0, 0, dark, scale, pictures);
      gc.restore();
      painted++;
    }
    return painted;
  }

  /** Drops the tiles outside {@code keep}, handing their canvases to {@code release}. */
  void retain(Range keep, Consumer<Canvas> release) {
    for (Iterator<Tile> it = tiles.values().iterator(); it.hasNext(); ) {
      Tile t = it.next();
      if (!keep.contains(t.tx, t.ty)) {
        group.getChildren().remove(t.canvas);
        release.accept(t.canvas);
        it.remove();
      }
    }
  }

  /** Drops every tile. */
  void releaseAll(Consumer<Canvas> release) {
    for (Tile t : tiles.values()) {
      release.accept(t.canvas);
    }
    tiles.clear();
    group.getChildren().clear();
  }

  /**
   * Creates the missing tiles of {@code range} (at most {@code max} of them, hidden until painted)
   * and returns the tiles of the range that wait for paint.
   */
  List<Tile> waiting(Range range, Supplier<Canvas> acquire, int max) {
    List<Tile> waiting = new ArrayList<>();
    int created = 0;
    for (int tx = range.tx0(); tx <= range.tx1(); tx++) {
      for (int ty = range.ty0(); ty <= range.ty1(); ty++) {
        Tile t = tiles.get(key(tx, ty));
        if (t == null) {
          if (created >= max) {
            continue;
          }
          created++;
          t = new Tile(tx, ty, acquire.get());
          t.canvas.setLayoutX(tx * (double) TILE);
          t.canvas.setLayoutY(ty * (double) TILE);
          t.canvas.setVisible(false);
          group.getChildren().add(t.canvas);
          tiles.put(key(tx, ty), t);
        }
        if (t.waiting()) {
          waiting.add(t);
        }
      }
    }
    return waiting;
  }

  /** Paints a waiting tile (whole, or its dirty region); returns the cost spent. */
  long paint(Tile t, TiledLayer.Source source) {
    long cost;
    if (t.painted && !t.stale && t.dirty != null) {
      cost = paint(t, t.dirty, source);
    } else {
      cost = paint(t, null, source);
      t.painted = true;
      t.stale = false;
      t.canvas.setVisible(true);
    }
    t.dirty = null;
    return cost;
  }

  /** True when every tile in view is painted and up to date. */
  boolean viewPainted(Rect viewDevice) {
    for (Tile t : tiles.values()) {
      if (t.intersects(viewDevice) && t.waiting()) {
        return false;
      }
    }
    return coversView(viewDevice);
  }

  /** True when painted tiles (up to date or not) cover the whole view. */
  boolean coversView(Rect viewDevice) {
    Range r = Range.covering(viewDevice, 0);
    for (int tx = r.tx0(); tx <= r.tx1(); tx++) {
      for (int ty = r.ty0(); ty <= r.ty1(); ty++) {
        Tile t = tiles.get(key(tx, ty));
        if (t == null || !t.painted) {
          return false;
        }
      }
    }
    return true;
  }

  /** Paints a tile whole, or only {@code region} (device pixels); returns the cost spent. */
  private long paint(Tile t, Rect region, TiledLayer.Source source) {
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
    StrokeBatch batch = scale < StrokeBatch.MAX_SCALE ? new StrokeBatch(scale) : null;
    for (Element e : source.elementsIn(area)) {
      if (batch != null) {
        if (batch.add(e)) {
          continue;
        }
        cost += batch.flush(gc, dark);
      }
      cost += ElementPainter.paint(gc, e, 0, 0, dark, scale, source.pictures());
    }
    if (batch != null) {
      cost += batch.flush(gc, dark);
    }
    gc.restore();
    return cost;
  }

  private Rect toDevice(Rect board) {
    return new Rect(
        board.minX() * scale, board.minY() * scale, board.maxX() * scale, board.maxY() * scale);
  }

  private static long key(int tx, int ty) {
    return ((long) tx << 32) ^ (ty & 0xffffffffL);
  }
}
