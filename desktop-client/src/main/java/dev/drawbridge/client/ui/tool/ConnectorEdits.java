package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The ops tools make for connectors (docs/protocol.md R100–R105): snapping an end to the element
 * under the pointer, moving an end (its binding and both stored points in one update), and leaving
 * ends free where they are drawn before their target is deleted.
 */
public final class ConnectorEdits {
  private ConnectorEdits() {}

  /** Where an end lands: its point and the binding there (null: free). */
  record Snap(double x, double y, Binding binding, Element target) {
    Rect targetBounds() {
      if (target == null) {
        return null;
      }
      double[] b = target.bounds();
      return new Rect(b[0], b[1], b[2], b[3]);
    }
  }

  /**
   * The topmost element an end at (x, y) would bind to (anything but a line or arrow, and not
   * {@code exclude}), or null: the element under the pointer, with a little reach around boxes.
   */
  static Element targetAt(ToolContext ctx, double x, double y, String exclude) {
    double reach = 2 * Hits.TOLERANCE_PX / ctx.scale();
    BoardState view = ctx.board().view();
    Element best = null;
    for (String id : ctx.elementsNear(new Rect(x, y, x, y).inflate(reach))) {
      Element e = view.get(id);
      if (!DrawnConnectors.isTarget(e) || e.id().equals(exclude)) {
        continue;
      }
      double[] b = e.bounds();
      if (!new Rect(b[0], b[1], b[2], b[3]).inflate(reach).contains(x, y)) {
        continue;
      }
      if (best == null || dev.drawbridge.protocol.element.ZOrder.PAINT_ORDER.compare(e, best) > 0) {
        best = e;
      }
    }
    return best;
  }

  /** Snaps a pointer at (x, y) to the element under it (the hint), or leaves it free. */
  static Snap snap(ToolContext ctx, double x, double y, String exclude, boolean free) {
    Element target = free ? null : targetAt(ctx, x, y, exclude);
    if (target == null) {
      return new Snap(x, y, null, null);
    }
    Binding binding = Connectors.snapTo(target, x, y);
    double[] b = target.bounds();
    return new Snap(
        b[0] + binding.x() * (b[2] - b[0]), b[1] + binding.y() * (b[3] - b[1]), binding, target);
  }

  /**
   * The update that moves one end of {@code connector} to {@code snap}: that end's binding (FREE
   * when it lands on nothing) and both ends' stored points as drawn now (R105).
   */
  static ElementPatch moveEnd(BoardState view, Element connector, boolean start, Snap snap) {
    double[] ends = Connectors.ends(connector, view);
    if (start) {
      ends[0] = snap.x();
      ends[1] = snap.y();
    } else {
      ends[2] = snap.x();
      ends[3] = snap.y();
    }
    Binding binding = snap.binding() == null ? Binding.FREE : snap.binding();
    ElementPatch patch = DrawnConnectors.patchToEnds(ends);
    return start ? patch.withStartBinding(binding) : patch.withEndBinding(binding);
  }

  /**
   * Before {@code deleted} go: each connector attached to one of them (and staying) gets its drawn
   * points as its stored points, so its ends stay where they are (R105). Bindings are kept, so
   * undoing the delete attaches them again.
   */
  static List<Op> leaveEndsBefore(BoardState view, Collection<String> deleted) {
    Set<String> gone = Set.copyOf(deleted);
    List<Op> ops = new ArrayList<>();
    for (Element e : view.allElements()) {
      if (e.deleted() || !e.hasBinding() || gone.contains(e.id())) {
        continue;
      }
      boolean attachedToGone = false;
      for (String id : gone) {
        attachedToGone |= Connectors.isBoundTo(e, id, view::get);
      }
      if (attachedToGone) {
        double[] ends = Connectors.ends(e, view);
        ElementPatch patch = DrawnConnectors.patchToEnds(ends);
        if (!patch.applyTo(e).equals(e)) {
          ops.add(new Op.UpdateElement(e.id(), patch));
        }
      }
    }
    return ops;
  }

  /** Updates that move every binding to {@code from} over to {@code to}, same anchors. */
  static List<Op> rebind(BoardState view, String from, String to) {
    List<Op> ops = new ArrayList<>();
    for (Element e : view.allElements()) {
      if (e.deleted() || !e.hasBinding()) {
        continue;
      }
      ElementPatch patch = ElementPatch.NONE;
      if (e.startBinding() != null && e.startBinding().elementId().equals(from)) {
        patch = patch.withStartBinding(Binding.to(to, e.startBinding().x(), e.startBinding().y()));
      }
      if (e.endBinding() != null && e.endBinding().elementId().equals(from)) {
        patch = patch.withEndBinding(Binding.to(to, e.endBinding().x(), e.endBinding().y()));
      }
      if (patch.touchesConnector()) {
        ops.add(new Op.UpdateElement(e.id(), patch));
      }
    }
    return ops;
  }

  /** {@code ops} with the end-keeping updates for every element they delete put first. */
  public static List<Op> withEndsKept(BoardState view, List<Op> ops) {
    List<String> deleted = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Op.DeleteElement d) {
        deleted.add(d.elementId());
      }
    }
    if (deleted.isEmpty()) {
      return ops;
    }
    List<Op> all = new ArrayList<>(leaveEndsBefore(view, deleted));
    all.addAll(ops);
    return all;
  }
}
