package dev.drawbridge.client.ui.geom;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import java.util.List;

/**
 * Resize handles: the four corners of a rectangle or ellipse, the two ends of a line or arrow.
 * Dragging a corner keeps the opposite corner in place; dragging an end moves only that end.
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

  /** The handles {@code e} has (none for freehand and text). */
  public static List<Handle> of(Element e) {
    return switch (e.kind()) {
      case RECTANGLE, ELLIPSE -> CORNERS;
      case LINE, ARROW -> ENDS;
      default -> List.of();
    };
  }

  /** Where handle {@code h} of {@code e} is, in board units: {@code [x, y]}. */
  public static double[] position(Element e, Handle h) {
    Rect r = Rect.spanning(e.x(), e.y(), e.x() + e.w(), e.y() + e.h());
    return switch (h) {
      case NW -> new double[] {r.minX(), r.minY()};
      case NE -> new double[] {r.maxX(), r.minY()};
      case SW -> new double[] {r.minX(), r.maxY()};
      case SE -> new double[] {r.maxX(), r.maxY()};
      case START -> new double[] {e.x(), e.y()};
      case END -> new double[] {e.x() + e.w(), e.y() + e.h()};
    };
  }

  /** The handle of {@code e} within {@code tolerance} of (px, py), or null. */
  public static Handle at(Element e, double px, double py, double tolerance) {
    for (Handle h : of(e)) {
      double[] p = position(e, h);
      if (Math.abs(px - p[0]) <= tolerance && Math.abs(py - p[1]) <= tolerance) {
        return h;
      }
    }
    return null;
  }

  /** The patch that moves handle {@code h} of {@code e} to (px, py). */
  public static ElementPatch drag(Element e, Handle h, double px, double py) {
    if (h == Handle.START) {
      double endX = e.x() + e.w();
      double endY = e.y() + e.h();
      return ElementPatch.move(px, py).withSize(endX - px, endY - py);
    }
    if (h == Handle.END) {
      return ElementPatch.NONE.withSize(px - e.x(), py - e.y());
    }
    Handle opposite =
        switch (h) {
          case NW -> Handle.SE;
          case NE -> Handle.SW;
          case SW -> Handle.NE;
          default -> Handle.NW;
        };
    double[] fixed = position(e, opposite);
    Rect r = Rect.spanning(fixed[0], fixed[1], px, py);
    return ElementPatch.move(r.minX(), r.minY()).withSize(r.width(), r.height());
  }
}
