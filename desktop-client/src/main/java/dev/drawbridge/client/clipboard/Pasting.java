package dev.drawbridge.client.clipboard;

import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where pasted elements land and what they become: each gets a new id, the group keeps its layout
 * with the centre of its bounds at the paste point, and it stacks above everything on the board in
 * its own paint order. A line or arrow bound to an element pasted with it is bound to that
 * element's copy; a binding to anything else is dropped, leaving a free end where the line was
 * drawn when it was copied (R100, R102: the copy stores its drawn ends). Each group with two or
 * more elements pasted gets a new group id, so copies never join the originals' group; a group of
 * which only one element is pasted is not kept (R122).
 */
public final class Pasting {
  private Pasting() {}

  /**
   * The copies of {@code elements} (deleted ones are left out) centred on (atX, atY) above {@code
   * topZ}, authored by {@code author}, with ids from {@code newIds}.
   *
   * @throws IllegalArgumentException (the protocol's field checks) when a copy would leave the
   *     board's coordinate range
   */
  public static List<Element> place(
      List<Element> elements,
      double atX,
      double atY,
      double topZ,
      String author,
      Supplier<String> newIds) {
    List<Element> kept = live(elements);
    if (kept.isEmpty()) {
      return List.of();
    }
    double[] box = bounds(kept);
    return shifted(
        kept, atX - (box[0] + box[2]) / 2, atY - (box[1] + box[3]) / 2, topZ, author, newIds);
  }

  /**
   * The copies of {@code elements} (deleted ones are left out) moved by (dx, dy), above {@code
   * topZ}, re-identified and re-bound as {@link #place} does.
   */
  public static List<Element> shifted(
      List<Element> elements,
      double dx,
      double dy,
      double topZ,
      String author,
      Supplier<String> newIds) {
    List<Element> kept = live(elements);
    Map<String, String> ids = new HashMap<>();
    for (Element e : kept) {
      ids.put(e.id(), newIds.get());
    }
    Map<String, String> groups = newGroups(kept, newIds);
    List<Element> copies = new ArrayList<>();
    double z = topZ;
    for (Element e : kept) {
      z = ZOrder.above(z);
      copies.add(
          new Element(
              ids.get(e.id()),
              e.kind(),
              e.x() + dx,
              e.y() + dy,
              e.w(),
              e.h(),
              e.points(),
              e.text(),
              e.style(),
              z,
              false,
              author,
              rebound(e.startBinding(), ids),
              rebound(e.endBinding(), ids),
              e.routing(),
              e.label(),
              e.image(),
              e.group() == null ? null : groups.get(e.group()),
              null)); // copies are not locked (R127)
    }
    return copies;
  }

  /** A new id for each group that two or more of {@code kept} belong to. */
  private static Map<String, String> newGroups(List<Element> kept, Supplier<String> newIds) {
    Map<String, Integer> members = new HashMap<>();
    for (Element e : kept) {
      if (e.group() != null) {
        members.merge(e.group(), 1, Integer::sum);
      }
    }
    Map<String, String> groups = new HashMap<>();
    members.forEach(
        (group, count) -> {
          if (count >= 2) {
            groups.put(group, newIds.get());
          }
        });
    return groups;
  }

  private static List<Element> live(List<Element> elements) {
    List<Element> kept = new ArrayList<>();
    for (Element e : elements) {
      if (!e.deleted()) {
        kept.add(e);
      }
    }
    kept.sort(ZOrder.PAINT_ORDER);
    return kept;
  }

  /** The binding on the pasted target, or null (a free end) when its target was not pasted. */
  private static Binding rebound(Binding b, Map<String, String> ids) {
    if (b == null || !ids.containsKey(b.elementId())) {
      return null;
    }
    return Binding.to(ids.get(b.elementId()), b.x(), b.y());
  }

  /** {@code [minX, minY, maxX, maxY]} of all of {@code elements}. */
  static double[] bounds(List<Element> elements) {
    double[] all = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (Element e : elements) {
      double[] b = e.bounds();
      all[0] = Math.min(all[0], b[0]);
      all[1] = Math.min(all[1], b[1]);
      all[2] = Math.max(all[2], b[2]);
      all[3] = Math.max(all[3], b[3]);
    }
    return all;
  }
}
