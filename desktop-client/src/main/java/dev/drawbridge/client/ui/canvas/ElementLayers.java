package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SpatialIndex;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 *
 * <p>Connectors (R102) are indexed and painted where their ends are drawn, and follow their
 * targets: a change to a target repaints the lines and arrows attached to it, and while a target is
 * on the live layer (moved, resized, edited) its connectors are painted there too, following it.
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

  /** The indexed image elements: a board of strokes counts none when the view moves. */
  private final Set<String> imageIds = new HashSet<>();

  private Set<String> liveIds = Set.of();
  private Set<String> hiddenIds = Set.of();
  private double liveDx;
  private double liveDy;
  // Others' strokes while points keep arriving, with when they last grew.
  private final Map<String, Long> growing = new LinkedHashMap<>();
  // Connectors by the ids their bindings name, and those names by connector: which lines and
  // arrows to repaint when an element changes.
  private final Map<String, Set<String>> followers = new HashMap<>();
  private final Map<String, List<String>> targetsOf = new HashMap<>();
  // Connectors painted on the live layer because a target of theirs is there (or they are).
  private Set<String> liveFollowers = Set.of();

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

  /** Connectors the live layer paints, following targets that are live or hidden there. */
  Set<String> liveFollowers() {
    return liveFollowers;
  }

  /** {@code e} as the board draws it: a connector at its drawn ends (R102), others as they are. */
  Element drawn(Element e) {
    BoardState view = board.get();
    return DrawnConnectors.drawn(e, view::get);
  }

  private Rect paintedBounds(Element e) {
    return DrawnConnectors.paintedBounds(drawn(e));
  }

  /** Remembers which elements this connector names, so their changes repaint it. */
  private void follow(String id, Element e) {
    List<String> old = targetsOf.remove(id);
    if (old != null) {
      for (String t : old) {
        Set<String> f = followers.get(t);
        if (f != null && f.remove(id) && f.isEmpty()) {
          followers.remove(t);
        }
      }
    }
    if (e == null || e.deleted() || !e.hasBinding()) {
      return;
    }
    List<String> targets = new ArrayList<>(2);
    if (e.startBinding() != null) {
      targets.add(e.startBinding().elementId());
    }
    if (e.endBinding() != null) {
      targets.add(e.endBinding().elementId());
    }
    targetsOf.put(id, targets);
    for (String t : targets) {
      followers.computeIfAbsent(t, k -> new HashSet<>()).add(id);
    }
  }

  /** The connectors bound to any of {@code ids}. */
  Set<String> followersOf(Collection<String> ids) {
    Set<String> result = new HashSet<>();
    for (String id : ids) {
      Set<String> f = followers.get(id);
      if (f != null) {
        result.addAll(f);
      }
    }
    return result;
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
      Rect r = paintedBounds(e);
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
        visible.add(drawn(e));
      }
    }
    visible.sort(ZOrder.PAINT_ORDER);
    return visible;
  }

  /** The image elements meeting {@code area}, as the tiles draw them (for the pictures' budget). */
  List<Element> imagesIn(Rect area) {
    BoardState view = board.get();
    List<Element> images = new ArrayList<>();
    for (String id : imageIds) {
      Rect bounds = index.bounds(id);
      Element e = view.get(id);
      if (bounds != null && bounds.intersects(area) && e != null && !e.deleted()) {
        images.add(drawn(e));
      }
    }
    return images;
  }

  /** The element queued to go over the tiles, or null when it no longer belongs there. */
  Element onTiles(String id) {
    Element e = board.get().get(id);
    return e != null && index.bounds(id) != null && !excluded(id) ? drawn(e) : null;
  }

  /** Indexes the whole board again; a replaced board grows nothing yet. */
  void reset() {
    growing.clear();
    index.clear();
    imageIds.clear();
    followers.clear();
    targetsOf.clear();
    for (Element e : board.get().visibleElements()) {
      follow(e.id(), e);
    }
    for (Element e : board.get().visibleElements()) {
      index.put(e.id(), paintedBounds(e));
      if (e.hasImage()) {
        imageIds.add(e.id());
      }
    }
    liveFollowers = followersFor(liveIds, hiddenIds);
  }

  /** Connectors that must follow live or hidden elements on the live layer. */
  private Set<String> followersFor(Set<String> live, Set<String> hidden) {
    Set<String> result = followersOf(live);
    result.addAll(followersOf(hidden));
    BoardState view = board.get();
    for (String id : live) {
      Element e = view.get(id);
      if (e != null && e.hasBinding()) {
        result.add(id); // a bound connector moved with the selection is resolved, not shifted
      }
    }
    result.removeAll(hidden);
    return Set.copyOf(result);
  }

  private void updateLiveFollowers() {
    Set<String> previous = liveFollowers;
    liveFollowers = followersFor(liveIds, hiddenIds);
    if (!previous.equals(liveFollowers)) {
      for (String id : previous) {
        if (!liveFollowers.contains(id) && !liveIds.contains(id)) {
          repaint.region(index.bounds(id));
        }
      }
      for (String id : liveFollowers) {
        if (!previous.contains(id)) {
          repaint.region(index.bounds(id));
        }
      }
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
    updateLiveFollowers();
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
    updateLiveFollowers();
    repaint.live();
  }

  /**
   * Re-indexes changed elements and sends each to its layer: a new stroke on top grows on a sprite
   * (at {@code now}), others are repainted where they were and are. Returns the ids now gone.
   */
  Set<String> elementsChanged(Set<String> changed, long now) {
    BoardState view = board.get();
    boolean touchesLive = false;
    Set<String> gone = new HashSet<>();
    for (String id : changed) {
      follow(id, view.get(id));
    }
    // Connectors attached to what changed are drawn elsewhere now (R102): repaint them too.
    Set<String> ids = new java.util.LinkedHashSet<>(changed);
    ids.addAll(followersOf(changed));
    if (!liveFollowers.isEmpty() || ids.size() > changed.size()) {
      updateLiveFollowers();
    }
    for (String id : ids) {
      Rect before = index.bounds(id);
      Element e = view.get(id);
      Rect after = e == null || e.deleted() ? null : paintedBounds(e);
      index.put(id, after);
      if (after != null && e.hasImage()) {
        imageIds.add(id);
      } else {
        imageIds.remove(id);
      }
      if (after == null) {
        gone.add(id);
      }
      if (liveIds.contains(id) || liveFollowers.contains(id)) {
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
    return liveIds.contains(id)
        || hiddenIds.contains(id)
        || growing.containsKey(id)
        || liveFollowers.contains(id);
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
