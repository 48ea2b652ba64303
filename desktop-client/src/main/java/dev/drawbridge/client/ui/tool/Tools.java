package dev.drawbridge.client.ui.tool;

import java.util.EnumMap;
import java.util.Map;

/** One instance of every tool, sharing a context. */
public final class Tools {
  private final Map<ToolKind, Tool> tools = new EnumMap<>(ToolKind.class);

  public Tools(ToolContext ctx) {
    tools.put(ToolKind.SELECT, new SelectTool(ctx));
    tools.put(ToolKind.PEN, new PenTool(ctx, false));
    tools.put(ToolKind.HIGHLIGHTER, new PenTool(ctx, true));
    tools.put(ToolKind.LINE, new ShapeTool(ctx, ToolKind.LINE));
    tools.put(ToolKind.ARROW, new ShapeTool(ctx, ToolKind.ARROW));
    tools.put(ToolKind.RECTANGLE, new ShapeTool(ctx, ToolKind.RECTANGLE));
    tools.put(ToolKind.ELLIPSE, new ShapeTool(ctx, ToolKind.ELLIPSE));
    tools.put(ToolKind.TEXT, new TextTool(ctx));
    tools.put(ToolKind.NOTE, new NoteTool(ctx));
    tools.put(ToolKind.ERASER, new EraserTool(ctx));
    tools.put(ToolKind.LASER, new LaserTool(ctx));
  }

  public Tool get(ToolKind kind) {
    return tools.get(kind);
  }
}
