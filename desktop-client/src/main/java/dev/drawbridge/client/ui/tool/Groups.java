package dev.drawbridge.client.ui.tool;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups as the select tool sees them (docs/protocol.md R121–R122): picking one member picks every
 * member that is not deleted, and moves that line things up treat each group as one unit.
 */
public final class Groups {
  private Groups() {}

  /**
   * {@code ids} followed by every other visible member of the groups they belong to, in that order.
   * Costs one pass over the board only when one of them is in a group.
   */
  public static List<String> withMembers(BoardState view, Collection<String> ids) {
    Set<String> out = new LinkedHashSet<>(ids);
    Set<String> groups = new HashSet<>();
    for (String id : ids) {
      Element e = view.get(id);
      if (e != null && !e.deleted() && e.group() != null) {
        groups.add(e.group());
      }
    }
    if (!groups.isEmpty()) {
      for (Element e : view.visibleElements()) {
        if (e.group() != null && groups.contains(e.group()) && !e.hasLock()) {
          out.add(e.id());
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code elements} gathered into units, in the order each unit is first met: the elements of one
   * group together, every element in no group alone.
   */
  public static List<List<Element>> units(List<Element> elements) {
    Map<Object, List<Element>> units = new LinkedHashMap<>();
    for (Element e : elements) {
      Object key = e.group() == null ? e : e.group();
      units.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    return List.copyOf(units.values());
  }

  /** Whether grouping {@code selected} would change anything: two or more not already one group. */
  public static boolean canGroup(List<Element> selected) {
    return selected.size() >= 2 && units(selected).size() >= 2;
  }

  /** Whether any of {@code selected} is in a group. */
  public static boolean canUngroup(List<Element> selected) {
    return selected.stream().anyMatch(e -> e.group() != null);
  }
}
