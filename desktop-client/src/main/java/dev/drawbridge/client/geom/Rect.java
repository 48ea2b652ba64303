package dev.drawbridge.client.geom;

import dev.drawbridge.protocol.element.Element;

/** An axis-aligned rectangle in board units, min corner inclusive. */
public record Rect(double minX, double minY, double maxX, double maxY) {

  /** The rectangle spanning two corners given in any order. */
  public static Rect spanning(double x1, double y1, double x2, double y2) {
    return new Rect(Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2));
  }

  /**
   * What an element covers on screen: its bounds grown by half its stroke width (and, for plain
   * text, by its descenders below the last line).
   */
  public static Rect paintedBounds(Element e) {
    double[] b = e.bounds();
    double pad = e.style().width() / 2 + 2;
    if (e.kind() == dev.drawbridge.protocol.element.ElementKind.ARROW) {
      pad += ArrowHead.length(e.style().width());
    }
    // A plain text's last descenders reach below its bounds (BoardTypeface.OVERHANG).
    double below =
        e.kind() == dev.drawbridge.protocol.element.ElementKind.TEXT && !e.isNote()
            ? BoardTypeface.OVERHANG * e.style().fontSize()
            : 0;
    return new Rect(b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad + below);
  }

  public double width() {
    return maxX - minX;
  }

  public double height() {
    return maxY - minY;
  }

  public boolean intersects(Rect o) {
    return o.minX <= maxX && o.maxX >= minX && o.minY <= maxY && o.maxY >= minY;
  }

  public boolean contains(Rect o) {
    return o.minX >= minX && o.maxX <= maxX && o.minY >= minY && o.maxY <= maxY;
  }

  public boolean contains(double x, double y) {
    return x >= minX && x <= maxX && y >= minY && y <= maxY;
  }

  public Rect union(Rect o) {
    if (o == null) {
      return this;
    }
    return new Rect(
        Math.min(minX, o.minX), Math.min(minY, o.minY),
        Math.max(maxX, o.maxX), Math.max(maxY, o.maxY));
  }

  public Rect inflate(double by) {
    return new Rect(minX - by, minY - by, maxX + by, maxY + by);
  }

  public Rect translate(double dx, double dy) {
    return new Rect(minX + dx, minY + dy, maxX + dx, maxY + dy);
  }

  public double area() {
    return Math.max(0, width()) * Math.max(0, height());
  }
}
