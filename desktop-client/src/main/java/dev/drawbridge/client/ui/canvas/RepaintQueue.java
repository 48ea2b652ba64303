package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What waits to be painted: the whole tiled layer, regions of it, elements to paint over it, and
 * the live layer. Marks that bring work wake the pulse loop; the frame takes the work in the order
 * it paints it.
 */
final class RepaintQueue {
  private final Runnable wake;
  private boolean full = true;
  private final List<Rect> regions = new ArrayList<>();
  private final List<String> onTop = new ArrayList<>();
  private boolean live = true;

  RepaintQueue(Runnable wake) {
    this.wake = wake;
  }

  /** Board area to repaint on the tiles; null is ignored. */
  void region(Rect area) {
    if (area == null) {
      return;
    }
    // Kept apart: the union of two far-apart changes would repaint everything between them.
    regions.add(area);
    wake.run();
  }

  /** An element to paint over the tiles without clearing what is under it. */
  void onTop(String id) {
    onTop.add(id);
    wake.run();
  }

  /** Everything, tiles and live layer (grid, theme or whole board changed). */
  void all() {
    full = true;
    live = true;
    wake.run();
  }

  /** The board was replaced: elements queued to go on top are repainted with everything else. */
  void restart() {
    onTop.clear();
    all();
  }

  void live() {
    live = true;
    wake.run();
  }

  /** The live layer is stale, found while a pulse is already running (no wake needed). */
  void liveStale() {
    live = true;
  }

  boolean isEmpty() {
    return !full && regions.isEmpty() && onTop.isEmpty() && !live;
  }

  boolean takeFull() {
    boolean was = full;
    full = false;
    return was;
  }

  /** Hands each waiting region to {@code into}, then forgets them. */
  void drainRegions(Consumer<Rect> into) {
    regions.forEach(into);
    regions.clear();
  }

  /** Hands each element waiting to go on top to {@code into}, then forgets them. */
  void drainOnTop(Consumer<String> into) {
    onTop.forEach(into);
    onTop.clear();
  }

  boolean liveWaiting() {
    return live;
  }

  void livePainted() {
    live = false;
  }
}
