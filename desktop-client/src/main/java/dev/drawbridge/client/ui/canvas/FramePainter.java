package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.protocol.element.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;

/**
 * Paints one frame of the board from what the {@link RepaintQueue} holds: the tiled layer under the
 * pulse's budget (or, in the middle of a wheel or pinch zoom, the old tiles scaled), then the
 * {@link LiveLayer} when it is stale; and pre-renders the views nearby for the {@link PulseLoop}.
 */
final class FramePainter implements PulseLoop.Frame {
  private final Region pane;
  private final ElementLayers layers;
  private final RepaintQueue repaint;
  private final Navigation navigation;
  private final LiveLayer live;
  private final BooleanSupplier dark;
  private final LongSupplier clock;
  private final TiledLayer tiles;
  private boolean tilesWaiting;

  /**
   * @param pane the canvas: its size is the view's, and its own fill shows where no tile is yet
   */
  FramePainter(
      Region pane,
      ElementLayers layers,
      RepaintQueue repaint,
      Navigation navigation,
      LiveLayer live,
      BooleanSupplier dark,
      BooleanSupplier grid,
      LongSupplier clock,
      PictureSource pictures) {
    this.pane = pane;
    this.layers = layers;
    this.repaint = repaint;
    this.navigation = navigation;
    this.live = live;
    this.dark = dark;
    this.clock = clock;
    tiles =
        new TiledLayer(
            new TiledLayer.Source() {
              @Override
              public List<Element> elementsIn(Rect area) {
                return layers.tileElements(area);
              }

              @Override
              public void paintBackground(GraphicsContext gc, Rect area, double scale) {
                BoardPaper.paint(gc, area, scale, dark.getAsBoolean(), grid.getAsBoolean());
              }

              @Override
              public boolean dark() {
                return dark.getAsBoolean();
              }

              @Override
              public PictureSource pictures() {
                return pictures;
              }
            });
  }

  /** The tiles, then the live layer over them. */
  List<Node> nodes() {
    List<Node> nodes = new ArrayList<>(tiles.nodes());
    nodes.addAll(live.nodes());
    return nodes;
  }

  @Override
  public void paint(long budget) {
    double w = pane.getWidth();
    double h = pane.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    long now = clock.getAsLong();
    layers.expireGrowing(now, budget == Long.MAX_VALUE);
    Viewport viewport = navigation.viewport();
    boolean burstStep = navigation.takeBurstStep();
    boolean zooming =
        viewport.scale() != tiles.scale()
            && !Double.isNaN(tiles.scale())
            && budget != Long.MAX_VALUE
            && !tiles.ready(viewport.scale(), navigation.viewDevice())
            && (navigation.zooming(now)
                || burstStep && tiles.coversScaled(viewport.scale(), navigation.viewDevice()));
    // The first frames of a burst of steps keep the picture still, tiles and live layer alike
    // (moving them would be a filtered full-window frame for a view left a pulse later); the level
    // the burst ends on follows in the first pulse without a step.
    boolean hold = zooming && burstStep && navigation.burstYoung(now);
    if (hold) {
      tilesWaiting = true;
      return;
    }
    if (zooming) {
      // Mid-gesture (wheel, pinch, or a step right after another whose view the old tiles still
      // cover): show the old tiles scaled; paint at the new zoom when the gesture pauses, so the
      // levels a burst of steps passes through are never rasterised.
      tiles.place(viewport.scale(), viewport.offsetX(), viewport.offsetY());
      tilesWaiting = true;
    } else {
      paintTiles(viewport, budget);
    }
    if (repaint.liveWaiting()) {
      boolean fading = live.paint(viewport, w, h, dark.getAsBoolean(), now);
      repaint.livePainted();
      if (fading) {
        // Laser trails fade a little every frame until they are gone.
        repaint.liveStale();
      }
    }
  }

  private void paintTiles(Viewport viewport, long budget) {
    Rect view = navigation.viewDevice();
    tiles.rescale(viewport.scale(), view);
    if (repaint.takeFull()) {
      tiles.invalidateAll();
    }
    repaint.drainRegions(tiles::invalidate);
    repaint.drainOnTop(
        id -> {
          Element e = layers.onTiles(id);
          if (e != null) {
            tiles.paintOnTop(e, layers.bounds(id));
          }
        });
    tilesWaiting = tiles.update(view, budget);
    tiles.place(viewport.scale(), viewport.offsetX(), viewport.offsetY());
    // Under opaque tiles the pane's own fill would only cost a full-window fill per frame.
    boolean covered = tiles.coversView(view);
    if (covered == (pane.getBackground() != null)) {
      showBackground(!covered);
    }
  }

  /** Shows the pane's own fill (where no tile is painted yet), or none under covering tiles. */
  void showBackground(boolean shown) {
    pane.setBackground(
        shown
            ? new Background(
                new BackgroundFill(BoardPaper.background(dark.getAsBoolean()), null, null))
            : null);
  }

  /** The view moved: a cached level at the new zoom is shown at once, the tiles follow. */
  void viewMoved() {
    Viewport viewport = navigation.viewport();
    if (viewport.scale() != tiles.scale()
        && tiles.ready(viewport.scale(), navigation.viewDevice())) {
      // A cached level: shown in this frame, not the old level scaled (a filtered full-window
      // frame) until the next pulse.
      tiles.rescale(viewport.scale(), navigation.viewDevice());
    } else if (viewport.scale() != tiles.scale()
        && navigation.burstStepPending()
        && navigation.burstYoung(clock.getAsLong())
        && tiles.coversScaled(viewport.scale(), navigation.viewDevice())) {
      // A young burst of steps: the picture stays still until the next paint decides (see paint).
      return;
    }
    tiles.place(viewport.scale(), viewport.offsetX(), viewport.offsetY());
  }

  @Override
  public boolean settled() {
    return repaint.isEmpty()
        && layers.growingIds().isEmpty()
        && navigation.viewport().scale() == tiles.scale()
        && tiles.viewPainted(navigation.viewDevice());
  }

  @Override
  public boolean tilesWaiting() {
    return tilesWaiting;
  }

  @Override
  public boolean paintedNothing() {
    return tiles.lastSpent() == 0;
  }

  @Override
  public boolean busy() {
    return layers.busy();
  }

  @Override
  public boolean prerender(long budget) {
    if (pane.getWidth() <= 0 || pane.getHeight() <= 0) {
      return true;
    }
    return !tiles.prerender(navigation.viewsNearby(), budget).done();
  }

  /** Turns the zoom-level cache on or off (off drops every cached level). */
  void setZoomCache(boolean on) {
    tiles.setCacheLimit(on ? TiledLayer.MAX_CACHED_TILES : 0);
  }

  /** The tiled layer, for the canvas's counters that tests and benchmarks read. */
  TiledLayer tiles() {
    return tiles;
  }
}
