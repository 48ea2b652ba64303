package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.geom.Handles;
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
import javafx.geometry.VPos;
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
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The infinite board. The cached layer holds committed elements and is repainted only in the
 * regions whose elements changed, once per pulse; zooming or panning past the cached margin
 * repaints what is visible (found through the grid index). The live layer is cleared and repainted
 * each pulse it is needed, and holds only what moves.
 */
public final class BoardCanvas extends Pane {
  /** Extra cached pixels around the view so short pans need no repaint. */
  static final int MARGIN = 256;

  /**
   * While the wheel or a pinch keeps zooming, the cached bitmap is scaled instead of repainted; the
   * repaint at the new zoom follows once zooming pauses this long.
   */
  private static final long ZOOM_SETTLE_NANOS = 150_000_000L;

  private static final double GRID_STEP = 20;
  private static final Color SELECTION = Color.web("#4f7cff");

  private final LocalBoard board;
  private final Selection selection;
  private final Viewport viewport = new Viewport();
  private final SpatialIndex index = new SpatialIndex(256);
  private final Canvas cached = new Canvas();
  private final Canvas live = new Canvas();
  private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
  private final BooleanProperty grid = new SimpleBooleanProperty(true);
  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final Map<String, RemoteCursor> cursors = new LinkedHashMap<>();

  private Set<String> liveIds = Set.of();
  private Set<String> hiddenIds = Set.of();
  private double liveDx;
  private double liveDy;
  private Supplier<ToolPreview> preview = () -> ToolPreview.NONE;
  private PointerHandler pointerHandler;

  // What the cached bitmap was painted for.
  private double cachedScale = Double.NaN;
  private double cachedOffsetX;
  private double cachedOffsetY;
  private boolean fullRepaint = true;
  private Rect dirty;
  private boolean liveDirty = true;
  private boolean timerRunning;
  private long fullRepaints;
  private long regionRepaints;

