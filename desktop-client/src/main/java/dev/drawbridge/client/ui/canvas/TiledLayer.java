package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The committed elements as a grid of {@value TileLevel#TILE}-pixel bitmaps ({@link TileLevel}) at
 * the current zoom, plus recently shown and pre-rendered zoom levels in a bounded {@link
 * LevelCache}. Tiles sit at whole pixels, so a pan only moves them; the tiles a pan exposes, a
 * rebuild or a new zoom are painted a few at a time under a per-pulse budget, nearest the middle of
 * the view first, while the old pixels stay on screen (a rebuild keeps each tile's old picture
 * until it is repainted; a zoom to a level not in the cache keeps the previous level, scaled,
 * underneath until the view is covered again). Changes repaint only the affected part of each tile,
 * and a new element on top of everything is painted over the tiles without clearing anything.
 *
 * <p>Cached levels get the same marks as the level on screen (dirty regions, stale) and are
 * repainted lazily: when shown again (under the usual budget, dirty regions first) or when the
 * pre-render brings a target level up to date. Painting every change into every cached level at
 * once would put several levels' worth of painting on the interaction path (each finished stroke,
 * each remote op) for levels that may never be shown again; a mark costs a rectangle test per tile.
 */
final class TiledLayer {
  static final int TILE = TileLevel.TILE;

  /**
   * Tiles kept in cached levels: 176 × 256 KB = 44 MB of heap. At 1920×1080 the level just left
   * keeps up to 54 tiles (those in view) and the pre-render's targets need up to 60 tiles for one
   * step in, 60 for one step out and 54 for the whole board; when they do not all fit, the last
   * target (fit, or the step out) is only partly pre-rendered.
   */
  static final int MAX_CACHED_TILES = 176;

  private static final int POOL = 16;

  /** What the tiles show: the elements of an area, in paint order, and the background. */
  interface Source {
    /** Elements meeting {@code area} that belong on the tiles, in paint order. */
    List<Element> elementsIn(Rect area);

    /** Paints the background (and grid) of {@code area}; the transform maps board to pixels. */
    void paintBackground(GraphicsContext gc, Rect area, double scale);

    boolean dark();

    /** The pictures of image elements, at the resolution the tiles draw them. */
    default PictureSource pictures() {
      return PictureSource.NONE;
    }
  }

  /** What a pre-render pass did: the cost spent and whether every target is ready. */
  record Work(long spent, boolean done) {}

  private final Source source;
  private final Group top = new Group();
  private final Group under = new Group();
  private final Deque<Canvas> pool = new ArrayDeque<>();
  private final LevelCache cache = new LevelCache(MAX_CACHED_TILES, this::release);
  private final WritableImage bakeTarget = new WritableImage(1, 1);
  private TileLevel current;
  private TileLevel underLevel;
  private double lastLeft = Double.NaN;
  private long fullRepaints;
  private long regionRepaints;
  private boolean fullPending = true;

  TiledLayer(Source source) {
    this.source = source;
    top.setManaged(false);
    under.setManaged(false);
    top.setAutoSizeChildren(false);
    under.setAutoSizeChildren(false);
  }

  /** The level shown scaled underneath during a zoom, and the current level. */
  List<Group> nodes() {
    return List.of(under, top);
  }

  double scale() {
    return current == null ? Double.NaN : current.scale();
  }

  long fullRepaints() {
    return fullRepaints;
  }

  long regionRepaints() {
    return regionRepaints;
  }

  /** Tiles held by cached levels (not the level on screen). */
  int cachedTiles() {
    return cache.tileCount();
  }

  /** Cached levels' scales (for tests). */
  Set<Double> cachedScales() {
    Set<Double> scales = new HashSet<>();
    cache.levels().forEach(l -> scales.add(l.scale()));
    return scales;
  }

  /** Turns the level cache off (0) or sets its bound in tiles; off drops every cached level. */
  void setCacheLimit(int maxTiles) {
    cache.setMaxTiles(maxTiles);
    cache.trim(pinnedUnder());
  }

  /** Places both layers for the view (whole-pixel offsets; scaled while a zoom is pending). */
  void place(double viewScale, double offsetX, double offsetY) {
    placeGroup(top, scale(), viewScale, offsetX, offsetY);
    placeGroup(
        under, underLevel == null ? Double.NaN : underLevel.scale(), viewScale, offsetX, offsetY);
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
    // Updated in place: new transform objects every pulse marked the scaled level dirty, so every
    // frame of a zoom redrew it (a filtered full-window draw on the render thread) while the new
    // level's tiles waited for that same thread to rasterise them.
    if (g.getTransforms().size() == 2
        && g.getTransforms().get(0) instanceof Translate t
        && g.getTransforms().get(1) instanceof Scale sc) {
      t.setX(ox);
      t.setY(oy);
      sc.setX(f);
      sc.setY(f);
    } else {
      g.getTransforms().setAll(new Translate(ox, oy), new Scale(f, f, 0, 0));
    }
  }

