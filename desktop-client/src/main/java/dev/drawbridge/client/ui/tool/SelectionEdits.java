package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.clipboard.Pasting;
import dev.drawbridge.client.geom.Alignment;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.model.AddOps;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Edits applied to the whole selection, each one undo step. */
public final class SelectionEdits {
  private final LocalBoard board;
  private final Selection selection;

  public SelectionEdits(LocalBoard board, Selection selection) {
    this.board = board;
    this.selection = selection;
  }

  /** Deletes the selected elements. Returns how many were deleted. */
  public int delete() {
    List<Op> ops = forEachSelected(e -> new Op.DeleteElement(e.id()));
    selection.clear();
    int deleted = ops.size();
    // Connectors attached to what goes stay drawn where they are (R105), in the same undo step.
    List<Op> all = ConnectorEdits.withEndsKept(board.view(), ops);
    if (!all.isEmpty()) {
      board.submitAll(all);
    }
    return deleted;
  }

  /** Applies {@code patch} (colour, width, fill, opacity) to every selected element. */
  public int restyle(ElementPatch patch) {
    return submit(forEachSelected(e -> new Op.UpdateElement(e.id(), patch)));
  }

  /**
   * Sets the dash of the selected elements that have an outline (R125), as one step; text, notes,
   * pictures and highlighters get no op (nothing would change on screen, yet undo would count it).
   * Returns the number of ops.
   */
  public int redash(Dash dash) {
    ElementPatch patch = ElementPatch.NONE.withDash(dash);
    return submit(
        selectedInSelectionOrder().stream()
            .filter(Dash::appliesTo)
            .map(e -> (Op) new Op.UpdateElement(e.id(), patch))
            .toList());
  }

  /**
   * Sets the paper colour of the selected sticky notes, as one step; other selected elements keep
   * theirs. Returns the number of ops.
   */
  public int recolourNotes(String color) {
    BoardState view = board.view();
    List<Op> ops = new ArrayList<>();
    for (String id : selection.ordered()) {
      Element e = view.get(id);
      if (e != null && !e.deleted() && e.isNote() && !e.style().color().equals(color)) {
        ops.add(new Op.UpdateElement(id, ElementPatch.NONE.withColor(color)));
      }
    }
    return submit(ops);
  }

  /** Moves the selection above everything else, keeping its own stacking order. */
  public int bringToFront() {
    double[] next = {board.view().topZ()};
    return submit(
        forEachSelectedInPaintOrder(
            e -> {
              next[0] = ZOrder.above(next[0]);
              return new Op.UpdateElement(e.id(), ElementPatch.NONE.withZ(next[0]));
            }));
  }

  /** Moves the selection below everything else, keeping its own stacking order. */
  public int sendToBack() {
    List<Element> selected = selectedInPaintOrder();
    double next = board.view().bottomZ();
    List<Op> ops = new ArrayList<>();
    for (int i = selected.size() - 1; i >= 0; i--) {
      next = ZOrder.below(next);
      ops.add(new Op.UpdateElement(selected.get(i).id(), ElementPatch.NONE.withZ(next)));
    }
    return submit(ops);
  }

  /** Moves the selection by (dx, dy) board units as one step (arrow keys). */
  public int nudge(double dx, double dy) {
    return submit(
        forEachSelected(
            e -> new Op.UpdateElement(e.id(), ElementPatch.move(e.x() + dx, e.y() + dy))));
  }

  /**
   * Aligns the selected elements (two or more units: a group is one, R122) on {@code edge} of their
   * common bounds, as one undo step. Returns how many moved (elements already on the line get no
   * op).
   */
  public int align(Alignment.Edge edge) {
    List<List<Element>> units = Groups.units(selectedInSelectionOrder());
    return submit(moves(units, Alignment.align(boundsOf(units), edge)));
  }

  /**
   * Spreads the selected units (three or more; a group is one) evenly along {@code axis}, the
   * outermost staying put, as one undo step. Returns how many moved.
   */
  public int distribute(Alignment.Axis axis) {
    List<List<Element>> units = Groups.units(selectedInSelectionOrder());
    return submit(moves(units, Alignment.distribute(boundsOf(units), axis)));
  }

  /** How many units (groups count once) the selection holds: what align and distribute move. */
  public int selectedUnits() {
    return Groups.units(selectedInSelectionOrder()).size();
  }

  /**
   * Puts the selected elements in one new group, as one undo step (R122): members of other groups
   * move into it. Returns how many changed; nothing when fewer than two units are selected.
   */
  public int group() {
    List<Element> selected = selectedInSelectionOrder();
    if (!Groups.canGroup(selected)) {
      return 0;
    }
    ElementPatch into = ElementPatch.NONE.withGroup(dev.drawbridge.client.model.Ids.random());
    return submit(selected.stream().map(e -> (Op) new Op.UpdateElement(e.id(), into)).toList());
  }

  /** Takes every selected element out of its group, as one undo step. Returns how many changed. */
  public int ungroup() {
    ElementPatch out = ElementPatch.NONE.withGroup("");
    return submit(
        selectedInSelectionOrder().stream()
            .filter(e -> e.group() != null)
            .map(e -> (Op) new Op.UpdateElement(e.id(), out))
            .toList());
  }

