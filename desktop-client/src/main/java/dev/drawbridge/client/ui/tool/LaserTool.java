package dev.drawbridge.client.ui.tool;

/**
 * The laser pointer (K): while the button is down, every position is shown to everyone as a trail
 * that fades in about a second (R90). It makes no ops: nothing it does is stored, undone or
 * journaled.
 */
final class LaserTool implements Tool {
  private final ToolContext ctx;

  LaserTool(ToolContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ToolKind kind() {
    return ToolKind.LASER;
  }

  @Override
  public void pressed(PointerInput p) {
    ctx.laser(p.x(), p.y());
  }

  @Override
  public void dragged(PointerInput p) {
    ctx.laser(p.x(), p.y());
  }
}
