package dev.drawbridge.client.history;

import dev.drawbridge.client.model.AddOps;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ordinary ops that bring the present board back to a past one (issue 17, ADR 0011 point 5), so
 * every member converges through the reducer like after any edit (R42) and the later history stays.
 *
 * <p>Per element: one deleted since comes back with {@code update{deleted:false}} and its past
 * values; one added since (or absent from the past, or deleted there) is deleted; one that changed
 * gets an update with the past value of every property that differs. Elements that are equal get no
 * op at all.
 *
 * <p>Some differences no patch can express: a stroke's points only grow ({@code append}, R32), and
 * an element's kind, author and picture are set by its {@code add} only (R107). Such an element is
 * deleted and its past self added under a new id with the same z (and the stroke's points in
 * appends beyond {@value dev.drawbridge.protocol.validation.ProtocolLimits#MAX_POINTS_PER_OP}), and
 * past connectors bound to it are bound to the new id. With the same z, the paint order can differ
 * from the past only against another element of exactly that z, whose tie is broken by id (R45).
 */
public final class Restore {
  private Restore() {}

  /**
   * What a restore submits.
   *
   * @param ops the ops in the order to submit them
   * @param changed the ids of the present's elements the ops change (re-added ones count once, by
   *     their old id)
   * @param readded per re-added element, its past id and its new one
   */
  public record Plan(List<Op> ops, Set<String> changed, Map<String, String> readded) {
    public boolean isEmpty() {
      return ops.isEmpty();
    }
  }

  /**
   * The ops that make {@code present} show what {@code past} showed.
   *
   * @param newIds ids for elements that must be added again (see the class comment)
   */
  public static Plan between(BoardState past, BoardState present, Supplier<String> newIds) {
    Map<String, String> readded = new HashMap<>();
    List<Element> pastVisible = past.visibleElements();
    for (Element was : pastVisible) {
      Element now = present.get(was.id());
      if (now != null && !patchable(was, now)) {
        readded.put(was.id(), newIds.get());
      }
    }
    List<Op> deletes = new ArrayList<>();
    List<Op> updates = new ArrayList<>();
    List<Op> adds = new ArrayList<>();
    Set<String> changed = new LinkedHashSet<>();
    for (Element now : present.visibleElements()) {
      Element was = past.get(now.id());
      if (was == null || was.deleted() || readded.containsKey(now.id())) {
        deletes.add(new Op.DeleteElement(now.id()));
        changed.add(now.id());
      }
    }
    for (Element was : pastVisible) {
      Element target = rebound(was, readded);
      Element now = present.get(was.id());
      String newId = readded.get(was.id());
      if (now == null || newId != null) {
        adds.addAll(
            AddOps.forElement(newId == null ? target : target.withId(newId).withDeleted(false)));
        changed.add(was.id());
        continue;
      }
      ElementPatch patch = difference(now, target);
      if (patch != null) {
        updates.add(new Op.UpdateElement(now.id(), patch));
        changed.add(now.id());
      }
    }
    List<Op> ops = new ArrayList<>(deletes.size() + updates.size() + adds.size());
    ops.addAll(deletes);
    ops.addAll(updates);
    ops.addAll(adds);
    return new Plan(
        Collections.unmodifiableList(ops),
        Collections.unmodifiableSet(changed),
        Collections.unmodifiableMap(readded));
  }

  /**
   * Whether a patch can turn {@code now} into {@code was}: only add-time fields stand in the way.
   */
  static boolean patchable(Element was, Element now) {
    return was.kind() == now.kind()
        && was.points().equals(now.points())
        && Objects.equals(was.author(), now.author())
        && Objects.equals(was.image(), now.image())
        // Text of any kind but text is set by add only (R33).
        && (was.kind() == ElementKind.TEXT || Objects.equals(was.text(), now.text()));
  }

  /**
   * The patch that sets every patchable property of {@code now} that differs from {@code was} to
   * its past value (and restores {@code now} if it is deleted); null when nothing differs.
   */
  static ElementPatch difference(Element now, Element was) {
    Double x = differs(now.x(), was.x()) ? was.x() : null;
    Double y = differs(now.y(), was.y()) ? was.y() : null;
    Double w = differs(now.w(), was.w()) ? was.w() : null;
    Double h = differs(now.h(), was.h()) ? was.h() : null;
    String text =
        now.kind() == ElementKind.TEXT && !Objects.equals(now.text(), was.text())
            ? was.text()
            : null;
    String color =
        Objects.equals(now.style().color(), was.style().color()) ? null : was.style().color();
    Double width = differs(now.style().width(), was.style().width()) ? was.style().width() : null;
    Boolean fill = now.style().fill() == was.style().fill() ? null : was.style().fill();
    Double opacity =
        differs(now.style().opacity(), was.style().opacity()) ? was.style().opacity() : null;
    Double fontSize =
        differs(now.style().fontSize(), was.style().fontSize()) ? was.style().fontSize() : null;
    Double z = differs(now.z(), was.z()) ? was.z() : null;
    ElementPatch patch =
        new ElementPatch(
            x,
            y,
            w,
            h,
            text,
            color,
            width,
            fill,
            opacity,
            fontSize,
            z,
            now.deleted() ? Boolean.FALSE : null);
    if (now.kind().isConnector()) {
      Binding start =
          Objects.equals(now.startBinding(), was.startBinding())
              ? null
              : orFree(was.startBinding());
      Binding end =
          Objects.equals(now.endBinding(), was.endBinding()) ? null : orFree(was.endBinding());
      Routing routing =
          Objects.equals(now.routing(), was.routing())
              ? null
              : was.routing() == null ? Routing.STRAIGHT : was.routing();
      String label =
          Objects.equals(now.label(), was.label()) ? null : was.label() == null ? "" : was.label();
      patch = patch.withConnector(start, end, routing, label);
    }
    if (now.hasLock() != was.hasLock()) {
      patch = patch.withLocked(was.hasLock()); // R127
    }
    if (now.style().dash() != was.style().dash()) {
      patch = patch.withDash(was.style().dash() == null ? Dash.SOLID : was.style().dash()); // R125
    }
    if (!Objects.equals(now.group(), was.group())) {
      patch = patch.withGroup(was.group() == null ? "" : was.group()); // R121
    }
    // Nothing set (not even a restore): the element is as it was.
    return patch.equals(ElementPatch.NONE) ? null : patch;
  }

  // Element equality compares doubles as Double.compare does; so do we, so -0.0 and 0.0 differ
  // here exactly when they make two elements (and their digests) differ.
  private static boolean differs(double a, double b) {
    return Double.compare(a, b) != 0;
  }

  private static Binding orFree(Binding b) {
    return b == null ? Binding.FREE : b;
  }

  /** {@code e} with bindings to re-added elements pointing at their new ids. */
  private static Element rebound(Element e, Map<String, String> readded) {
    if (readded.isEmpty() || !e.hasBinding()) {
      return e;
    }
    return e.withBindings(rebind(e.startBinding(), readded), rebind(e.endBinding(), readded));
  }

  private static Binding rebind(Binding b, Map<String, String> readded) {
    if (b == null || !readded.containsKey(b.elementId())) {
      return b;
    }
    return Binding.to(readded.get(b.elementId()), b.x(), b.y());
  }
}
