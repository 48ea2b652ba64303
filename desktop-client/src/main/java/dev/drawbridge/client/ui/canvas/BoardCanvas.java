package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.ToolPreview;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.message.ViewCentre;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
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
 *
 * <p>This class wires the parts together and is their public face: {@link ElementLayers} decides
 * which layer paints an element, {@link BoardChanges} passes the board's changes on to it, {@link
 * RepaintQueue} holds what waits to be painted, {@link PulseLoop} decides when and under which
 * budget, {@link FramePainter} paints a frame, {@link Navigation} moves the view and {@link
 * CanvasGestures} turns input into moves and tool input.
 */
public final class BoardCanvas extends Pane {
  // Nanoseconds: bursts of zoom steps, pulses, laser trails. A test may hold it still.
  private final LongSupplier clock;

  private final LocalBoard board;
  private final ShownBoard shown;
  private final BoardChanges changes;
  private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
  private final BooleanProperty grid = new SimpleBooleanProperty(true);
  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final RepaintQueue repaint = new RepaintQueue(this::schedule);
  private final ElementLayers layers;
  private final Navigation navigation;
  private final LiveLayer live;
  private final FramePainter painter;
  private final PulseLoop pulses;
  private final CanvasGestures gestures;
  private final Pictures pictures = Pictures.inBackground();
  private Consumer<Boolean> viewListener = byUser -> {};
  private boolean movingOnRequest;
  private final PictureBudget pictureBudget;

  private final AnimationTimer timer =
      new AnimationTimer() {
        @Override
        public void handle(long now) {
          if (!pulses.pulse()) {
            stop();
          }
        }
      };

  public BoardCanvas(LocalBoard board, Selection selection) {
    this(board, selection, System::nanoTime);
  }

  /** A canvas on {@code clock} (nanoseconds) instead of the system's. */
  BoardCanvas(LocalBoard board, Selection selection, LongSupplier clock) {
    this.clock = clock;
    this.board = board;
    this.shown = new ShownBoard(board);
    getStyleClass().add("board-canvas");
    layers = new ElementLayers(shown, repaint);
    pictureBudget = new PictureBudget(layers, pictures);
    navigation =
        new Navigation(
            new Viewport(),
            this::getWidth,
            this::getHeight,
            layers::contentBounds,
            clock,
            this::viewMoved);
    live = new LiveLayer(shown, layers, selection);
    painter =
        new FramePainter(
            this, layers, repaint, navigation, live, dark::get, grid::get, clock, pictures);
    live.setPictures(pictures);
    pictures.onChange(this::pictureChanged);
    pulses = new PulseLoop(painter, clock, timer::start);
    getChildren().addAll(painter.nodes());
    painter.showBackground(true);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    setMinSize(0, 0);
    setFocusTraversable(true);
    navigation.viewport().set(1, 0, 0);
    changes =
        new BoardChanges(
            layers,
            navigation,
            selection,
            repaint,
            clock,
            () -> !live.remoteSelections().isEmpty());
    changes.reindex();
    shown.setChanges(changes);
    board.addListener(shown);
    selection.addListener(repaint::live);
    grid.addListener((o, a, b) -> repaint.all());
    dark.addListener(
        (o, a, b) -> {
          painter.showBackground(true);
          repaint.all();
        });
    gestures = new CanvasGestures(this, navigation, pulses::input, clock);
  }

  /** Where image elements get their bytes (the session's blobs); in memory until set. */
  public void setBlobs(dev.drawbridge.client.blob.BlobSource blobs) {
    pictures.setBlobs(blobs);
    repaint.all();
  }

  /** The decoded pictures of this board (exports use {@link Pictures#now()}). */
  public Pictures pictures() {
    return pictures;
  }

  /** A picture was decoded, arrived or turned out broken: repaint where it is shown. */
  private void pictureChanged(String blob) {
    for (dev.drawbridge.protocol.element.Element e : shown.get().visibleElements()) {
      if (e.hasImage() && e.image().blob().equals(blob)) {
        repaint.region(dev.drawbridge.client.geom.DrawnConnectors.paintedBounds(e));
      }
    }
    repaint.live();
  }

  // ---- a past board (issue 17) ---------------------------------------------------------------

