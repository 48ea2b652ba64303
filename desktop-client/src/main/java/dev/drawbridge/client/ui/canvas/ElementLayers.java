package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SpatialIndex;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where each committed element is and which layer paints it: the tiles, the live overlay (being
 * drawn or moved here), a sprite of its own (another member's stroke while it grows) or none
 * (hidden while its text is edited in place). Moves between layers queue the tile repaints they
 * need: an element leaving the live layer is painted over the tiles when nothing there is above it,
 * else its region is repainted.
 */
final class ElementLayers {
  /**
   * At most this many others' strokes grow on sprites at once; more (a catch-up burst of added
   * strokes) go straight to the tiles as dirty regions instead of one canvas each.
   */
  static final int MAX_GROWING = 16;

  /** A remote stroke that got no points for this long is moved from the live layer to the tiles. */
  static final long GROWING_NANOS = 400_000_000L;

  enum Layer {
    TILES,
    LIVE,
    GROWING,
    HIDDEN
  }

  private final Supplier<BoardState> board;
  private final RepaintQueue repaint;
  private final SpatialIndex index = new SpatialIndex(256);
  private Set<String> liveIds = Set.of();
  private Set<String> hiddenIds = Set.of();
  private double liveDx;
  private double liveDy;
  // Others' strokes while points keep arriving, with when they last grew.
  private final Map<String, Long> growing = new LinkedHashMap<>();

  ElementLayers(Supplier<BoardState> board, RepaintQueue repaint) {
    this.board = board;
    this.repaint = repaint;
  }

  Layer layerOf(String id) {
    if (hiddenIds.contains(id)) {
      return Layer.HIDDEN;
    }
    if (liveIds.contains(id)) {
      return Layer.LIVE;
    }
    return growing.containsKey(id) ? Layer.GROWING : Layer.TILES;
  }

  /** Painted bounds of a visible element, or null. */
  Rect bounds(String id) {
    return index.bounds(id);
  }

  /** Ids of visible elements whose painted bounds meet {@code area}. */
  List<String> near(Rect area) {
    return index.query(area);
  }

  Set<String> liveIds() {
    return liveIds;
  }

  double liveDx() {
    return liveDx;
  }

  double liveDy() {
    return liveDy;
  }

  Set<String> hiddenIds() {
    return hiddenIds;
  }

  Collection<String> growingIds() {
    return growing.keySet();
  }

  /** Something moves every frame: elements on the live layer or strokes still growing. */
  boolean busy() {
    return !liveIds.isEmpty() || !growing.isEmpty();
  }

  /** The bounds of every visible element, or null for an empty board. */
  Rect contentBounds() {
    Rect all = null;
    for (Element e : board.get().visibleElements()) {
      Rect r = Rect.paintedBounds(e);
      all = all == null ? r : all.union(r);
    }
    return all;
  }

  /** What the tiles show in {@code area}: committed elements not on another layer, in order. */
  List<Element> tileElements(Rect area) {
    BoardState view = board.get();
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

  /** The element queued to go over the tiles, or null when it no longer belongs there. */
  Element onTiles(String id) {
    Element e = board.get().get(id);
    return e != null && index.bounds(id) != null && !excluded(id) ? e : null;
  }

  /** Indexes the whole board again; a replaced board grows nothing yet. */
  void reset() {
    growing.clear();
    index.clear();
    for (Element e : board.get().visibleElements()) {
      index.put(e.id(), Rect.paintedBounds(e));
    }
  }

  /** Draws these elements on the live layer shifted by (dx, dy) instead of the tiles. */
  void showLive(Set<String> ids, double dx, double dy) {
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
          repaint.region(index.bounds(id));
        }
      }
    }
    repaint.live();
  }

  /** Hides these elements from every layer. */
  void hide(Set<String> ids) {
    for (String id : hiddenIds) {
      repaint.region(index.bounds(id));
    }
    hiddenIds = Set.copyOf(ids);
    for (String id : hiddenIds) {
      repaint.region(index.bounds(id));
    }
    repaint.live();
  }

  /**
   * Re-indexes changed elements and sends each to its layer: a new stroke on top grows on a sprite
   * (at {@code now}), others are repainted where they were and are. Returns the ids now gone.
   */
  Set<String> elementsChanged(Set<String> ids, long now) {
    BoardState view = board.get();
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
          repaint.liveStale();
        }
        repaint.region(before);
        repaint.region(after);
      }
    }
    if (touchesLive) {
      repaint.live();
    }
    return gone;
  }

  /** Strokes that stopped growing by {@code now} (all of them when {@code all}) join the tiles. */
  void expireGrowing(long now, boolean all) {
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
      repaint.liveStale();
    }
  }

  private boolean excluded(String id) {
    return liveIds.contains(id) || hiddenIds.contains(id) || growing.containsKey(id);
  }

  private void leaveLiveLayer(String id) {
    Rect r = index.bounds(id);
    if (r == null) {
      return;
    }
    if (isOnTop(id, r)) {
      repaint.onTop(id);
    } else {
      repaint.region(r);
    }
  }

  /** Nothing the tiles show in {@code r} is painted above {@code id}. */
  private boolean isOnTop(String id, Rect r) {
    BoardState view = board.get();
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

  private static boolean isFreehand(Element e) {
    return e.kind() == ElementKind.STROKE || e.kind() == ElementKind.HIGHLIGHTER;
  }
}
