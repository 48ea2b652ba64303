package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.op.Op;
import java.util.HashSet;
import java.util.Set;

/** Deletes every element the pointer touches while pressed; one sweep is one undo step. */
public final class EraserTool implements Tool {
  private final ToolContext ctx;
  private LocalBoard.Action action;
  private final Set<String> erased = new HashSet<>();
  private double lastX;
  private double lastY;

  public EraserTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ToolKind kind() {
    return ToolKind.ERASER;
  }

  @Override
  public void pressed(PointerInput p) {
    cancel();
    action = ctx.board().beginAction();
    erased.clear();
    lastX = p.x();
    lastY = p.y();
    eraseAt(p.x(), p.y());
  }

  @Override
  public void dragged(PointerInput p) {
    if (action == null) {
      return;
    }
    // Sample the path between events so a fast sweep does not jump over thin strokes.
    double step = Hits.TOLERANCE_PX / ctx.scale();
    double distance = Math.hypot(p.x() - lastX, p.y() - lastY);
    int steps = (int) Math.min(200, Math.ceil(distance / step));
    for (int i = 1; i <= steps; i++) {
      double t = (double) i / steps;
      eraseAt(lastX + (p.x() - lastX) * t, lastY + (p.y() - lastY) * t);
    }
    lastX = p.x();
    lastY = p.y();
  }

  @Override
  public void released(PointerInput p) {
    cancel();
  }

  @Override
  public void cancel() {
    if (action != null) {
      action.end();
      action = null;
    }
  }

  private void eraseAt(double x, double y) {
    for (Element e : Hits.allAt(ctx, x, y)) {
      if (erased.add(e.id())) {
        for (Op op :
            ConnectorEdits.leaveEndsBefore(ctx.board().view(), java.util.List.of(e.id()))) {
          action.submit(op);
        }
        action.submit(new Op.DeleteElement(e.id()));
      }
    }
  }
}