  /**
   * Paints {@code past} instead of the live board until {@link #showPresent}; the live board keeps
   * changing underneath, unseen. {@code changed} names the elements that differ from the board
   * shown until now (only they are repainted, as for a live change: what playback needs); null when
   * unknown, which indexes and repaints everything. The canvas only reads {@code past}; the caller
   * may change it in place and call this again with the ids it changed.
   */
  public void showPast(BoardState past, Set<String> changed) {
    boolean wasPast = shown.past() != null;
    shown.setPast(past);
    if (changed == null || !wasPast) {
      changes.boardReplaced();
    } else if (!changed.isEmpty()) {
      changes.elementsChanged(changed);
    }
  }

  /** Paints the live board again (after {@link #showPast}). */
  public void showPresent() {
    if (shown.past() != null) {
      shown.setPast(null);
      changes.boardReplaced();
    }
  }

  /** Whether a past board is painted instead of the live one. */
  public boolean showsPast() {
    return shown.past() != null;
  }

  /** The board painted now: the live board's view, or the past board {@link #showPast} gave. */
  public BoardState shownBoard() {
    return shown.get();
  }

  public Viewport viewport() {
    return navigation.viewport();
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
    gestures.setHandler(handler);
  }

  public void setPreviewSource(Supplier<ToolPreview> source) {
    live.setPreviewSource(source);
  }

  /** Space held: the primary button pans. */
  public void setSpaceDown(boolean down) {
    gestures.setSpaceDown(down);
  }

  /** The pointer shape the current tool wants (shown unless panning). */
  public void setToolCursor(Cursor cursor) {
    gestures.setToolCursor(cursor);
  }

  public boolean isSpaceDown() {
    return gestures.isSpaceDown();
  }

  /** Ids of visible elements whose painted bounds meet {@code area}. */
  public List<String> elementsNear(Rect area) {
    return layers.near(area);
  }

  /** Draws these elements on the live layer shifted by (dx, dy) instead of the tiles. */
  public void showLive(Set<String> ids, double dx, double dy) {
    layers.showLive(ids, dx, dy);
  }

  public void clearLive() {
    showLive(Set.of(), 0, 0);
  }

  /** Hides these elements from both layers (text being edited in place). */
  public void hide(Set<String> ids) {
    layers.hide(ids);
  }

  /** Shows these alignment guides on the live layer (empty: none). */
  public void showGuides(List<SnapGuide> guides) {
    live.setGuides(guides);
    repaint.live();
  }

  public void setRemoteCursors(Collection<RemoteCursor> remote) {
    live.setCursors(remote);
    repaint.live();
  }

  /** Others' selections (R92), each drawn in their colour with their name. */
  public void setRemoteSelections(Collection<RemoteSelection> selections) {
    live.setRemoteSelections(selections);
    repaint.live();
  }

  public List<RemoteSelection> remoteSelections() {
    return live.remoteSelections();
  }

  /** Others' text being typed (R91). */
  public void setRemoteDrafts(Collection<RemoteDraft> drafts) {
    live.setDrafts(drafts);
    repaint.live();
  }

  public List<RemoteDraft> remoteDrafts() {
    return live.drafts();
  }

  /** Laser points (board units) of {@code clientId}, drawn in {@code color}; they fade in ~1 s. */
  public void addLaser(String clientId, String color, Points points) {
    Color c;
    try {
      c = Color.web(color);
    } catch (RuntimeException e) {
      c = Color.RED;
    }
    live.lasers().add(clientId, c, points, clock.getAsLong());
    repaint.live();
  }

  /** Laser points still shown (for tests: drops those that have faded). */
  public int laserPointCount() {
    live.lasers().prune(clock.getAsLong());
    return live.lasers().pointCount();
  }

  /**
   * Hears every move of the view: {@code true} for the user's own (a pan, a zoom, "fit"), {@code
   * false} for a {@link #showView} the app asked for.
   */
  public void setOnViewMoved(Consumer<Boolean> listener) {
    viewListener = listener;
  }

  /** The board point at the middle of the view and the zoom (R88). */
  public ViewCentre viewCentre() {
    Viewport v = navigation.viewport();
    double cx = v.toBoardX(getWidth() / 2);
    double cy = v.toBoardY(getHeight() / 2);
    double limit = ProtocolLimits.MAX_COORDINATE;
    return new ViewCentre(
        Math.max(-limit, Math.min(limit, cx)), Math.max(-limit, Math.min(limit, cy)), v.scale());
  }

  /** Shows board point (cx, cy) at the middle of the view at {@code zoom} (clamped). */
  public void showView(double cx, double cy, double zoom) {
    Viewport v = navigation.viewport();
    double scale = Math.max(Viewport.MIN_SCALE, Math.min(Viewport.MAX_SCALE, zoom));
    movingOnRequest = true;
    try {
      v.set(scale, getWidth() / 2 - cx * scale, getHeight() / 2 - cy * scale);
      viewMoved();
    } finally {
      movingOnRequest = false;
    }
  }