  private boolean placed;
  private long lastWheelZoom;
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
          flush();
          if (!fullRepaint && dirty == null && !liveDirty && viewport.scale() == cachedScale) {
            stop();
            timerRunning = false;
          }
        }
      };

  public BoardCanvas(LocalBoard board, Selection selection) {
    this.board = board;
    this.selection = selection;
    getStyleClass().add("board-canvas");
    getChildren().addAll(cached, live);
    cached.setManaged(false);
    live.setManaged(false);
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
            rebuildIndex();
            requestFull();
          }
        });
    selection.addListener(this::requestLive);
    grid.addListener((o, a, b) -> requestFull());
    dark.addListener((o, a, b) -> requestFull());
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

  /** Draws these elements on the live layer shifted by (dx, dy) instead of the cached layer. */
  public void showLive(Set<String> ids, double dx, double dy) {
    Set<String> previous = liveIds;
    liveIds = Set.copyOf(ids);
    liveDx = dx;
    liveDy = dy;
    if (!previous.equals(liveIds)) {
      for (String id : previous) {
        markDirty(index.bounds(id));
      }
      for (String id : liveIds) {
        markDirty(index.bounds(id));
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
    viewport.fit(contentBounds(), getWidth(), getHeight(), 40);
    viewChanged();
  }

  /** Sets the zoom (1 = 100 %) around the centre of the view. */
  public void zoomTo(double scale) {
    viewport.setScaleAt(scale, getWidth() / 2, getHeight() / 2);
    viewChanged();
  }

  public void zoomBy(double factor) {
    viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
    viewChanged();
  }

  /** Shows board point (0, 0) at the centre of the view. */
  public void centreOrigin() {
    viewport.set(viewport.scale(), Math.round(getWidth() / 2), Math.round(getHeight() / 2));
    viewChanged();
  }

  /** Paints whatever is pending now (normally done once per pulse). */
  public void flush() {
    double w = getWidth();
    double h = getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    int cw = (int) Math.ceil(w) + 2 * MARGIN;
    int ch = (int) Math.ceil(h) + 2 * MARGIN;
    double shiftX = viewport.offsetX() - cachedOffsetX;
    double shiftY = viewport.offsetY() - cachedOffsetY;
    boolean outOfMargin = Math.abs(shiftX) > MARGIN || Math.abs(shiftY) > MARGIN;
    boolean zooming =
        viewport.scale() != cachedScale
            && !Double.isNaN(cachedScale)
            && System.nanoTime() - lastWheelZoom < ZOOM_SETTLE_NANOS;
    if (zooming && !fullRepaint && cached.getWidth() == cw && cached.getHeight() == ch) {
      // Mid-gesture: show the old bitmap scaled; repaint when the gesture pauses.
      placeCached();
    } else if (fullRepaint
        || cached.getWidth() != cw
        || cached.getHeight() != ch
        || viewport.scale() != cachedScale
        || outOfMargin) {
      cached.setWidth(cw);
      cached.setHeight(ch);
      paintCached(null);
      fullRepaint = false;
      dirty = null;
      fullRepaints++;
    } else if (dirty != null) {
      paintCached(dirty);
      dirty = null;
      regionRepaints++;
    }
    placeCached();
    if (liveDirty) {
      if (live.getWidth() != Math.ceil(w) || live.getHeight() != Math.ceil(h)) {
        live.setWidth(Math.ceil(w));
        live.setHeight(Math.ceil(h));
        liveDrawn = new Rect(0, 0, live.getWidth(), live.getHeight());
      }
      paintLive();
      liveDirty = false;
    }
  }

  /** How often the cached layer was repainted whole and by region (for tests and tuning). */
  public long[] repaintCounts() {
    return new long[] {fullRepaints, regionRepaints};
  }

  // ---- painting -------------------------------------------------------------------------

  private void placeCached() {
    double s = viewport.scale();
    if (Double.isNaN(cachedScale) || s == cachedScale) {
      if (!cached.getTransforms().isEmpty()) {
        cached.getTransforms().clear();
      }
      cached.relocate(
          viewport.offsetX() - cachedOffsetX - MARGIN, viewport.offsetY() - cachedOffsetY - MARGIN);
      return;
    }
    // Where the bitmap's top-left board point is now, and how much bigger it has become.
    double boardX = (-MARGIN - cachedOffsetX) / cachedScale;
    double boardY = (-MARGIN - cachedOffsetY) / cachedScale;
    double f = s / cachedScale;
    cached.getTransforms().setAll(new javafx.scene.transform.Scale(f, f, 0, 0));
    cached.relocate(viewport.toScreenX(boardX), viewport.toScreenY(boardY));
  }

  /** Paints the cached layer: everything, or only {@code region} (board units). */
  private void paintCached(Rect region) {
    GraphicsContext gc = cached.getGraphicsContext2D();
    if (region == null) {
      cachedScale = viewport.scale();
      cachedOffsetX = viewport.offsetX();
      cachedOffsetY = viewport.offsetY();
    }
    double s = cachedScale;
    double ox = cachedOffsetX + MARGIN;
    double oy = cachedOffsetY + MARGIN;
    Rect covered =
        new Rect(-ox / s, -oy / s, (cached.getWidth() - ox) / s, (cached.getHeight() - oy) / s);
    Rect area = region == null ? covered : region.inflate(1 / s);
    if (!area.intersects(covered)) {
      return;
    }
    gc.save();
    gc.setTransform(1, 0, 0, 1, 0, 0);
    // Whole device pixels, so the cleared area and the clip agree exactly.
    double px0 = Math.floor(Math.max(0, area.minX() * s + ox));
    double py0 = Math.floor(Math.max(0, area.minY() * s + oy));
    double px1 = Math.ceil(Math.min(cached.getWidth(), area.maxX() * s + ox));
    double py1 = Math.ceil(Math.min(cached.getHeight(), area.maxY() * s + oy));
    if (region != null) {
      gc.beginPath();
      gc.rect(px0, py0, px1 - px0, py1 - py0);
      gc.closePath();
      gc.clip();
    }
    gc.setFill(background());
    gc.fillRect(px0, py0, px1 - px0, py1 - py0);
    gc.setTransform(s, 0, 0, s, ox, oy);
    Rect painted = new Rect((px0 - ox) / s, (py0 - oy) / s, (px1 - ox) / s, (py1 - oy) / s);
    if (grid.get()) {
      paintGrid(gc, painted, s);
    }
    BoardState view = board.view();
    List<Element> visible = new ArrayList<>();
    for (String id : index.query(painted)) {
      Element e = view.get(id);
      if (e != null && !e.deleted() && !liveIds.contains(id) && !hiddenIds.contains(id)) {
        visible.add(e);
      }
    }
    visible.sort(ZOrder.PAINT_ORDER);
    boolean isDark = dark.get();
    for (Element e : visible) {
      ElementPainter.paint(gc, e, 0, 0, isDark);
    }
    gc.restore();
  }

  private void paintGrid(GraphicsContext gc, Rect area, double s) {
    double step = GRID_STEP;
    while (step * s < 12) {
      step *= 5;
    }
    gc.setStroke(dark.get() ? Color.web("#2a2a2e") : Color.web("#eef0f3"));
    gc.setLineWidth(1 / s);
    double x0 = Math.floor(area.minX() / step) * step;
    double y0 = Math.floor(area.minY() / step) * step;
    gc.beginPath();
    for (double x = x0; x <= area.maxX(); x += step) {
      gc.moveTo(x, area.minY());
      gc.lineTo(x, area.maxY());
    }
    for (double y = y0; y <= area.maxY(); y += step) {
      gc.moveTo(area.minX(), y);
      gc.lineTo(area.maxX(), y);
    }
    gc.stroke();
  }

  private Color background() {
    return dark.get() ? Color.web("#161618") : Color.WHITE;
  }

  /** Screen pixels: what the live layer drew last, so the next frame clears only that. */
  private Rect liveDrawn;

  private void paintLive() {
    GraphicsContext gc = live.getGraphicsContext2D();
    gc.setTransform(1, 0, 0, 1, 0, 0);
    if (liveDrawn != null) {
      Rect c = liveDrawn.inflate(2);
      gc.clearRect(c.minX(), c.minY(), c.width(), c.height());
    }
    liveDrawn = null;
    double s = viewport.scale();
    gc.setTransform(s, 0, 0, s, viewport.offsetX(), viewport.offsetY());
    BoardState view = board.view();
    boolean isDark = dark.get();
    List<Element> shown = new ArrayList<>();
    for (String id : liveIds) {
      Element e = view.get(id);
      if (e != null && !e.deleted() && !hiddenIds.contains(id)) {
        shown.add(e);
      }
    }
    shown.sort(ZOrder.PAINT_ORDER);
    for (Element e : shown) {
      ElementPainter.paint(gc, e, liveDx, liveDy, isDark);
      drewBoard(Rect.paintedBounds(e).translate(liveDx, liveDy));
    }
    switch (preview.get()) {
      case ToolPreview.Shape shape -> {
        ElementPainter.paint(gc, shape.element(), 0, 0, isDark);
        drewBoard(Rect.paintedBounds(shape.element()));
      }
      case ToolPreview.Marquee m -> {
        drewBoard(m.area().inflate(1 / s));
        gc.setFill(SELECTION.deriveColor(0, 1, 1, 0.08));
        gc.fillRect(m.area().minX(), m.area().minY(), m.area().width(), m.area().height());
        gc.setStroke(SELECTION);
        gc.setLineWidth(1 / s);
        gc.strokeRect(m.area().minX(), m.area().minY(), m.area().width(), m.area().height());
      }
      case ToolPreview.Nothing n -> {}
    }
    paintSelection(gc, view, s);
    gc.setTransform(1, 0, 0, 1, 0, 0);
    paintCursors(gc);
  }

  private void paintHandles(GraphicsContext gc, Element e, double s) {
    double half = 4 / s;
    double dx = liveIds.contains(e.id()) ? liveDx : 0;
    double dy = liveIds.contains(e.id()) ? liveDy : 0;
    gc.setFill(Color.WHITE);
    gc.setStroke(SELECTION);
    gc.setLineWidth(1.5 / s);
    for (Handles.Handle h : Handles.of(e)) {
      double[] p = Handles.position(e, h);
      double x = p[0] + dx - half;
      double y = p[1] + dy - half;
      gc.fillRect(x, y, 2 * half, 2 * half);
      gc.strokeRect(x, y, 2 * half, 2 * half);
      drewBoard(new Rect(x, y, x + 2 * half, y + 2 * half).inflate(2 / s));
    }
  }

  private void drewBoard(Rect r) {
    drewScreen(
        new Rect(
            viewport.toScreenX(r.minX()),
            viewport.toScreenY(r.minY()),
            viewport.toScreenX(r.maxX()),
            viewport.toScreenY(r.maxY())));
  }

  private void drewScreen(Rect r) {
    liveDrawn = liveDrawn == null ? r : liveDrawn.union(r);
  }

  private void paintSelection(GraphicsContext gc, BoardState view, double s) {
    gc.setStroke(SELECTION);
    gc.setLineWidth(1.5 / s);
    gc.setLineDashes(4 / s, 3 / s);
    for (String id : selection.ordered()) {
      Element e = view.get(id);
      if (e == null || e.deleted()) {
        continue;
      }
      Rect r = Rect.paintedBounds(e).inflate(3 / s);
      if (liveIds.contains(id)) {
        r = r.translate(liveDx, liveDy);
      }
      gc.strokeRect(r.minX(), r.minY(), r.width(), r.height());
      drewBoard(r.inflate(2 / s));
    }
    gc.setLineDashes();
    if (selection.ordered().size() == 1) {
      Element only = view.get(selection.ordered().getFirst());
      if (only != null && !only.deleted() && !hiddenIds.contains(only.id())) {
        paintHandles(gc, only, s);
      }
    }
  }

  private void paintCursors(GraphicsContext gc) {
    Font font = Font.font("System", FontWeight.BOLD, 13);
    gc.setFont(font);
    gc.setTextBaseline(VPos.CENTER);
    for (RemoteCursor c : cursors.values()) {
      double x = Math.round(viewport.toScreenX(c.x()));
      double y = Math.round(viewport.toScreenY(c.y()));
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
      double textWidth = measure.getLayoutBounds().getWidth() + 14;
      gc.setFill(color);
      gc.fillRoundRect(x + 12, y + 20, textWidth, 22, 11, 11);
      gc.setFill(
          color.getBrightness() > 0.75 && color.getSaturation() < 0.5 ? Color.BLACK : Color.WHITE);
      gc.fillText(name, x + 19, y + 31);
      drewScreen(new Rect(x - 2, y - 2, x + 14 + textWidth, y + 44));
    }
  }

  private static Color safeColor(String web) {
    try {
      return Color.web(web);
    } catch (RuntimeException e) {
      return Color.web("#6965db");
    }
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
    BoardState view = board.view();
    boolean touchesLive = false;
    Set<String> gone = new HashSet<>();
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
      } else {
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

  private void markDirty(Rect r) {
    if (r == null) {
      return;
    }
    dirty = dirty == null ? r : dirty.union(r);
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
    placeCached();
    schedule();
  }

  private void schedule() {
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
    if (e.isControlDown() || e.isMetaDown()) {
      lastWheelZoom = System.nanoTime();
      viewport.zoomAt(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY());
    } else {
      viewport.panBy(e.getDeltaX(), e.getDeltaY());
    }
    viewChanged();
    e.consume();
  }
}
