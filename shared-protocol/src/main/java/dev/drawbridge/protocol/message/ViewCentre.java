package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;

/**
 * What part of the board a member looks at: the board point at the middle of their view and their
 * zoom (1 = 100 %). Carried in presence so that others can follow them (R88).
 */
public record ViewCentre(double x, double y, double zoom) {
  public ViewCentre {
    Require.coordinate(x, "view.x");
    Require.coordinate(y, "view.y");
    Require.range(zoom, ProtocolLimits.MIN_VIEW_ZOOM, ProtocolLimits.MAX_VIEW_ZOOM, "view.zoom");
  }
}
