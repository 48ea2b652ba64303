package dev.drawbridge.client.ui.tool;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;

/** Click to type new text; click an existing text to edit it. */
public final class TextTool implements Tool {
  private final ToolContext ctx;

  public TextTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ToolKind kind() {
    return ToolKind.TEXT;
  }

  @Override
  public void released(PointerInput p) {
    Element hit = Hits.topmostAt(ctx, p.x(), p.y());
    if (hit != null && hit.kind() == ElementKind.TEXT) {
      ctx.editText(hit, hit.x(), hit.y());
    } else {
      ctx.editText(null, p.x(), p.y());
    }
  }
}
