package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import java.util.List;

/**
 * Resize handles: the four corners of a rectangle, ellipse, text or freehand stroke (on its
 * bounds), the two ends of a line or arrow. Dragging a corner keeps the opposite corner in place;
 * dragging an end moves only that end. A box takes the new size, text scales its font ({@link
 * TextScaling}) and a freehand stroke scales its points ({@link FreehandScaling}).
 */
public final class Handles {
  /** Which handle. */
  public enum Handle {
    NW,
    NE,
    SW,
    SE,
    START,
    END
  }

  private static final List<Handle> CORNERS = List.of(Handle.NW, Handle.NE, Handle.SW, Handle.SE);
  private static final List<Handle> ENDS = List.of(Handle.START, Handle.END);

  private Handles() {}

  /**
   * The handles {@code e} has: corners for boxes, text and freehand, ends for lines. A freehand dot
   * (no extent either way) has none: there is nothing to scale.
   */
  public static List<Handle> of(Element e) {
    return switch (e.kind()) {
      case STROKE, HIGHLIGHTER -> isDot(e) ? List.of() : CORNERS;
      case RECTANGLE, ELLIPSE, TEXT -> CORNERS;
      case LINE, ARROW -> ENDS;
    };
  }

  private static boolean isDot(Element freehand) {
    double[] b = freehand.bounds();
    return b[0] == b[2] && b[1] == b[3];
  }

  /** Where handle {@code h} of {@code e} is, in board units: {@code [x, y]}. */
  public static double[] position(Element e, Handle h) {
    // For a box the bounds are its normalised rectangle; for text and freehand, what they cover.
    double[] b = e.bounds();
    Rect r = new Rect(b[0], b[1], b[2], b[3]);
    return switch (h) {
      case NW -> new double[] {r.minX(), r.minY()};
      case NE -> new double[] {r.maxX(), r.minY()};
      case SW -> new double[] {r.minX(), r.maxY()};
      case SE -> new double[] {r.maxX(), r.maxY()};
      case START -> new double[] {e.x(), e.y()};
      case END -> new double[] {e.x() + e.w(), e.y() + e.h()};
    };
  }

  /**
   * The handle of {@code e} within {@code tolerance} of (px, py), or null. Inside the element's
   * bounds a corner reaches at most a quarter of the way across, so on a small element the corners
   * do not cover it all and a press on its middle still moves it.
   */
  public static Handle at(Element e, double px, double py, double tolerance) {
    double[] b = e.bounds();
    double inX = Math.min(tolerance, (b[2] - b[0]) / 4);
    double inY = Math.min(tolerance, (b[3] - b[1]) / 4);
    for (Handle h : of(e)) {
      double[] p = position(e, h);
      boolean near =
          switch (h) {
            case START, END -> Math.abs(px - p[0]) <= tolerance && Math.abs(py - p[1]) <= tolerance;
            case NW -> reaches(px - p[0], inX, tolerance) && reaches(py - p[1], inY, tolerance);
            case NE -> reaches(p[0] - px, inX, tolerance) && reaches(py - p[1], inY, tolerance);
            case SW -> reaches(px - p[0], inX, tolerance) && reaches(p[1] - py, inY, tolerance);
            case SE -> reaches(p[0] - px, inX, tolerance) && reaches(p[1] - py, inY, tolerance);
          };
      if (near) {
        return h;
      }
    }
    return null;
  }

  /** Whether a press {@code inward} units into the bounds (negative: outside) is on the handle. */
  private static boolean reaches(double inward, double inside, double outside) {
    return inward > 0 ? inward <= inside : -inward <= outside;
  }

  /** The corner across from corner {@code h}; an end for an end. */
  public static Handle opposite(Handle h) {
    return switch (h) {
      case NW -> Handle.SE;
      case NE -> Handle.SW;
      case SW -> Handle.NE;
      case SE -> Handle.NW;
      case START -> Handle.END;
      case END -> Handle.START;
    };
  }

  /**
   * {@code e} as it would be with handle {@code h} dragged to (px, py): what a resize previews.
   * {@code keepAspect} (shift) keeps a freehand stroke's proportions; text always keeps them.
   */
  public static Element resized(Element e, Handle h, double px, double py, boolean keepAspect) {
    if (e.kind().isFreehand()) {
      return FreehandScaling.scaled(e, h, px, py, keepAspect);
    }
    return drag(e, h, px, py).applyTo(e);
  }

  /** The smallest side a resize leaves a note, board units. */
  static final double MIN_NOTE_SIDE = 20;

  /**
   * A note stays square (docs/user-guide.md): the opposite corner stays put and the side follows
   * the axis pulled further, never below {@link #MIN_NOTE_SIDE} and never flipped. Its text is
   * refitted when painted, so only the box changes.
   */
  private static ElementPatch noteDrag(Element e, Handle h, double px, double py) {
    double[] fixed = position(e, opposite(h));
    double[] corner = position(e, h);
    double dirX = Math.signum(corner[0] - fixed[0]);
    double dirY = Math.signum(corner[1] - fixed[1]);
    double side = Math.max((px - fixed[0]) * dirX, (py - fixed[1]) * dirY);
    side = Math.max(MIN_NOTE_SIDE, Math.round(side * 10) / 10.0);
    double x = dirX > 0 ? fixed[0] : fixed[0] - side;
    double y = dirY > 0 ? fixed[1] : fixed[1] - side;
    if (Math.abs(x) + side > dev.drawbridge.protocol.validation.ProtocolLimits.MAX_COORDINATE
        || Math.abs(y) + side > dev.drawbridge.protocol.validation.ProtocolLimits.MAX_COORDINATE) {
      return ElementPatch.NONE;
    }
    return ElementPatch.move(x, y).withSize(side, side);
  }

  /**
   * The patch that moves handle {@code h} of {@code e} to (px, py). Not for freehand strokes: a
   * patch cannot carry points ({@link FreehandScaling} makes a scaled copy instead).
   */
  public static ElementPatch drag(Element e, Handle h, double px, double py) {
    if (e.isNote()) {
      return noteDrag(e, h, px, py);
    }
    if (e.hasImage()) {
      return ImageResize.drag(e, position(e, opposite(h)), position(e, h), px, py);
    }
    if (e.kind() == ElementKind.TEXT) {
      return TextScaling.patch(e, h, px, py);
    }
    if (h == Handle.START) {
      double endX = e.x() + e.w();
      double endY = e.y() + e.h();
      return ElementPatch.move(px, py).withSize(endX - px, endY - py);
    }
    if (h == Handle.END) {
      return ElementPatch.NONE.withSize(px - e.x(), py - e.y());
    }
    double[] fixed = position(e, opposite(h));
    Rect r = Rect.spanning(fixed[0], fixed[1], px, py);
    return ElementPatch.move(r.minX(), r.minY()).withSize(r.width(), r.height());
  }
}
