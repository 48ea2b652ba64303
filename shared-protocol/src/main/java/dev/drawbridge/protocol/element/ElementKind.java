package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an element is; decides which of its fields are meaningful and how it is drawn. */
public enum ElementKind {
  /** Freehand pen: {@code points} relative to (x, y). */
  @JsonProperty("stroke")
  STROKE,
  /** Freehand, drawn translucent and wide. */
  @JsonProperty("highlighter")
  HIGHLIGHTER,
  /** From (x, y) to (x + w, y + h). */
  @JsonProperty("line")
  LINE,
  /** A line with a head at (x + w, y + h). */
  @JsonProperty("arrow")
  ARROW,
  /** Axis-aligned box at (x, y) of size (w, h). */
  @JsonProperty("rectangle")
  RECTANGLE,
  /** The ellipse inscribed in the box at (x, y) of size (w, h). */
  @JsonProperty("ellipse")
  ELLIPSE,
  /** {@code text} with its top-left corner at (x, y). */
  @JsonProperty("text")
  TEXT;

  public boolean isFreehand() {
    return this == STROKE || this == HIGHLIGHTER;
  }

  /**
   * Lines and arrows: the kinds whose ends may be bound to another element, and which are never
   * targets of a binding themselves (R101), so bindings cannot form a cycle.
   */
  public boolean isConnector() {
    return this == LINE || this == ARROW;
  }
}