  /** The remote cursors shown now. */
  public List<RemoteCursor> remoteCursors() {
    return live.cursors();
  }

  public void requestLive() {
    repaint.live();
  }

  /** Board units of the area the window shows. */
  public Rect visibleArea() {
    return navigation.visibleArea();
  }

  /** Board units of the part of the view no panel covers: where new pictures go. */
  public Rect freeBoardArea() {
    return navigation.freeVisibleArea();
  }

  /** The bounds of every visible element, or null for an empty board. */
  public Rect contentBounds() {
    return layers.contentBounds();
  }

  /** Shows the whole board, centred in the part of the view no panel covers. */
  public void zoomToFit() {
    navigation.zoomToFit();
  }

  /**
   * How far panels floating over the canvas reach in from each edge (pixels), asked at each "fit"
   * so that the content lands beside them rather than under them.
   */
  public void setCoveredEdges(Supplier<Insets> covered) {
    navigation.setCovered(covered);
  }

  /** The part of the view no panel covers, in view pixels (what "fit" fills). */
  public Rect freeArea() {
    return navigation.freeArea();
  }

  /** Sets the zoom (1 = 100 %) around the centre of the view. */
  public void zoomTo(double scale) {
    navigation.zoomTo(scale);
  }

  /**
   * Zooms around the centre of the view by the whole number of {@link ZoomLevels#STEP} steps
   * nearest to {@code factor} (at least one), landing on a zoom level, so zooming back or to a
   * pre-rendered neighbour finds its tiles cached.
   */
  public void zoomBy(double factor) {
    navigation.zoomBy(factor);
  }

  /** Shows board point (0, 0) at the centre of the view. */
  public void centreOrigin() {
    navigation.centreOrigin();
  }

  /**
   * Turns the zoom-level cache and the idle pre-render of neighbouring levels on or off (off drops
   * every cached level): for benchmarks measuring a zoom to a level never painted.
   */
  public void setZoomCache(boolean on) {
    pulses.setPrerender(on);
    painter.setZoomCache(on);
    schedule();
  }

  /**
   * True when the picture is settled and the idle pre-render of the neighbouring zoom levels and
   * the fit view is done too (for benchmarks and tests).
   */
  public boolean isIdle() {
    return pulses.idle();
  }

  /** Paints everything pending now (normally done a budgeted part per pulse). */
  public void flush() {
    painter.paint(Long.MAX_VALUE);
  }

  /**
   * True when nothing is waiting to be painted in view: the tiles in view show the board at the
   * current zoom, no change is pending, and the live layer is up to date (for benchmarks and tests
   * that wait for the picture to settle). Tiles in the margin around the view may still be
   * painting.
   */
  public boolean isSettled() {
    return painter.settled();
  }

  /** How often the view was painted whole and by region (for tests and tuning). */
  public long[] repaintCounts() {
    return new long[] {painter.tiles().fullRepaints(), painter.tiles().regionRepaints()};
  }

  /** Tiles held by cached zoom levels (for tests: bounded by the cache). */
  int cachedTiles() {
    return painter.tiles().cachedTiles();
  }

  /** Cached zoom levels' scales (for tests). */
  Set<Double> cachedScales() {
    return painter.tiles().cachedScales();
  }

  /** The cost the last paint spent on tiles in view (for tests: 0 when a level was ready). */
  long lastPaintCost() {
    return painter.tiles().lastViewSpent();
  }

  /** Runs one pulse of the paint loop now, as the animation timer does (for tests). */
  void pulseNow() {
    pulses.pulse();
  }

  /** The scale of the tiles on screen (for tests: lags the view's while a zoom waits). */
  double tileScale() {
    return painter.tiles().scale();
  }

  /** Runs the idle pre-render to the end now (for tests). */
  void prerenderNow() {
    pulses.prerender(Long.MAX_VALUE);
  }

  @Override
  protected void layoutChildren() {
    navigation.placeOnce(() -> shown.get().visibleElements().isEmpty());
    repaint.live();
  }

  private void viewMoved() {
    zoom.set(navigation.viewport().scale());
    pictureBudget.viewMoved(navigation.visibleArea(), navigation.viewport().scale());
    painter.viewMoved();
    repaint.live();
    viewListener.accept(!movingOnRequest);
  }

  private void schedule() {
    pulses.schedule();
  }
}
