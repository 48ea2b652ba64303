package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * Resizing a picture by a corner keeps its aspect ratio (R107: the box stays at the picture's
 * proportions, so it is never drawn stretched): the opposite corner stays put and the size follows
 * the axis pulled further, like a note's square (Handles), never flipped and never below {@link
 * #MIN_SIDE} on the short side.
 */
final class ImageResize {
  /** The shortest side a resize leaves a picture, board units. */
  static final double MIN_SIDE = 8;

  private ImageResize() {}

  /**
   * @param fixed the opposite corner, which stays put
   * @param corner the dragged corner where it was
   */
  static ElementPatch drag(Element e, double[] fixed, double[] corner, double px, double py) {
    double aspect = e.image().width() / (double) e.image().height();
    double dirX = Math.signum(corner[0] - fixed[0]);
    double dirY = Math.signum(corner[1] - fixed[1]);
    double w = Math.max((px - fixed[0]) * dirX, (py - fixed[1]) * dirY * aspect);
    w = Math.max(w, MIN_SIDE * Math.max(1, aspect));
    double h = w / aspect;
    double x = dirX >= 0 ? fixed[0] : fixed[0] - w;
    double y = dirY >= 0 ? fixed[1] : fixed[1] - h;
    double limit = ProtocolLimits.MAX_COORDINATE;
    if (Math.abs(x) + w > limit || Math.abs(y) + h > limit) {
      return ElementPatch.NONE;
    }
    return ElementPatch.move(x, y).withSize(w, h);
  }
}
