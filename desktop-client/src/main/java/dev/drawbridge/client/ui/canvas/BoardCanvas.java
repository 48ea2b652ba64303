package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.geom.Rect;
import dev.drawbridge.client.ui.geom.SpatialIndex;
import dev.drawbridge.client.ui.geom.Viewport;
import dev.drawbridge.client.ui.tool.PointerInput;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.ToolPreview;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The infinite board. Committed elements live on a {@link TiledLayer} of bitmaps at whole-pixel
 * positions: a pan moves them, exposed tiles, a zoom or a rebuild are painted a few at a time per
 * pulse (the old pixels stay on screen meanwhile, so input never waits for a repaint), and changes
 * repaint only their region. Zoom steps land on discrete levels; recently shown levels are cached
 * and, when nobody touches the board, the neighbouring levels and the whole-board view are
 * pre-rendered under a small per-pulse budget ({@link ZoomPrerender}), so a step or "fit" from a
 * resting view swaps in sharp tiles in the same frame. The live layer is cleared and repainted each
 * pulse it is needed, and holds only what moves: strokes being drawn here or by others, previews,
 * selection, cursors.
 */
public final class BoardCanvas extends Pane {
  /**
   * Per-pulse painting budget of the tiled layer, in {@link ElementPainter} cost units (about a
   * path segment each): small while the user is drawing or panning so frames stay short, larger
   * when nobody is touching the board so a rebuild finishes sooner.
   *
   * <p>Idle, the budget covers the whole view of the 10,700-element benchmark board at 100–120 %
   * (~150,000 units, ~30 ms of rasterising) in one pulse. Spread over several pulses the same work
   * took three to five times longer to come sharp: on the software pipeline each pulse waits for
   * the render thread and re-composites the whole window (docs/performance.md, "Idle budget").
   * Input that arrives meanwhile waits for that one pulse; from the next one on the budget is the
   * small one.
   */
  private static final long BUDGET_INTERACTING = 800;

  private static final long BUDGET_IDLE = 400_000;

  /**
   * Per-pulse budget of the zoom pre-render (idle pulses only, after the view's own tiles): small
   * enough that a pulse it runs in stays short, so input arriving meanwhile waits little.
   */
  private static final long BUDGET_PRERENDER = 10_000;

  private static final long INTERACTION_NANOS = 100_000_000L;

  /**
   * At most this many others' strokes grow on sprites at once; more (a catch-up burst of added
   * strokes) go straight to the tiles as dirty regions instead of one canvas each.
   */
  private static final int MAX_GROWING = 16;

  /** A remote stroke that got no points for this long is moved from the live layer to the tiles. */
  private static final long GROWING_NANOS = 400_000_000L;

  /**
   * While the wheel or a pinch keeps zooming, the tiles are scaled instead of repainted; the
   * repaint at the new zoom follows once zooming pauses this long.
   */
  private static final long ZOOM_SETTLE_NANOS = 150_000_000L;

  private final LocalBoard board;
  private final Selection selection;
  private final Viewport viewport = new Viewport();
  private final SpatialIndex index = new SpatialIndex(256);
  private final TiledLayer tiles;
  private final Canvas live = new Canvas();
  private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
  private final BooleanProperty grid = new SimpleBooleanProperty(true);
  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final Map<String, RemoteCursor> cursors = new LinkedHashMap<>();

  private Set<String> liveIds = Set.of();
  private Set<String> hiddenIds = Set.of();
  // Others' strokes while points keep arriving: on the live layer, with when they last grew.
  private final Map<String, Long> growing = new LinkedHashMap<>();
  private final List<String> onTop = new ArrayList<>();
  private final GrowingSprites sprites = new GrowingSprites();
  private final LiveOverlay overlay = new LiveOverlay(live);
  private double liveDx;
  private double liveDy;
  private Supplier<ToolPreview> preview = () -> ToolPreview.NONE;
  private PointerHandler pointerHandler;

  private boolean fullRepaint = true;
  private final List<Rect> dirty = new ArrayList<>();
  private boolean liveDirty = true;
  private boolean timerRunning;
  private boolean tilesWaiting;
  private long lastInput;