  /** True when the level at {@code s} is on screen or cached and covers {@code viewDevice}. */
  boolean ready(double s, Rect viewDevice) {
    if (s == scale()) {
      return current.coversView(viewDevice);
    }
    TileLevel cached = cache.peek(s);
    return cached != null && cached.coversView(viewDevice);
  }

  /**
   * True when the level on screen, scaled to {@code s}, covers {@code viewDevice} (device pixels at
   * {@code s}): it can stand in for the level at {@code s} without showing bare background.
   */
  boolean coversScaled(double s, Rect viewDevice) {
    if (current == null) {
      return false;
    }
    double f = current.scale() / s;
    return current.coversView(
        new Rect(
            viewDevice.minX() * f,
            viewDevice.minY() * f,
            viewDevice.maxX() * f,
            viewDevice.maxY() * f));
  }

  /**
   * A new zoom: the level at {@code newScale} comes from the cache if it is there, else starts
   * empty. The level left goes into the cache; if it covers the view (else the older picture
   * underneath stays) it is also shown, scaled, underneath until the new level covers the view.
   */
  void rescale(double newScale, Rect viewDevice) {
    if (newScale == scale()) {
      return;
    }
    TileLevel next = cache.take(newScale);
    if (next == null) {
      next = new TileLevel(newScale);
    }
    if (next == underLevel || next.coversView(viewDevice)) {
      // Nothing underneath: JavaFX draws covered canvases too, so a level scaled under one that
      // already covers the view would only make that frame a filtered full-window draw.
      showUnder(null);
    }
    if (current != null) {
      double f = current.scale() / newScale;
      Rect oldView =
          new Rect(
              viewDevice.minX() * f,
              viewDevice.minY() * f,
              viewDevice.maxX() * f,
              viewDevice.maxY() * f);
      if (!next.coversView(viewDevice) && current.coversView(oldView)) {
        showUnder(current);
      }
      // Kept: the tiles that were in view (zooming back shows them again); the margin goes.
      current.retain(TileLevel.Range.covering(oldView, 0), this::release);
      cache.put(current);
      lastLeft = current.scale();
    }
    current = next;
    top.getChildren().setAll(current.group());
    fullPending = true;
    cache.trim(pinnedUnder());
  }

  private void showUnder(TileLevel level) {
    underLevel = level;
    if (level == null) {
      under.getChildren().clear();
    } else {
      under.getChildren().setAll(level.group());
    }
  }

  private Set<Double> pinnedUnder() {
    return underLevel == null ? Set.of() : Set.of(underLevel.scale());
  }

  /** Every tile of every level is repainted (grid, theme or whole board changed). */
  void invalidateAll() {
    if (current != null) {
      current.markAllStale();
    }
    for (TileLevel l : cache.levels()) {
      l.markAllStale();
    }
    fullPending = true;
  }

  /** The part of the board in {@code area} (board units) must be repainted, at every level. */
  void invalidate(Rect area) {
    if (area == null || current == null) {
      return;
    }
    current.invalidate(area);
    for (TileLevel l : cache.levels()) {
      l.invalidate(area);
    }
  }

  /**
   * Paints {@code e} over the current level's tiles it meets without clearing: exact when nothing
   * on the tiles is above it. Cached levels only mark the region (repainted when shown).
   */
  void paintOnTop(Element e, Rect bounds) {
    if (current == null) {
      return;
    }
    regionRepaints += current.paintOnTop(e, bounds, source.dark(), source.pictures());
    for (TileLevel l : cache.levels()) {
      l.invalidate(bounds);
    }
  }

  private long lastSpent;
  private long lastViewSpent;

  /** The cost the last {@link #update} spent. */
  long lastSpent() {
    return lastSpent;
  }

  /** The part of that cost spent on tiles in view. */
  long lastViewSpent() {
    return lastViewSpent;
  }

