package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Handles;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Snapping;
import dev.drawbridge.client.model.AddOps;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Click to select (shift-click adds or removes), drag a selected element to move the selection,
 * drag on empty board for a marquee (selects what lies wholly inside), double-click text to edit,
 * drag a handle of the one selected element to resize it (shift keeps a freehand stroke's aspect).
 * Picking a member of a group, by click or marquee, picks its whole group (R122). A move or resize
 * is previewed on the live layer and committed on release: a move as one update per element, a
 * resize as one update, or for a freehand stroke as a replacement (one undo step). Moves and
 * resizes snap to other shapes' edges and centres on screen, showing guides, and to the grid when
 * that is on ({@link GestureSnapping}); Alt held snaps nothing.
 *
 * <p>Connectors (R100–R105): a line's or arrow's handles sit where its ends are drawn; dragging an
 * end onto an element binds it there (the element is outlined while dragging), onto empty board
 * leaves it free; double-clicking a line or arrow edits its label. Moving a connector keeps its
 * bindings: an attached end stays on its target.
 */
public final class SelectTool implements Tool {
  private enum Mode {
    IDLE,
    MOVING,
    MARQUEE,
    RESIZING
  }

  /** How close (screen pixels) a press must be to a handle to grab it. */
  static final double HANDLE_PX = 7;

  private final ToolContext ctx;
  private Mode mode = Mode.IDLE;
  private double startX;
  private double startY;
  private double dx;
  private double dy;
  private Rect marquee;
  private boolean marqueeAdds;
  private Element resizing;
  private Handles.Handle handle;
  private Element resized;
  private ConnectorEdits.Snap endSnap;

  /** What this gesture snaps to, found at its first drag; null before. */
  private Snapping snapping;

  /** The bounds of the selection when the move started. */
  private Rect moveStart;

  public SelectTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ToolKind kind() {
    return ToolKind.SELECT;
  }

  @Override
  public void pressed(PointerInput p) {
    startX = p.x();
    startY = p.y();
    dx = 0;
    dy = 0;
    snapping = null;
    moveStart = null;
    Selection selection = ctx.selection();
    if (startResize(p)) {
      return;
    }
    Element hit = Hits.topmostAt(ctx, p.x(), p.y());
    // Editing a text or a label inside a group keeps the group selected (R122): the next drag
    // moves it as one, as before the double-click.
    if (hit != null && p.clicks() >= 2 && hit.kind() == ElementKind.TEXT) {
      mode = Mode.IDLE;
      selection.set(Groups.withMembers(ctx.board().view(), List.of(hit.id())));
      ctx.editText(hit, hit.x(), hit.y());
      return;
    }
    if (hit != null && p.clicks() >= 2 && hit.kind().isConnector()) {
      // The label is edited at the middle of the route, where it is drawn (R104).
      mode = Mode.IDLE;
      selection.set(Groups.withMembers(ctx.board().view(), List.of(hit.id())));
      Element drawn = drawn(hit);
      double[] mid = Connectors.midpoint(Connectors.route(drawn, DrawnConnectors.ends(drawn)));
      ctx.editText(hit, mid[0], mid[1]);
      return;
    }
    if (hit == null && !p.shift() && insideSelection(p.x(), p.y())) {
      // Inside a selected unfilled shape (which is hit on its outline only): move it from there.
      mode = Mode.MOVING;
      return;
    }
    if (hit == null) {
      if (!p.shift()) {
        selection.clear();
      }
      mode = Mode.MARQUEE;
      marqueeAdds = p.shift();
      marquee = new Rect(p.x(), p.y(), p.x(), p.y());
      return;
    }
    // A member of a group brings its whole group (R122).
    List<String> picked = Groups.withMembers(ctx.board().view(), List.of(hit.id()));
    if (p.shift()) {
      if (selection.contains(hit.id())) {
        selection.remove(picked);
        mode = Mode.IDLE;
      } else {
        selection.add(picked);
        mode = Mode.MOVING;
      }
    } else {
      if (!selection.contains(hit.id())) {
        selection.set(picked);
      }
      mode = Mode.MOVING;
    }
  }

  @Override
  public void dragged(PointerInput p) {
    switch (mode) {
      case MOVING -> {
        Snapping.Result r = snappedMove(p);
        dx = r.x();
        dy = r.y();
        ctx.showGuides(r.guides());
        ctx.showLive(ctx.selection().ids(), dx, dy);
      }
      case MARQUEE -> {
        marquee = Rect.spanning(startX, startY, p.x(), p.y());
        ctx.previewChanged();
      }
      case RESIZING -> {
        if (isConnectorEnd()) {
          endSnap = ConnectorEdits.snap(ctx, p.x(), p.y(), null, p.shift());
          resized =
              ConnectorEdits.moveEnd(
                      ctx.board().view(), resizing, handle == Handles.Handle.START, endSnap)
                  .applyTo(resizing);
        } else {
          Snapping.Result at = snappedHandle(p);
          ctx.showGuides(at.guides());
          resized = Handles.resized(resizing, handle, at.x(), at.y(), p.shift());
        }
        ctx.previewChanged();
      }
      case IDLE -> {}
    }
  }

  @Override
  public void released(PointerInput p) {
    switch (mode) {
      case MOVING -> {
        ctx.clearLive();
        ctx.showGuides(List.of());
        // A click is not a move, however close it is to something to snap to.
        if (p.x() != startX || p.y() != startY) {
          Snapping.Result r = snappedMove(p);
          if (r.x() != 0 || r.y() != 0) {
            moveSelection(r.x(), r.y());
          }
        }
      }
      case MARQUEE -> {
        Rect area = marquee;
        marquee = null;
        ctx.previewChanged();
        if (area.width() > 0 || area.height() > 0) {
          List<String> inside = new ArrayList<>();
          BoardState view = ctx.board().view();
          for (String id : ctx.elementsNear(area)) {
            Element e = view.get(id);
            if (e != null && !e.deleted() && !e.hasLock()) {
              double[] b = e.bounds();
              if (area.contains(new Rect(b[0], b[1], b[2], b[3]))) {
                inside.add(id);
              }
            }
          }
          List<String> picked = Groups.withMembers(view, inside);
          if (marqueeAdds) {
            ctx.selection().add(picked);
          } else {
            ctx.selection().set(picked);
          }
        }
      }
      case RESIZING -> {
        resized = null;
        ctx.showGuides(List.of());
        endSnap = null;
        // Where the end lands is decided at the release point, dragged or not.
        ConnectorEdits.Snap snap =
            isConnectorEnd() ? ConnectorEdits.snap(ctx, p.x(), p.y(), null, p.shift()) : null;
        ctx.hide(Set.of());
        ctx.previewChanged();
        // A click on a handle changes nothing (not even rounding noise). Commit against the
        // element as it is now: someone may have moved or deleted it during the drag.
        boolean moved = p.x() != startX || p.y() != startY;
        Element current = ctx.board().view().get(resizing.id());
        if (moved && current != null && !current.deleted()) {
          if (current.kind().isConnector() && snap != null) {
            commitEnd(current, snap);
          } else {
            commitResize(current, snappedHandle(p), p.shift());
          }
        }
        resizing = null;
      }
      case IDLE -> {}
    }
    mode = Mode.IDLE;
  }

  /** Starts a resize when the press is on a handle of the one selected element. */
  private boolean startResize(PointerInput p) {
    Selection selection = ctx.selection();
    if (selection.ids().size() != 1 || p.shift()) {
      return false;
    }
    Element only = ctx.board().view().get(selection.ordered().getFirst());
    if (only == null || only.deleted()) {
      return false;
    }
    Handles.Handle h = Handles.at(drawn(only), p.x(), p.y(), HANDLE_PX / ctx.scale());
    if (h == null) {
      return false;
    }
    endSnap = null;
    mode = Mode.RESIZING;
    resizing = only;
    handle = h;
    resized = only;
    ctx.hide(Set.of(only.id()));
    ctx.previewChanged();
    return true;
  }

  /** The selection's shift for the pointer at {@code p}, snapped unless Alt is held. */
  private Snapping.Result snappedMove(PointerInput p) {
    double byX = p.x() - startX;
    double byY = p.y() - startY;
    if (moveStart == null) {
      moveStart = GestureSnapping.boundsOf(ctx.board().view(), ctx.selection().ids());
      snapping = GestureSnapping.forGesture(ctx, ctx.selection().ids());
    }
    if (p.alt() || moveStart == null) {
      return new Snapping.Result(byX, byY, List.of());
    }
    return snapping.move(moveStart, byX, byY);
  }

  /** Where the dragged handle is for the pointer at {@code p}, snapped unless Alt is held. */
  private Snapping.Result snappedHandle(PointerInput p) {
    if (snapping == null) {
      snapping = GestureSnapping.forGesture(ctx, Set.of(resizing.id()));
    }
    return (p.alt() ? Snapping.OFF : snapping).point(p.x(), p.y());
  }

  @Override
  public void cancel() {
    ctx.showGuides(List.of());
    if (mode == Mode.MOVING) {
      ctx.clearLive();
    }
    if (mode == Mode.RESIZING) {
      ctx.hide(Set.of());
      resizing = null;
      resized = null;
      endSnap = null;
    }
    marquee = null;
    mode = Mode.IDLE;
    ctx.previewChanged();
  }

  /** Whether pressing at (x, y) would pick up an element (the view shows a move cursor). */
  /** The topmost visible element at (x, y), or null: what the pointer is over. */
  public Element topmostAt(double x, double y) {
    return Hits.topmostAt(ctx, x, y);
  }

  public boolean canGrab(double x, double y) {
    if (ctx.selection().ids().size() == 1) {
      Element only = ctx.board().view().get(ctx.selection().ordered().getFirst());
      if (only != null && Handles.at(drawn(only), x, y, HANDLE_PX / ctx.scale()) != null) {
        return true;
      }
    }
    return Hits.topmostAt(ctx, x, y) != null;
  }

  @Override
  public ToolPreview preview() {
    if (resized != null && endSnap != null) {
      return new ToolPreview.Snap(resized, endSnap.targetBounds());
    }
    if (resized != null) {
      return new ToolPreview.Shape(resized);
    }
    return marquee == null ? ToolPreview.NONE : new ToolPreview.Marquee(marquee);
  }

  private boolean isConnectorEnd() {
    return resizing.kind().isConnector()
        && (handle == Handles.Handle.START || handle == Handles.Handle.END);
  }

  private Element drawn(Element e) {
    BoardState view = ctx.board().view();
    return DrawnConnectors.drawn(e, view::get);
  }

  /** Binds, re-binds or frees the dragged end: its binding and both stored points (R105). */
  private void commitEnd(Element current, ConnectorEdits.Snap snap) {
    ElementPatch patch =
        ConnectorEdits.moveEnd(ctx.board().view(), current, handle == Handles.Handle.START, snap);
    if (!patch.applyTo(current).equals(current)) {
      ctx.board().submit(new Op.UpdateElement(current.id(), patch));
    }
  }

  private void commitResize(Element e, Snapping.Result at, boolean keepAspect) {
    if (e.kind().isFreehand()) {
      Element scaled = Handles.resized(e, handle, at.x(), at.y(), keepAspect);
      if (!scaled.equals(e)) {
        replaceWithCopy(e, scaled);
      }
    } else {
      ElementPatch patch = Handles.drag(e, handle, at.x(), at.y());
      if (!patch.applyTo(e).equals(e)) {
        ctx.board().submit(new Op.UpdateElement(e.id(), patch));
      }
    }
  }

  /**
   * Commits a freehand resize. An update cannot carry points, so the stroke is replaced: the
   * original is deleted and a scaled copy with a new id (same z, style and author) is added, as one
   * undo step (undo deletes the copy and restores the original, untouched). The copy becomes the
   * selection.
   */
  private void replaceWithCopy(Element original, Element scaled) {
    String id = Ids.random();
    Element copy =
        new Element(
                id,
                original.kind(),
                scaled.x(),
                scaled.y(),
                original.w(),
                original.h(),
                scaled.points(),
                original.text(),
                original.style(),
                original.z(),
                false,
                original.author())
            .withGroup(original.group());
    List<Op> ops = new ArrayList<>();
    ops.add(new Op.DeleteElement(original.id()));
    ops.addAll(AddOps.forElement(copy));
    ops.addAll(ConnectorEdits.rebind(ctx.board().view(), original.id(), id));
    ctx.board().submitAll(ops);
    ctx.selection().set(List.of(id));
  }

  /**
   * What a right-click at (x, y) acts on: the selection when the point is on or inside it;
   * otherwise the element under the point, with its group (R122), which becomes the selection; or
   * nothing, and the selection is let go. Returns whether something is selected afterwards.
   */
  public boolean pickAt(double x, double y) {
    Element hit = Hits.topmostAt(ctx, x, y);
    Selection selection = ctx.selection();
    if (hit != null && !selection.contains(hit.id())) {
      selection.set(Groups.withMembers(ctx.board().view(), List.of(hit.id())));
    } else if (hit == null && !insideSelection(x, y)) {
      selection.clear();
    }
    return !selection.isEmpty();
  }

  /** The topmost locked element at (x, y), or null (R127): what a right-click there may unlock. */
  public Element lockedAt(double x, double y) {
    return Hits.lockedAt(ctx, x, y);
  }

  /** Whether (x, y) lies within the bounds of a selected element. */
  private boolean insideSelection(double x, double y) {
    BoardState view = ctx.board().view();
    for (String id : ctx.selection().ordered()) {
      Element e = view.get(id);
      if (e != null && !e.deleted()) {
        double[] b = e.bounds();
        if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) {
          return true;
        }
      }
    }
    return false;
  }

  private void moveSelection(double byX, double byY) {
    BoardState view = ctx.board().view();
    List<Op> ops = new ArrayList<>();
    for (String id : ctx.selection().ordered()) {
      Element e = view.get(id);
      if (e != null && !e.deleted()) {
        ops.add(new Op.UpdateElement(id, ElementPatch.move(e.x() + byX, e.y() + byY)));
      }
    }
    if (!ops.isEmpty()) {
      ctx.board().submitAll(ops);
    }
  }
}
