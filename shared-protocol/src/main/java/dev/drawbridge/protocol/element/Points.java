package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.drawbridge.protocol.validation.Require;
import java.util.Arrays;

/**
 * An immutable run of points, stored flat as {@code [x0, y0, x1, y1, ...]} floats: on the wire the
 * same flat JSON array. Flat floats keep a 10,000-stroke board small (8 bytes a point).
 */
public final class Points {
  public static final Points EMPTY = new Points(new float[0]);

  private final float[] coords;

  private Points(float[] coords) {
    this.coords = coords;
  }

  /** Copies and checks {@code coords}: even length, every value finite and within bounds. */
  @JsonCreator
  public static Points of(float... coords) {
    Require.present(coords, "points");
    if (coords.length % 2 != 0) {
      throw Require.invalid("points", "needs an even number of coordinates");
    }
    for (float c : coords) {
      Require.coordinate(c, "points");
    }
    return coords.length == 0 ? EMPTY : new Points(coords.clone());
  }

  public int size() {
    return coords.length / 2;
  }

  public boolean isEmpty() {
    return coords.length == 0;
  }

  public float x(int index) {
    return coords[2 * index];
  }

  public float y(int index) {
    return coords[2 * index + 1];
  }

  /** This run followed by {@code more}, keeping at most {@code maxPoints} points. */
  public Points append(Points more, int maxPoints) {
    int keep = Math.min(more.size(), Math.max(0, maxPoints - size()));
    if (keep == 0) {
      return this;
    }
    float[] joined = Arrays.copyOf(coords, coords.length + 2 * keep);
    System.arraycopy(more.coords, 0, joined, coords.length, 2 * keep);
    return new Points(joined);
  }

  @JsonValue
  public float[] toArray() {
    return coords.clone();
  }

  /** Feeds every coordinate's bits to {@code digest}, without copying. */
  void digestInto(Digest64 digest) {
    digest.add(coords.length);
    for (float c : coords) {
      digest.add(Float.floatToIntBits(c));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Points p && Arrays.equals(coords, p.coords);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coords);
  }

  @Override
  public String toString() {
    return "Points" + Arrays.toString(coords);
  }
}
