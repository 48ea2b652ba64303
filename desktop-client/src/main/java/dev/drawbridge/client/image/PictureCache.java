package dev.drawbridge.client.image;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded pictures by blob and level ({@link PictureLevels}), least recently used first out,
 * bounded by the bytes their pixels take. Not thread-safe: the canvas uses it from the UI thread.
 *
 * @param <V> what a decoded picture is to the caller (a JavaFX image on the canvas)
 */
public final class PictureCache<V> {
  /** One decoded picture: a blob at a level. */
  public record Key(String blob, int level) {}

  private record Entry<V>(V value, long bytes) {}

  private final Map<Key, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long maxBytes;
  private long bytes;

  /**
   * @param maxBytes the most pixel bytes held; a single picture larger than that is not kept
   */
  public PictureCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The picture at exactly {@code key}, now the most recently used; null when not held. */
  public V get(Key key) {
    Entry<V> e = entries.get(key);
    return e == null ? null : e.value();
  }

  /**
   * The held level of {@code blob} closest to {@code level}, finer ones first (they look sharp,
   * only cost more to draw): what to draw while the right level decodes. Null when none is held.
   */
  public V nearest(String blob, int level) {
    for (int d = 1; d <= PictureLevels.MAX_LEVEL; d++) {
      for (int l : new int[] {level - d, level + d}) {
        if (l >= 0 && l <= PictureLevels.MAX_LEVEL) {
          Entry<V> e = entries.get(new Key(blob, l));
          if (e != null) {
            return e.value();
          }
        }
      }
    }
    return null;
  }

  /** Holds {@code value} as {@code key}, dropping least recently used pictures to stay bounded. */
  public void put(Key key, V value, long valueBytes) {
    Entry<V> old = entries.remove(key);
    if (old != null) {
      bytes -= old.bytes();
    }
    if (valueBytes > maxBytes) {
      return;
    }
    entries.put(key, new Entry<>(value, valueBytes));
    bytes += valueBytes;
    trim();
  }

  /** A new bound; least recently used pictures are dropped at once to meet a lower one. */
  public void setMaxBytes(long maxBytes) {
    this.maxBytes = maxBytes;
    trim();
  }

  public long maxBytes() {
    return maxBytes;
  }

  private void trim() {
    Iterator<Entry<V>> oldest = entries.values().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().bytes();
      oldest.remove();
    }
  }

  /** Pixel bytes held now, never above the bound. */
  public long bytes() {
    return bytes;
  }

  public int size() {
    return entries.size();
  }

  public boolean contains(Key key) {
    return entries.containsKey(key);
  }

  public void clear() {
    entries.clear();
    bytes = 0;
  }
}
