package dev.drawbridge.client.io;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import java.util.Collection;

/** The board area an export covers: what is drawn, plus a margin. */
public final class ExportArea {
  public static final double PADDING = 20;

  private ExportArea() {}

  /** The painted bounds of {@code elements} plus {@link #PADDING}; a small square when empty. */
  public static Rect of(Collection<Element> elements) {
    Rect all = null;
    for (Element e : elements) {
      if (e.deleted()) {
        continue;
      }
      Rect r = dev.drawbridge.client.geom.DrawnConnectors.paintedBounds(e);
      all = all == null ? r : all.union(r);
    }
    if (all == null) {
      all = new Rect(0, 0, 100, 100);
    }
    return all.inflate(PADDING);
  }
}
