package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.ui.tool.PointerInput;

/** Receives the pointer input the canvas does not use itself for panning. */
public interface PointerHandler {
  void pressed(PointerInput p);

  void dragged(PointerInput p);

  void released(PointerInput p);

  /** The pointer moved over the board without a button (for presence); null when it left. */
  default void hovered(PointerInput p) {}
}
