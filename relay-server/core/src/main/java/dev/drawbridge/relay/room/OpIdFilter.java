package dev.drawbridge.relay.room;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The op ids a room has stored, as a growing Bloom filter: "no" is certain, "maybe" is not.
 *
 * <p>It spares the op log a lookup for every new op id (R15): only a "maybe" (a real duplicate, or
 * ~1 % of new ids) is looked up, on the ordering path under the room's monitor. It grows by adding
 * a filter twice the size of the last once that one holds its capacity (a scalable Bloom filter),
 * so it never needs the ids again. Each new layer spends 2 more bits per id than the one before
 * (~0.38× its false-positive rate): a "maybe" from any layer costs a log lookup, so with equal
 * layers the rate grew with every doubling of the room (~0.8 % a layer: ~7 % for a room that grew
 * from empty to 100,000 ops); now it stays under ~1.4 % at any size. About 1.3 bytes per id for a
 * room loaded with its ids, up to ~3 bytes per id for one that grew from empty to 100,000 ops (~300
 * kB); an empty room: 320 bytes, as 10,000 rooms may be open. Not thread-safe: the room's monitor
 * guards it.
 */
final class OpIdFilter {
  private static final int FIRST_BITS_PER_ID = 10;
  private static final int MORE_BITS_PER_LAYER = 2;
  private static final int FIRST_CAPACITY = 256;

  private final List<Layer> layers = new ArrayList<>();

  private static final class Layer {
    final BitSet bits;
    final int size;
    final int capacity;
    final int hashes;
    int count;

    Layer(int capacity, int bitsPerId) {
      this.capacity = capacity;
      this.size = capacity * bitsPerId;
      this.hashes = (int) Math.round(bitsPerId * Math.log(2)); // the optimum for that many bits
      this.bits = new BitSet(size);
    }
  }

  /** A filter sized for {@code expected} ids (it grows past that). */
  OpIdFilter(long expected) {
    layers.add(
        new Layer((int) Math.min(Math.max(expected, FIRST_CAPACITY), 1 << 26), FIRST_BITS_PER_ID));
  }

  void add(String id) {
    Layer last = layers.getLast();
    if (last.count >= last.capacity) {
      int bitsPerId = FIRST_BITS_PER_ID + MORE_BITS_PER_LAYER * layers.size();
      last = new Layer((int) Math.min(2L * last.capacity, (1 << 30) / bitsPerId), bitsPerId);
      layers.add(last);
    }
    long h = hash(id);
    int h1 = (int) h;
    int h2 = (int) (h >>> 32) | 1;
    for (int i = 0; i < last.hashes; i++) {
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
    for (int i = 0; i < layer.hashes; i++) {
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