  private boolean placed;
  private long lastWheelZoom;
  private double wheelSteps;
  private boolean prerenderOn = true;
  private boolean prerenderPending = true;
  private Rect content;
  private boolean contentKnown;
  private boolean spaceDown;
  private Cursor toolCursor;
  private boolean panning;
  private boolean drawing;
  private double lastPanX;
  private double lastPanY;

  private final AnimationTimer pulse =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          long now2 = System.nanoTime();
          boolean interacting =
              now2 - lastInput < INTERACTION_NANOS || !liveIds.isEmpty() || !growing.isEmpty();
          paint(interacting ? BUDGET_INTERACTING : BUDGET_IDLE);
          if (!interacting && !tilesWaiting && isSettled() && tiles.lastSpent() == 0) {
            prerender(BUDGET_PRERENDER);
          }
          if (isSettled() && !tilesWaiting && !(prerenderOn && prerenderPending)) {
            stop();
            timerRunning = false;
          }
        }
      };

  public BoardCanvas(LocalBoard board, Selection selection) {
    this.board = board;
    this.selection = selection;
    getStyleClass().add("board-canvas");
    tiles =
        new TiledLayer(
            new TiledLayer.Source() {
              @Override
              public List<Element> elementsIn(Rect area) {
                return tileElements(area);
              }

              @Override
              public void paintBackground(GraphicsContext gc, Rect area, double scale) {
                BoardPaper.paint(gc, area, scale, dark.get(), grid.get());
              }

              @Override
              public boolean dark() {
                return dark.get();
              }
            });
    getChildren().addAll(tiles.nodes());
    getChildren().addAll(sprites.node(), live);
    live.setManaged(false);
    updateBackground();
    live.setMouseTransparent(true);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setMinSize(0, 0);
    setFocusTraversable(true);
    viewport.set(1, 0, 0);
    rebuildIndex();
    board.addListener(
        new BoardListener() {
          @Override
          public void elementsChanged(Set<String> ids) {
            onElementsChanged(ids);
          }

          @Override
          public void boardReplaced() {
            contentKnown = false;
            growing.clear();
            onTop.clear();
            rebuildIndex();
            requestFull();
          }
        });
    selection.addListener(this::requestLive);
    grid.addListener((o, a, b) -> requestFull());
    dark.addListener(
        (o, a, b) -> {
          updateBackground();
          requestFull();
        });
    installInput();
  }

  // ---- public API -----------------------------------------------------------------------

  public Viewport viewport() {
    return viewport;
  }

  public ReadOnlyDoubleProperty zoomProperty() {
    return zoom.getReadOnlyProperty();
  }

  public BooleanProperty gridProperty() {
    return grid;
  }

  public BooleanProperty darkProperty() {
    return dark;
  }

  public void setPointerHandler(PointerHandler handler) {
    this.pointerHandler = handler;
  }

  public void setPreviewSource(Supplier<ToolPreview> source) {
    this.preview = source;
  }

  /** Space held: the primary button pans. */
  public void setSpaceDown(boolean down) {
    spaceDown = down;
    setCursor(down ? Cursor.OPEN_HAND : toolCursor);
  }

  /** The pointer shape the current tool wants (shown unless panning). */
  public void setToolCursor(Cursor cursor) {
    toolCursor = cursor;
    if (!spaceDown && !panning) {
      setCursor(cursor);
    }
  }

  public boolean isSpaceDown() {
    return spaceDown;
  }

  /** Ids of visible elements whose painted bounds meet {@code area}. */
  public List<String> elementsNear(Rect area) {
    return index.query(area);
  }

  /** Draws these elements on the live layer shifted by (dx, dy) instead of the tiles. */
  public void showLive(Set<String> ids, double dx, double dy) {
    Set<String> previous = liveIds;
    liveIds = Set.copyOf(ids);
    liveDx = dx;
    liveDy = dy;
    if (!previous.equals(liveIds)) {
      for (String id : previous) {
        if (!liveIds.contains(id)) {
          leaveLiveLayer(id);
        }
      }
      for (String id : liveIds) {
        if (!previous.contains(id) && growing.remove(id) == null) {
          markDirty(index.bounds(id));
        }
      }
    }
    requestLive();
  }

  public void clearLive() {
    showLive(Set.of(), 0, 0);
  }

  /** Hides these elements from both layers (text being edited in place). */
  public void hide(Set<String> ids) {
    for (String id : hiddenIds) {
      markDirty(index.bounds(id));
    }
    hiddenIds = Set.copyOf(ids);
    for (String id : hiddenIds) {
      markDirty(index.bounds(id));
    }
    requestLive();
  }

  public void setRemoteCursors(Collection<RemoteCursor> remote) {
    cursors.clear();
    remote.forEach(c -> cursors.put(c.clientId(), c));
    requestLive();
  }

  /** The remote cursors shown now. */
  public List<RemoteCursor> remoteCursors() {
    return List.copyOf(cursors.values());
  }

  public void requestLive() {
    liveDirty = true;
    schedule();
  }

  /** Board units of the area the window shows. */
  public Rect visibleArea() {
    return viewport.visible(getWidth(), getHeight());
  }

  /** The bounds of every visible element, or null for an empty board. */
  public Rect contentBounds() {
    Rect all = null;
    for (Element e : board.view().visibleElements()) {
      Rect r = Rect.paintedBounds(e);
      all = all == null ? r : all.union(r);
    }
    return all;
  }

  public void zoomToFit() {
    viewport.fit(contentBounds(), getWidth(), getHeight(), ZoomPrerender.FIT_MARGIN);
    viewChanged();
  }

  /** Sets the zoom (1 = 100 %) around the centre of the view. */
  public void zoomTo(double scale) {
    viewport.setScaleAt(scale, getWidth() / 2, getHeight() / 2);
    viewChanged();
  }

  /**
   * Zooms around the centre of the view by the whole number of {@link ZoomLevels#STEP} steps
   * nearest to {@code factor} (at least one), landing on a zoom level, so zooming back or to a
   * pre-rendered neighbour finds its tiles cached.
   */
  public void zoomBy(double factor) {
    int steps = ZoomLevels.stepsFor(factor);
    viewport.setScaleAt(ZoomLevels.step(viewport.scale(), steps), getWidth() / 2, getHeight() / 2);
    viewChanged();
  }

  /**
   * Turns the zoom-level cache and the idle pre-render of neighbouring levels on or off (off drops
   * every cached level): for benchmarks measuring a zoom to a level never painted.
   */
  public void setZoomCache(boolean on) {
    prerenderOn = on;
    tiles.setCacheLimit(on ? TiledLayer.MAX_CACHED_TILES : 0);
    schedule();
  }

  /**
   * True when the picture is settled and the idle pre-render of the neighbouring zoom levels and
   * the fit view is done too (for benchmarks and tests).
   */
  public boolean isIdle() {
    return isSettled() && !tilesWaiting && !(prerenderOn && prerenderPending);
  }

  /** Shows board point (0, 0) at the centre of the view. */
  public void centreOrigin() {
    viewport.set(viewport.scale(), Math.round(getWidth() / 2), Math.round(getHeight() / 2));
    viewChanged();
  }

  /** Paints everything pending now (normally done a budgeted part per pulse). */
  public void flush() {
    paint(Long.MAX_VALUE);
  }

  /**
   * True when nothing is waiting to be painted in view: the tiles in view show the board at the
   * current zoom, no change is pending, and the live layer is up to date (for benchmarks and tests
   * that wait for the picture to settle). Tiles in the margin around the view may still be
   * painting.
   */
  public boolean isSettled() {
    return !fullRepaint
        && dirty.isEmpty()
        && onTop.isEmpty()
        && !liveDirty
        && growing.isEmpty()
        && viewport.scale() == tiles.scale()
        && tiles.viewPainted(viewDevice());
  }

  /** Tiles held by cached zoom levels (for tests: bounded by the cache). */
  int cachedTiles() {
    return tiles.cachedTiles();
  }

  /** Cached zoom levels' scales (for tests). */
  Set<Double> cachedScales() {
    return tiles.cachedScales();
  }

  /** The cost the last paint spent on tiles in view (for tests: 0 when a level was ready). */
  long lastPaintCost() {
    return tiles.lastViewSpent();
  }

  /** Runs the idle pre-render to the end now (for tests). */
  void prerenderNow() {
    prerender(Long.MAX_VALUE);
  }

  private void prerender(long budget) {
    if (!prerenderOn || !prerenderPending || getWidth() <= 0 || getHeight() <= 0) {
      return;
    }
    if (!contentKnown) {
      content = contentBounds();
      contentKnown = true;
    }
    List<TiledLayer.Target> targets =
        ZoomPrerender.targets(viewport, getWidth(), getHeight(), content);
    prerenderPending = !tiles.prerender(targets, budget).done();
  }

  /** How often the view was painted whole and by region (for tests and tuning). */
  public long[] repaintCounts() {
    return new long[] {tiles.fullRepaints(), tiles.regionRepaints()};
  }

  private void paint(long budget) {
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    long now = System.nanoTime();
    expireGrowing(now, budget == Long.MAX_VALUE);
    boolean zooming =
        viewport.scale() != tiles.scale()
            && !Double.isNaN(tiles.scale())
            && now - lastWheelZoom < ZOOM_SETTLE_NANOS
            && budget != Long.MAX_VALUE
            && !tiles.ready(viewport.scale(), viewDevice());
    if (zooming) {
      // Mid-gesture: show the old tiles scaled; paint at the new zoom when the gesture pauses.
      tiles.place(viewport.scale(), viewport.offsetX(), viewport.offsetY());
      tilesWaiting = true;
    } else {
      Rect view = viewDevice();
      tiles.rescale(viewport.scale(), view);
      if (fullRepaint) {
        tiles.invalidateAll();
        fullRepaint = false;
      }
      for (Rect r : dirty) {
        tiles.invalidate(r);
      }
      dirty.clear();
      for (String id : onTop) {
        Element e = board.view().get(id);
        Rect r = index.bounds(id);
        if (e != null && r != null && !excluded(id)) {
          tiles.paintOnTop(e, r);
        }
      }
      onTop.clear();
      tilesWaiting = tiles.update(view, budget);
      tiles.place(viewport.scale(), viewport.offsetX(), viewport.offsetY());
      // Under opaque tiles the pane's own fill would only cost a full-window fill per frame.
      boolean covered = tiles.coversView(view);
      if (covered == (getBackground() != null)) {
        updateBackground(covered);
      }
    }
    if (liveDirty) {
      overlay.resize(w, h);
      paintLive();
      liveDirty = false;
    }
  }

  /** The view in device pixels at the current zoom (board point p is at p * scale there). */
  private Rect viewDevice() {
    double ox = viewport.offsetX();
    double oy = viewport.offsetY();
    return new Rect(-ox, -oy, -ox + Math.ceil(getWidth()), -oy + Math.ceil(getHeight()));
  }

  private boolean excluded(String id) {
    return liveIds.contains(id) || hiddenIds.contains(id) || growing.containsKey(id);
  }

  /** What the tiles show in {@code area}: committed elements not on the live layer, in order. */
  private List<Element> tileElements(Rect area) {
    BoardState view = board.view();
    List<Element> visible = new ArrayList<>();
    for (String id : index.query(area)) {
      Element e = view.get(id);
      if (e != null && !e.deleted() && !excluded(id)) {
        visible.add(e);
      }
    }
    visible.sort(ZOrder.PAINT_ORDER);
    return visible;
  }

  /**
   * An element goes back from the live layer to the tiles: painted over them if nothing there is
   * above it (a stroke just finished), otherwise its region is repainted.
   */
  private void leaveLiveLayer(String id) {
    Rect r = index.bounds(id);
    if (r == null) {
      return;
    }
    if (isOnTop(id, r)) {
      onTop.add(id);
      schedule();
    } else {
      markDirty(r);
    }
  }

  private boolean isOnTop(String id, Rect r) {
    BoardState view = board.view();
    Element e = view.get(id);
    if (e == null || e.deleted() || hiddenIds.contains(id)) {
      return false;
    }
    for (String other : index.query(r)) {
      if (other.equals(id) || liveIds.contains(other) || growing.containsKey(other)) {
        continue;
      }
      Element o = view.get(other);
      if (o != null && ZOrder.PAINT_ORDER.compare(o, e) > 0) {
        return false;
      }
    }
    return true;
  }

  private void expireGrowing(long now, boolean all) {
    if (growing.isEmpty()) {
      return;
    }
    List<String> done = new ArrayList<>();
    growing.forEach(
        (id, t) -> {
          if (all || now - t > GROWING_NANOS) {
            done.add(id);
          }
        });
    for (String id : done) {
      growing.remove(id);
      leaveLiveLayer(id);
    }
    if (!done.isEmpty()) {
      liveDirty = true;
    }
  }

  // ---- painting -------------------------------------------------------------------------

  private Color background() {
    return BoardPaper.background(dark.get());
  }

  /** The pane's own background shows where no tile is painted yet. */
  private void updateBackground() {
    updateBackground(false);
  }

  private void updateBackground(boolean coveredByTiles) {
    setBackground(
        coveredByTiles
            ? null
            : new javafx.scene.layout.Background(
                new javafx.scene.layout.BackgroundFill(background(), null, null)));
  }

  private void paintLive() {
    sprites.paint(
        growing.keySet(),
        board.view(),
        index::bounds,
        hiddenIds,
        viewport,
        getWidth(),
        getHeight(),
        dark.get());
    overlay.paint(
        new LiveOverlay.Frame(
            viewport,
            board.view(),
            liveIds,
            liveDx,
            liveDy,
            hiddenIds,
            preview.get(),
            selection.ordered(),
            cursors.values(),
            dark.get()));
  }

  // ---- changes --------------------------------------------------------------------------

  private void rebuildIndex() {
    index.clear();
    for (Element e : board.view().visibleElements()) {
      index.put(e.id(), Rect.paintedBounds(e));
    }
    selection.retain(id -> index.bounds(id) != null);
  }

  private void onElementsChanged(Set<String> ids) {
    contentKnown = false;
    BoardState view = board.view();
    boolean touchesLive = false;
    Set<String> gone = new HashSet<>();
    long now = System.nanoTime();
    for (String id : ids) {
      Rect before = index.bounds(id);
      Element e = view.get(id);
      Rect after = e == null || e.deleted() ? null : Rect.paintedBounds(e);
      index.put(id, after);
      if (after == null) {
        gone.add(id);
      }
      if (liveIds.contains(id)) {
        touchesLive = true;
      } else if (growing.containsKey(id) && after != null) {
        // Another member's stroke still growing: repaint the live layer only.
        growing.put(id, now);
        touchesLive = true;
      } else if (before == null
          && after != null
          && growing.size() < MAX_GROWING
          && isFreehand(e)
          && isOnTop(id, after)) {
        // A new stroke on top (someone starts drawing, or ours before showLive takes it): it
        // grows on the live layer and joins the tiles, painted on top, once it stops growing.
        growing.put(id, now);
        touchesLive = true;
      } else {
        if (growing.remove(id) != null) {
          liveDirty = true;
        }
        markDirty(before);
        markDirty(after);
      }
    }
    if (!gone.isEmpty()) {
      selection.retain(id -> !gone.contains(id));
    }
    if (touchesLive || ids.stream().anyMatch(selection::contains)) {
      requestLive();
    }
  }

  private static boolean isFreehand(Element e) {
    return e.kind() == dev.drawbridge.protocol.element.ElementKind.STROKE
        || e.kind() == dev.drawbridge.protocol.element.ElementKind.HIGHLIGHTER;
  }

  private void markDirty(Rect r) {
    if (r == null) {
      return;
    }
    // Kept apart: the union of two far-apart changes would repaint everything between them.
    dirty.add(r);
    schedule();
  }

  private void requestFull() {
    fullRepaint = true;
    liveDirty = true;
    schedule();
  }

  private void viewChanged() {
    zoom.set(viewport.scale());
    liveDirty = true;
    if (viewport.scale() != tiles.scale() && tiles.ready(viewport.scale(), viewDevice())) {
      // A cached level: shown in this frame, not the old level scaled (a filtered full-window
      // frame) until the next pulse.
      tiles.rescale(viewport.scale(), viewDevice());
    }
    tiles.place(viewport.scale(), viewport.offsetX(), viewport.offsetY());
    schedule();
  }

  private void schedule() {
    prerenderPending = true;
    if (!timerRunning) {
      timerRunning = true;
      pulse.start();
    }
  }

  @Override
  protected void layoutChildren() {
    if (!placed && getWidth() > 0 && getHeight() > 0) {
      // The first real size: show the whole board, or its origin in the middle when empty.
      placed = true;
      if (board.view().visibleElements().isEmpty()) {
        centreOrigin();
      } else {
        zoomToFit();
      }
    }
    liveDirty = true;
    schedule();
  }

  // ---- input ----------------------------------------------------------------------------

  private void installInput() {
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
    addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e, true));
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(e, false));
    addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    addEventHandler(
        ZoomEvent.ZOOM,
        e -> {
          lastWheelZoom = System.nanoTime();
          viewport.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
          viewChanged();
          e.consume();
        });
    // A pinch zooms smoothly; where it ends, it settles on the nearest level (cacheable).
    addEventHandler(
        ZoomEvent.ZOOM_FINISHED,
        e -> {
          viewport.setScaleAt(ZoomLevels.nearest(viewport.scale()), e.getX(), e.getY());
          viewChanged();
          e.consume();
        });
  }

  private PointerInput input(MouseEvent e) {
    return new PointerInput(
        viewport.toBoardX(e.getX()),
        viewport.toBoardY(e.getY()),
        e.isShiftDown(),
        e.getClickCount(),
        System.nanoTime());
  }

  private void onPressed(MouseEvent e) {
    lastInput = System.nanoTime();
    requestFocus();
    if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && spaceDown) {
      panning = true;
      lastPanX = e.getX();
      lastPanY = e.getY();
      setCursor(Cursor.CLOSED_HAND);
    } else if (e.getButton() == MouseButton.PRIMARY && pointerHandler != null) {
      drawing = true;
      pointerHandler.pressed(input(e));
    }
    e.consume();
  }

  private void onDragged(MouseEvent e) {
    lastInput = System.nanoTime();
    if (panning) {
      viewport.panBy(e.getX() - lastPanX, e.getY() - lastPanY);
      lastPanX = e.getX();
      lastPanY = e.getY();
      viewChanged();
    } else if (drawing) {
      // Tracked ourselves: some platforms (the headless robot) omit button state on drags.
      pointerHandler.dragged(input(e));
    }
    if (pointerHandler != null) {
      pointerHandler.hovered(input(e));
    }
    e.consume();
  }

  private void onReleased(MouseEvent e) {
    if (panning) {
      panning = false;
      setCursor(spaceDown ? Cursor.OPEN_HAND : toolCursor);
    } else if (drawing && e.getButton() == MouseButton.PRIMARY) {
      drawing = false;
      pointerHandler.released(input(e));
    }
    e.consume();
  }

  private void hover(MouseEvent e, boolean inside) {
    if (pointerHandler != null) {
      pointerHandler.hovered(inside ? input(e) : null);
    }
  }

  private void onScroll(ScrollEvent e) {
    lastInput = System.nanoTime();
    if (e.isControlDown() || e.isMetaDown()) {
      // Whole zoom levels: a wheel notch (40) is about one step; a touchpad's small deltas add up.
      long now = System.nanoTime();
      if (now - lastWheelZoom > 500_000_000L) {
        wheelSteps = 0;
      }
      lastWheelZoom = now;
      wheelSteps += e.getDeltaY() * 0.004 / Math.log(ZoomLevels.STEP);
      int steps = (int) Math.round(wheelSteps);
      if (steps != 0) {
        wheelSteps -= steps;
        viewport.setScaleAt(ZoomLevels.step(viewport.scale(), steps), e.getX(), e.getY());
      }
    } else {
      viewport.panBy(e.getDeltaX(), e.getDeltaY());
    }
    viewChanged();
    e.consume();
  }
}
