package dev.drawbridge.client.geom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A uniform grid over the board: each element id is filed under every cell its painted bounds
 * touch, so "what is visible here" looks at a few cells instead of every element. Elements that
 * span very many cells (a huge rectangle) are kept in a separate list that every query checks.
 */
public final class SpatialIndex {
  private static final int MAX_CELLS_PER_ELEMENT = 64;
  private final double cellSize;
  private final Map<Long, Set<String>> cells = new HashMap<>();
  private final Map<String, Rect> bounds = new HashMap<>();
  private final Set<String> large = new HashSet<>();

  public SpatialIndex(double cellSize) {
    this.cellSize = cellSize;
  }

  /** Files {@code id} under {@code rect}, or removes it when rect is null. */
  public void put(String id, Rect rect) {
    remove(id);
    if (rect == null) {
      return;
    }
    bounds.put(id, rect);
    long cellCount =
        (long) (cellIndex(rect.maxX()) - cellIndex(rect.minX()) + 1)
            * (cellIndex(rect.maxY()) - cellIndex(rect.minY()) + 1);
    if (cellCount > MAX_CELLS_PER_ELEMENT) {
      large.add(id);
      return;
    }
    forEachCell(rect, key -> cells.computeIfAbsent(key, k -> new HashSet<>()).add(id));
  }

  public void remove(String id) {
    Rect old = bounds.remove(id);
    if (old == null) {
      return;
    }
    if (!large.remove(id)) {
      forEachCell(
          old,
          key -> {
            Set<String> cell = cells.get(key);
            if (cell != null) {
              cell.remove(id);
              if (cell.isEmpty()) {
                cells.remove(key);
              }
            }
          });
    }
  }

  public void clear() {
    cells.clear();
    bounds.clear();
    large.clear();
  }

  /** The bounds {@code id} was filed under, or null. */
  public Rect bounds(String id) {
    return bounds.get(id);
  }

  public int size() {
    return bounds.size();
  }

  /** Ids whose bounds intersect {@code area} (no particular order). */
  public List<String> query(Rect area) {
    Set<String> found = new LinkedHashSet<>();
    long cellCount =
        (long) (cellIndex(area.maxX()) - cellIndex(area.minX()) + 1)
            * (cellIndex(area.maxY()) - cellIndex(area.minY()) + 1);
    if (cellCount > cells.size()) {
      // Zoomed far out: walking the filled cells is cheaper than walking the empty ones.
      for (Map.Entry<String, Rect> entry : bounds.entrySet()) {
        if (entry.getValue().intersects(area)) {
          found.add(entry.getKey());
        }
      }
      return new ArrayList<>(found);
    }
    forEachCell(
        area,
        key -> {
          Set<String> cell = cells.get(key);
          if (cell != null) {
            for (String id : cell) {
              if (bounds.get(id).intersects(area)) {
                found.add(id);
              }
            }
          }
        });
    for (String id : large) {
      if (bounds.get(id).intersects(area)) {
        found.add(id);
      }
    }
    return new ArrayList<>(found);
  }

  private int cellIndex(double v) {
    return (int) Math.floor(v / cellSize);
  }

  private interface CellVisitor {
    void visit(long key);
  }

  private void forEachCell(Rect r, CellVisitor visitor) {
    int x0 = cellIndex(r.minX());
    int x1 = cellIndex(r.maxX());
    int y0 = cellIndex(r.minY());
    int y1 = cellIndex(r.maxY());
    for (int cx = x0; cx <= x1; cx++) {
      for (int cy = y0; cy <= y1; cy++) {
        visitor.visit(((long) cx << 32) ^ (cy & 0xffffffffL));
      }
    }
  }
}
