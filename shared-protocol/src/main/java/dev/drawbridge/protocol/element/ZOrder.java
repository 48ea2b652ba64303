package dev.drawbridge.protocol.element;

import dev.drawbridge.protocol.validation.Require;
import java.util.Comparator;

/**
 * Z-order keys. A key is a finite number; elements paint in (z, id) order, so two clients that pick
 * the same key concurrently never collide (ids are unique) and the order is the same on every
 * machine. New elements and "bring to front" take the next whole number above the top, "send to
 * back" the next below the bottom, so keys grow by one per action and never run out of precision
 * the way repeated halving would (docs/protocol.md R45).
 */
public final class ZOrder {
  /** Keys stay within ±1e15, where every whole number is exact in a double. */
  public static final double MAX_KEY = 1e15;

  /** Back-to-front paint order. */
  public static final Comparator<Element> PAINT_ORDER =
      Comparator.comparingDouble(Element::z).thenComparing(Element::id);

  private ZOrder() {}

  /** The key of a first element on an empty board. */
  public static double first() {
    return 1;
  }

  /** A key strictly above {@code top}. */
  public static double above(double top) {
    return Math.floor(top) + 1;
  }

  /** A key strictly below {@code bottom}. */
  public static double below(double bottom) {
    return Math.ceil(bottom) - 1;
  }

  public static double requireValid(double key, String field) {
    return Require.range(key, -MAX_KEY, MAX_KEY, field);
  }
}