  /** Whether {@link #group} would change anything. */
  public boolean canGroup() {
    return Groups.canGroup(selectedInSelectionOrder());
  }

  /** Whether {@link #ungroup} would change anything. */
  public boolean canUngroup() {
    return Groups.canUngroup(selectedInSelectionOrder());
  }

  /** Each unit's bounds: the union of its members'. */
  private static List<Rect> boundsOf(List<List<Element>> units) {
    List<Rect> all = new ArrayList<>();
    for (List<Element> unit : units) {
      Rect r = null;
      for (Element e : unit) {
        Rect b = GestureSnapping.bounds(e);
        r = r == null ? b : r.union(b);
      }
      all.add(r);
    }
    return all;
  }

  /** Every member of a unit moves by the unit's shift. */
  private static List<Op> moves(List<List<Element>> units, List<double[]> shifts) {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      double[] by = shifts.get(i);
      if (by[0] != 0 || by[1] != 0) {
        for (Element e : units.get(i)) {
          ops.add(new Op.UpdateElement(e.id(), ElementPatch.move(e.x() + by[0], e.y() + by[1])));
        }
      }
    }
    return ops;
  }

  /** The selected elements in paint order (for copy). */
  public List<Element> copy() {
    return List.copyOf(selectedInPaintOrder());
  }

  /**
   * Adds copies of {@code elements} shifted by (dx, dy), with new ids, above everything else, as
   * one step; the copies become the selection. Lines bound to a copied element are bound to its
   * copy, other bindings become free ends ({@link Pasting}). Returns their ids.
   */
  public List<String> paste(List<Element> elements, double dx, double dy, String author) {
    return add(
        Pasting.shifted(
            elements,
            dx,
            dy,
            board.view().topZ(),
            author,
            dev.drawbridge.client.model.Ids::random));
  }

  /**
   * Adds {@code copies} (new ids, already placed) as one step and selects them. Returns their ids.
   */
  public List<String> add(List<Element> copies) {
    List<Op> ops = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Element copy : copies) {
      ops.addAll(AddOps.forElement(copy));
      ids.add(copy.id());
    }
    submit(ops);
    selection.set(ids);
    return ids;
  }

  /** The selected elements in paint order, lines and arrows where they are drawn (for copy). */
  public List<Element> copyAsDrawn() {
    BoardState view = board.view();
    return selectedInPaintOrder().stream()
        .map(e -> dev.drawbridge.client.geom.DrawnConnectors.drawn(e, view::get))
        .toList();
  }

  /** Pastes a copy of the selection next to it. */
  public List<String> duplicate(String author) {
    return paste(copyAsDrawn(), 20, 20, author);
  }

  /** Selects every visible element. */
  public void selectAll() {
    selection.set(
        board.view().visibleElements().stream()
            .filter(e -> !e.hasLock())
            .map(Element::id)
            .toList());
  }

  /**
   * Locks the selected elements (R127) as one undo step and lets go of them: a locked element is
   * not picked. Returns how many were locked.
   */
  public int lock() {
    int locked =
        submit(
            forEachSelected(e -> new Op.UpdateElement(e.id(), ElementPatch.NONE.withLocked(true))));
    selection.clear();
    return locked;
  }

  /**
   * Unlocks {@code ids} (every locked element when null), as one undo step, and selects them.
   * Returns how many were unlocked.
   */
  public int unlock(java.util.Collection<String> ids) {
    List<Op> ops = new ArrayList<>();
    List<String> unlocked = new ArrayList<>();
    for (Element e : board.view().visibleElements()) {
      if (e.hasLock() && (ids == null || ids.contains(e.id()))) {
        ops.add(new Op.UpdateElement(e.id(), ElementPatch.NONE.withLocked(false)));
        unlocked.add(e.id());
      }
    }
    submit(ops);
    if (!unlocked.isEmpty()) {
      selection.set(unlocked);
    }
    return unlocked.size();
  }

  /** Whether any element on the board is locked. */
  public boolean anyLocked() {
    return board.view().visibleElements().stream().anyMatch(Element::hasLock);
  }

  private int submit(List<Op> ops) {
    if (!ops.isEmpty()) {
      board.submitAll(ops);
    }
    return ops.size();
  }

  private List<Op> forEachSelected(Function<Element, Op> toOp) {
    BoardState view = board.view();
    List<Op> ops = new ArrayList<>();
    for (String id : selection.ordered()) {
      Element e = view.get(id);
      if (e != null && !e.deleted()) {
        ops.add(toOp.apply(e));
      }
    }
    return ops;
  }

  private List<Op> forEachSelectedInPaintOrder(Function<Element, Op> toOp) {
    return selectedInPaintOrder().stream().map(toOp).toList();
  }

  private List<Element> selectedInPaintOrder() {
    List<Element> selected = selectedInSelectionOrder();
    selected.sort(ZOrder.PAINT_ORDER);
    return selected;
  }

  private List<Element> selectedInSelectionOrder() {
    BoardState view = board.view();
    List<Element> selected = new ArrayList<>();
    for (String id : selection.ordered()) {
      Element e = view.get(id);
      if (e != null && !e.deleted()) {
        selected.add(e);
      }
    }
    return selected;
  }
}
