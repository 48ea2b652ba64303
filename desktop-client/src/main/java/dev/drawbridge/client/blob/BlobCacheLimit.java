package dev.drawbridge.client.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pictures fetched from relays under a size cap, least recently used first out. Only
 * fetched copies are evicted (a relay keeps its blobs for good, R108, so they can be fetched
 * again); the user's own pictures may be the only copy and are never evicted, and neither is any
 * blob in {@code pinned} (what the open board and its unsent ops show). Runs off the UI thread.
 */
public final class BlobCacheLimit {
  /**
   * 1 GiB: about two hundred 12-megapixel photos (the "board with 200 photos"), so one big
   * board fits whole; a constant rather than a setting until someone needs to change it.
   */
  public static final long DEFAULT_CAP_BYTES = 1L << 30;

  private static final Logger log = LoggerFactory.getLogger(BlobCacheLimit.class);

  private record Cached(String blobId, Path file, long size, FileTime used) {}

  private final BlobStore store;
  private final long capBytes;

  public BlobCacheLimit(BlobStore store, long capBytes) {
    this.store = store;
    this.capBytes = capBytes;
  }

  /** Evicts the least recently used fetched blobs not in {@code pinned} until under the cap. */
  public List<String> trim(Set<String> pinned) {
    List<Cached> cached = cached();
    long total = cached.stream().mapToLong(Cached::size).sum();
    List<String> evicted = new ArrayList<>();
    cached.sort(Comparator.comparing(Cached::used));
    for (Cached c : cached) {
      if (total <= capBytes) {
        break;
      }
      if (pinned.contains(c.blobId())) {
        continue;
      }
      try {
        Files.deleteIfExists(c.file());
        Files.deleteIfExists(store.cachedMarker(c.blobId()));
        total -= c.size();
        evicted.add(c.blobId());
      } catch (IOException e) {
        log.warn("Could not evict picture {}: {}", c.blobId(), e.getMessage());
      }
    }
    return evicted;
  }

  /** Every fetched blob here with its size and last use. */
  private List<Cached> cached() {
    List<Cached> found = new ArrayList<>();
    if (!Files.isDirectory(store.root())) {
      return found;
    }
    try (var files = Files.walk(store.root(), 2)) {
      for (Path marker : (Iterable<Path>) files::iterator) {
        String name = marker.getFileName().toString();
        if (!name.endsWith(BlobStore.CACHED_SUFFIX)) {
          continue;
        }
        String id = name.substring(0, name.length() - BlobStore.CACHED_SUFFIX.length());
        Path file = marker.resolveSibling(id);
        if (Files.isRegularFile(file)) {
          found.add(new Cached(id, file, Files.size(file), Files.getLastModifiedTime(file)));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not list cached pictures under {}: {}", store.root(), e.getMessage());
    }
    return found;
  }
}
