package dev.drawbridge.client.ui.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;

/**
 * Zoom levels not on screen, kept so that zooming back to a recently shown level, or to one
 * pre-rendered while the board was idle, shows sharp tiles at once. Bounded by a total tile count
 * (each tile is a 256×256 ARGB bitmap, 256 KB of heap on the software pipeline): when over it, the
 * least recently used levels that are not pinned (the pre-render's current targets, the level shown
 * underneath during a zoom) are dropped whole.
 */
final class LevelCache {
  private final Map<Double, TileLevel> levels = new HashMap<>();
  private final Consumer<Canvas> release;
  private int maxTiles;
  private long clock;

  LevelCache(int maxTiles, Consumer<Canvas> release) {
    this.maxTiles = maxTiles;
    this.release = release;
  }

  int maxTiles() {
    return maxTiles;
  }

  /** A new bound (0 turns the cache off); levels over it are dropped at the next trim. */
  void setMaxTiles(int max) {
    maxTiles = max;
  }

  /** The cached level at exactly this scale, or null; marks it used. */
  TileLevel get(double scale) {
    TileLevel level = levels.get(scale);
    if (level != null) {
      level.lastUsed = ++clock;
    }
    return level;
  }

  /** The cached level at exactly this scale, or null, without marking it used (a check). */
  TileLevel peek(double scale) {
    return levels.get(scale);
  }

  /** Takes the level at this scale out of the cache (it goes on screen), or null. */
  TileLevel take(double scale) {
    return levels.remove(scale);
  }

  /** Keeps a level that leaves the screen, as the most recently used. */
  void put(TileLevel level) {
    level.lastUsed = ++clock;
    TileLevel old = levels.put(level.scale(), level);
    if (old != null && old != level) {
      old.releaseAll(release);
    }
  }

  Collection<TileLevel> levels() {
    return levels.values();
  }

  int tileCount() {
    int n = 0;
    for (TileLevel l : levels.values()) {
      n += l.size();
    }
    return n;
  }

  /**
   * Drops least recently used unpinned levels until {@code needed} more tiles fit (or only pinned
   * levels are left); returns how many tiles may be added now.
   */
  int makeRoom(int needed, Set<Double> pinned) {
    evict(maxTiles - needed, pinned);
    return Math.max(0, maxTiles - tileCount());
  }

  /** Drops least recently used unpinned levels until the cache is within its bound. */
  void trim(Set<Double> pinned) {
    evict(maxTiles, pinned);
  }

  private void evict(int limit, Set<Double> pinned) {
    int total = tileCount();
    if (total <= limit) {
      return;
    }
    List<TileLevel> byAge = new ArrayList<>(levels.values());
    byAge.sort(Comparator.comparingLong(l -> l.lastUsed));
    for (TileLevel l : byAge) {
      if (total <= limit) {
        break;
      }
      if (pinned.contains(l.scale())) {
        continue;
      }
      total -= l.size();
      levels.remove(l.scale());
      l.releaseAll(release);
    }
  }

  /** Drops every level. */
  void clear() {
    for (TileLevel l : levels.values()) {
      l.releaseAll(release);
    }
    levels.clear();
  }
}
