package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.board.Connectors;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import java.util.function.Function;

/**
 * Lines and arrows as they are drawn (docs/protocol.md R102): an attached end sits on its target's
 * current bounds, not at the stored point. Everything that paints, hit-tests or exports an element
 * asks {@link #drawn} first, so a connector follows its target everywhere without an op of its own.
 */
public final class DrawnConnectors {
  private DrawnConnectors() {}

  /**
   * {@code e} with its x, y, w, h moved to where its ends are drawn on the board {@code lookup}
   * gives; any element without a binding is returned as it is.
   */
  public static Element drawn(Element e, Function<String, Element> lookup) {
    if (!e.kind().isConnector() || !e.hasBinding()) {
      return e;
    }
    double[] ends = Connectors.ends(e, lookup);
    if (ends[0] == e.x()
        && ends[1] == e.y()
        && ends[2] == e.x() + e.w()
        && ends[3] == e.y() + e.h()) {
      return e;
    }
    return atEnds(e, ends);
  }

  /** {@code e} with its stored points at {@code ends} ({@code [sx, sy, ex, ey]}). */
  public static Element atEnds(Element e, double[] ends) {
    return patchToEnds(ends).applyTo(e);
  }

  /** The update that stores {@code ends} as a connector's points (R105: all four together). */
  public static ElementPatch patchToEnds(double[] ends) {
    return ElementPatch.move(ends[0], ends[1]).withSize(ends[2] - ends[0], ends[3] - ends[1]);
  }

  /** {@code e} moved by (dx, dy). */
  public static Element shifted(Element e, double dx, double dy) {
    return dx == 0 && dy == 0 ? e : ElementPatch.move(e.x() + dx, e.y() + dy).applyTo(e);
  }

  /**
   * Whether an element can be a connector's target: anything visible with bounds but a line or
   * arrow (R102), generically, so kinds added later (notes, images) are targets too.
   */
  public static boolean isTarget(Element e) {
    return e != null && !e.deleted() && !e.kind().isConnector();
  }

  /** Whether the end's binding is attached right now on {@code lookup}'s board. */
  public static boolean attached(
      Element connector, Binding binding, Function<String, Element> lookup) {
    return Connectors.target(connector, binding, lookup) != null;
  }

  /** What a drawn connector covers, its label included (for repaints and hit areas). */
  public static Rect paintedBounds(Element drawn) {
    Rect r = Rect.paintedBounds(drawn);
    if (!drawn.kind().isConnector() || drawn.label() == null) {
      return r;
    }
    double[] mid = Connectors.midpoint(Connectors.route(drawn, ends(drawn)));
    double[] size = labelSize(drawn);
    return r.union(
        new Rect(
            mid[0] - size[0] / 2 - 4,
            mid[1] - size[1] / 2 - 4,
            mid[0] + size[0] / 2 + 4,
            mid[1] + size[1] / 2 + 4));
  }

  /** The stored ends of an element as drawn: {@code [sx, sy, ex, ey]}. */
  public static double[] ends(Element drawn) {
    return new double[] {drawn.x(), drawn.y(), drawn.x() + drawn.w(), drawn.y() + drawn.h()};
  }

  /** Width and height of a connector's label, estimated like text bounds (no font needed). */
  public static double[] labelSize(Element connector) {
    String[] lines = connector.label().split("\n", -1);
    double longest = 0;
    for (String line : lines) {
      longest = Math.max(longest, Element.widthInEms(line));
    }
    double fs = labelFontSize(connector);
    return new double[] {Math.max(0.6, longest) * fs, lines.length * fs * 1.25};
  }

  /** Labels are a little smaller than the text size in the connector's style. */
  public static double labelFontSize(Element connector) {
    return Math.max(8, connector.style().fontSize() * 0.8);
  }
}
