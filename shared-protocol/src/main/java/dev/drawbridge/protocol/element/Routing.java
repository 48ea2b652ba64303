package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a line or arrow runs between its two ends (docs/protocol.md R103). An element stores {@code
 * null} for {@link #STRAIGHT}; a patch says {@code straight} to switch an elbow back.
 */
public enum Routing {
  /** One segment from start to end (the default; old clients draw every line this way). */
  @JsonProperty("straight")
  STRAIGHT,
  /** Horizontal and vertical segments only, bending halfway between the ends. */
  @JsonProperty("elbow")
  ELBOW
}