  /**
   * Brings the current level up to date for a view of {@code viewDevice} (device pixels at the
   * current scale) plus a one-tile margin, spending at most {@code budget} cost units (see {@link
   * ElementPainter#paint}); a budget of {@link Long#MAX_VALUE} paints everything pending. Returns
   * true when tiles are still waiting.
   */
  boolean update(Rect viewDevice, long budget) {
    lastSpent = 0;
    lastViewSpent = 0;
    if (current == null) {
      return false;
    }
    TileLevel.Range range = TileLevel.Range.covering(viewDevice, 1);
    // Tiles that left the view and its margin go back to the pool.
    current.retain(range, this::release);
    List<TileLevel.Tile> waiting = current.waiting(range, this::acquire, Integer.MAX_VALUE);
    double cx = (viewDevice.minX() + viewDevice.maxX()) / 2;
    double cy = (viewDevice.minY() + viewDevice.maxY()) / 2;
    // Changes first (they are what the user is looking at), then visible tiles from the middle.
    waiting.sort(
        Comparator.<TileLevel.Tile>comparingInt(t -> t.dirty != null && !t.stale ? 0 : 1)
            .thenComparingInt(t -> t.intersects(viewDevice) ? 0 : 1)
            .thenComparingDouble(t -> distance(t, cx, cy)));
    long spent = 0;
    int left = waiting.size();
    for (TileLevel.Tile t : waiting) {
      if (spent >= budget || spent > 0 && budget != Long.MAX_VALUE && !t.intersects(viewDevice)) {
        // Margin tiles wait for the next pulse once the view is done: show the view first.
        break;
      }
      if (t.painted && !t.stale) {
        regionRepaints++;
      }
      long cost = current.paint(t, source);
      spent += cost;
      if (t.intersects(viewDevice)) {
        lastViewSpent += cost;
      }
      left--;
    }
    lastSpent = spent;
    if (fullPending && current.viewPainted(viewDevice)) {
      fullPending = false;
      fullRepaints++;
    }
    if (underLevel != null && current.coversView(viewDevice)) {
      showUnder(null);
      cache.trim(Set.of());
    }
    return left > 0;
  }

  /** True when every tile in view shows the current board at the current scale. */
  boolean viewPainted(Rect viewDevice) {
    return current != null && current.viewPainted(viewDevice);
  }

  /** True when painted tiles at the current scale cover the whole view. */
  boolean coversView(Rect viewDevice) {
    return current != null && current.coversView(viewDevice);
  }

  /**
   * Pre-renders {@code targets} (levels not on screen) in order, spending at most {@code budget}:
   * missing tiles are created while the cache has room (targets are pinned, older levels make way),
   * waiting tiles are painted and baked. Returns what was spent and whether all targets are ready.
   */
  Work prerender(List<PrerenderTarget> targets, long budget) {
    // The level just left is kept too: zooming back is at least as likely as any target.
    Set<Double> pinned = new HashSet<>(pinnedUnder());
    pinned.add(lastLeft);
    for (PrerenderTarget t : targets) {
      pinned.add(t.scale());
    }
    long spent = 0;
    for (PrerenderTarget target : targets) {
      if (target.scale() == scale()) {
        continue;
      }
      TileLevel level = cache.get(target.scale());
      TileLevel.Range range = TileLevel.Range.covering(target.areaDevice(), 0);
      int room = cache.makeRoom(level == null ? range.count() : level.missing(range), pinned);
      if (level == null) {
        if (room == 0) {
          continue;
        }
        level = new TileLevel(target.scale());
        cache.put(level);
      }
      List<TileLevel.Tile> waiting = level.waiting(range, this::acquire, room);
      double cx = (target.areaDevice().minX() + target.areaDevice().maxX()) / 2;
      double cy = (target.areaDevice().minY() + target.areaDevice().maxY()) / 2;
      waiting.sort(Comparator.comparingDouble(t -> distance(t, cx, cy)));
      for (TileLevel.Tile t : waiting) {
        if (spent >= budget) {
          return new Work(spent, false);
        }
        spent += level.paint(t, source);
        bake(t.canvas);
      }
    }
    return new Work(spent, true);
  }

  /**
   * A canvas only rasterises its recorded commands when it is rendered; a tile of a level that is
   * not on screen would keep them until it is shown, and the whole cost would land on the frame
   * that shows it. A 1×1 snapshot renders the canvas, which runs all of them into its bitmap now.
   */
  private void bake(Canvas canvas) {
    Bounds b = canvas.getBoundsInParent();
    SnapshotParameters params = new SnapshotParameters();
    params.setViewport(new Rectangle2D(b.getMinX(), b.getMinY(), 1, 1));
    canvas.snapshot(params, bakeTarget);
  }

  private static double distance(TileLevel.Tile t, double cx, double cy) {
    return Math.hypot((t.tx + 0.5) * TILE - cx, (t.ty + 0.5) * TILE - cy);
  }

  private Canvas acquire() {
    Canvas c = pool.poll();
    return c != null ? c : new Canvas(TILE, TILE);
  }

  private void release(Canvas c) {
    // A few spare tiles make pans cheaper; the level cache holds the rest of what zooms reuse.
    if (pool.size() < POOL) {
      c.setVisible(false);
      pool.push(c);
    }
  }
}
