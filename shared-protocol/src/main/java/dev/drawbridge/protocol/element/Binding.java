package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.drawbridge.protocol.validation.Require;

/**
 * Where one end of a line or arrow is attached (docs/protocol.md R100–R102): the target element's
 * id and a point on the target's bounds, normalised so that (0, 0) is the top-left corner and (1,
 * 1) the bottom-right. The end's position is never stored here: it is derived from the target's
 * current bounds at render time, so moving or resizing the target needs no op for its connectors.
 *
 * <p>In a patch, {@link #FREE} (written {@code {}}) detaches the end; an element never stores it.
 *
 * @param elementId the target; null only in {@link #FREE}
 * @param x normalised anchor across the target's bounds, 0..1; null only in {@link #FREE}
 * @param y normalised anchor down the target's bounds, 0..1; null only in {@link #FREE}
 */
public record Binding(String elementId, Double x, Double y) {
  /** "No binding": in a patch, detaches the end (its stored point becomes where it is drawn). */
  public static final Binding FREE = new Binding(null, null, null);

  public Binding {
    if (elementId == null) {
      if (x != null || y != null) {
        throw Require.invalid("binding.elementId", "an anchor needs an element");
      }
    } else {
      Require.id(elementId, "binding.elementId");
      Require.range(Require.present(x, "binding.x"), 0, 1, "binding.x");
      Require.range(Require.present(y, "binding.y"), 0, 1, "binding.y");
    }
  }

  public static Binding to(String elementId, double x, double y) {
    return new Binding(elementId, x, y);
  }

  /** Whether this is {@link #FREE}. */
  @JsonIgnore
  public boolean isFree() {
    return elementId == null;
  }

  void digestInto(Digest64 d) {
    if (elementId == null) {
      d.add(-2L);
    } else {
      d.add(elementId).add(x).add(y);
    }
  }
}
