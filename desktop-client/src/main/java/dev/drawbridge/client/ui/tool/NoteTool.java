package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.protocol.element.Element;

/**
 * Sticky notes (N): a click on empty board starts a new note centred where it was clicked and opens
 * it for typing; a click on a note edits it. The note is added when the typing ends (one undo
 * step), even if it is empty: a blank note is still a coloured square on the board.
 */
public final class NoteTool implements Tool {
  private final ToolContext ctx;
  private boolean armed;

  public NoteTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ToolKind kind() {
    return ToolKind.NOTE;
  }

  @Override
  public void pressed(PointerInput p) {
    // A press that only ended an edit never reaches the tool (BoardPointer), so its release
    // starts nothing either.
    armed = true;
  }

  @Override
  public void released(PointerInput p) {
    if (!armed) {
      return;
    }
    armed = false;
    Element hit = Hits.topmostAt(ctx, p.x(), p.y());
    if (hit != null && hit.isNote()) {
      ctx.editText(hit, hit.x(), hit.y());
    } else {
      double half = NoteLayout.DEFAULT_SIDE / 2;
      ctx.newNote(p.x() - half, p.y() - half);
    }
  }

  @Override
  public void cancel() {
    armed = false;
  }
}
