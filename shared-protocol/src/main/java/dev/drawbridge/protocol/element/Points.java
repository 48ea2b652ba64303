package dev.drawbridge.protocol.element;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.drawbridge.protocol.validation.Require;
import java.util.Arrays;

/**
 * An immutable run of points, stored flat as {@code [x0, y0, x1, y1, ...]} floats: on the wire the
 * same flat JSON array. Flat floats keep a 10,000-stroke board small (8 bytes a point).
 *
 * <p>Appending costs the points appended, not the run's length (issue 19): a run is the first
 * {@code length} floats of a buffer that later runs of the same stroke may share. {@link #append}
 * writes into the buffer's spare room when no longer run was made from it yet, or reuses what a
 * longer run already holds when it is the same points (the client's own stroke, first drawn on its
 * view, then confirmed); otherwise it copies into a buffer with room to grow. Floats below a run's
 * length are never written again, so a run never changes once made, and threads that only read a
 * run (snapshot encoding) need no lock.
 */
public final class Points {
  public static final Points EMPTY = new Points(new Buffer(new float[0], 0), 0);

  private final Buffer buffer;
  private final int length;
  // Bounds of the points, kept as points are appended so a growing stroke's bounds cost nothing.
  private final float minX;
  private final float minY;
  private final float maxX;
  private final float maxY;

  /** The floats a stroke's runs share; {@code used} is how many of them some run holds. */
  private static final class Buffer {
    final float[] coords;
    int used;

    Buffer(float[] coords, int used) {
      this.coords = coords;
      this.used = used;
    }
  }

  private Points(Buffer buffer, int length) {
    this(buffer, length, Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE, 0);
  }

  /**
   * A run of {@code length} floats whose first {@code known} floats lie within the given bounds.
   */
  private Points(
      Buffer buffer, int length, float minX, float minY, float maxX, float maxY, int known) {
    float[] c = buffer.coords;
    for (int i = known; i < length; i += 2) {
      minX = Math.min(minX, c[i]);
      maxX = Math.max(maxX, c[i]);
      minY = Math.min(minY, c[i + 1]);
      maxY = Math.max(maxY, c[i + 1]);
    }
    this.buffer = buffer;
    this.length = length;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
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
    return coords.length == 0
        ? EMPTY
        : new Points(new Buffer(coords.clone(), coords.length), coords.length);
  }

  public int size() {
    return length / 2;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  public float x(int index) {
    return coords(2 * index);
  }

  public float y(int index) {
    return coords(2 * index + 1);
  }

  private float coords(int i) {
    if (i >= length) {
      throw new IndexOutOfBoundsException(i / 2 + " of " + size() + " points");
    }
    return buffer.coords[i];
  }

  /** The smallest x of any point; meaningless (Float.MAX_VALUE) when empty. */
  public float minX() {
    return minX;
  }

  public float minY() {
    return minY;
  }

  public float maxX() {
    return maxX;
  }

  public float maxY() {
    return maxY;
  }

  /** This run followed by {@code more}, keeping at most {@code maxPoints} points. */
  public Points append(Points more, int maxPoints) {
    int keep = Math.min(more.size(), Math.max(0, maxPoints - size()));
    if (keep == 0) {
      return this;
    }
    int added = 2 * keep;
    int grown = length + added;
    Buffer target = extend(more.buffer.coords, added);
    if (target == null) {
      float[] joined = Arrays.copyOf(buffer.coords, Math.max(grown, length + length / 2 + 16));
      System.arraycopy(more.buffer.coords, 0, joined, length, added);
      target = new Buffer(joined, grown);
    }
    return new Points(target, grown, minX, minY, maxX, maxY, length);
  }

  /**
   * This run's buffer if it can hold {@code added} more floats from {@code from} without changing a
   * float some run already holds: its spare room right after this run, or the same floats a longer
   * run already holds there. Null when the points must be copied.
   */
  private Buffer extend(float[] from, int added) {
    synchronized (buffer) {
      float[] c = buffer.coords;
      if (buffer.used == length && length + added <= c.length) {
        System.arraycopy(from, 0, c, length, added);
        buffer.used = length + added;
        return buffer;
      }
      if (buffer.used >= length + added
          && Arrays.equals(c, length, length + added, from, 0, added)) {
        return buffer;
      }
      return null;
    }
  }

  @JsonValue
  public float[] toArray() {
    return Arrays.copyOf(buffer.coords, length);
  }

  /** Feeds every coordinate's bits to {@code digest}, without copying. */
  void digestInto(Digest64 digest) {
    digest.add(length);
    float[] c = buffer.coords;
    for (int i = 0; i < length; i++) {
      digest.add(Float.floatToIntBits(c[i]));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Points p
        && Arrays.equals(buffer.coords, 0, length, p.buffer.coords, 0, p.length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    float[] c = buffer.coords;
    for (int i = 0; i < length; i++) {
      h = 31 * h + Float.floatToIntBits(c[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return "Points" + Arrays.toString(toArray());
  }
}
