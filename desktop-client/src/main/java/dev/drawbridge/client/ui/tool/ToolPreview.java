package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;

/** What a tool wants drawn on the live layer while it works (nothing is on the board yet). */
public sealed interface ToolPreview {
  ToolPreview NONE = new Nothing();

  record Nothing() implements ToolPreview {}

  /** A shape being dragged out. */
  record Shape(Element element) implements ToolPreview {}

  /**
   * A connector being drawn or having an end dragged, and the bounds of the element its end would
   * bind to (null: none), drawn as a hint (R100).
   */
  record Snap(Element connector, Rect target) implements ToolPreview {}

  /** A selection marquee. */
  record Marquee(Rect area) implements ToolPreview {}
}
