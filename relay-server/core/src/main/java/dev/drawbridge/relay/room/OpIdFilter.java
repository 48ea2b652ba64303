package dev.drawbridge.relay.room;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The op ids a room has stored, as a growing Bloom filter: "no" is certain, "maybe" is not.
 *
 * <p>It spares the op log a lookup for every new op id (R15): only a "maybe" (a real duplicate, or
 * a few % of new ids) is looked up. About 1.2 bytes per id (a room of 100,000 ops: ~120 kB; an
 * empty room: 320 bytes, as 10,000 rooms may be open). It grows by adding a filter twice the size
 * of the last once that one holds its capacity (a scalable Bloom filter), so it never needs the ids
 * again. Not thread-safe: the room's monitor guards it.
 */
final class OpIdFilter {
  private static final int HASHES = 7;
  private static final int BITS_PER_ID = 10;
  private static final int FIRST_CAPACITY = 256;

  private final List<Layer> layers = new ArrayList<>();

  private static final class Layer {
    final BitSet bits;
    final int size;
    final int capacity;
    int count;

    Layer(int capacity) {
      this.capacity = capacity;
      this.size = capacity * BITS_PER_ID;
      this.bits = new BitSet(size);
    }
  }

  /** A filter sized for {@code expected} ids (it grows past that). */
  OpIdFilter(long expected) {
    layers.add(new Layer((int) Math.min(Math.max(expected, FIRST_CAPACITY), 1 << 26)));
  }

  void add(String id) {
    Layer last = layers.getLast();
    if (last.count >= last.capacity) {
      last = new Layer((int) Math.min(2L * last.capacity, 1 << 26));
      layers.add(last);
    }
    long h = hash(id);
    int h1 = (int) h;
    int h2 = (int) (h >>> 32) | 1;
    for (int i = 0; i < HASHES; i++) {
      last.bits.set(Math.floorMod(h1 + i * h2, last.size));
    }
    last.count++;
  }

  /** False only if {@code id} was never added. */
  boolean mightContain(String id) {
    long h = hash(id);
    int h1 = (int) h;
    int h2 = (int) (h >>> 32) | 1;
    for (Layer layer : layers) {
      if (contains(layer, h1, h2)) {
        return true;
      }
    }
    return false;
  }

  int layerCount() {
    return layers.size();
  }

  private static boolean contains(Layer layer, int h1, int h2) {
    for (int i = 0; i < HASHES; i++) {
      if (!layer.bits.get(Math.floorMod(h1 + i * h2, layer.size))) {
        return false;
      }
    }
    return true;
  }

  /** 64-bit FNV-1a over the chars, then a murmur finalizer: ids are often sequential. */
  private static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
