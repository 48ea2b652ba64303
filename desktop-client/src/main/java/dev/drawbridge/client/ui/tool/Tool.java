package dev.drawbridge.client.ui.tool;

/** Turns pointer input into ops. Coordinates are in board units. */
public interface Tool {
  ToolKind kind();

  default void pressed(PointerInput p) {}

  default void dragged(PointerInput p) {}

  default void released(PointerInput p) {}

  /** The user switched tools or pressed Escape mid-gesture: finish cleanly. */
  default void cancel() {}

  default ToolPreview preview() {
    return ToolPreview.NONE;
  }
}
