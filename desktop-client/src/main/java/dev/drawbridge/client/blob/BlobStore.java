package dev.drawbridge.client.blob;

import dev.drawbridge.protocol.blob.BlobIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pictures on this machine, one file per blob named by its SHA-256 (R108) under {@code
 * <home>/blobs/<first two hex digits>/}: every board of the app shares it, so a picture pasted into
 * two boards is kept once. A blob is written to a temporary file, forced to disk and renamed into
 * place before {@link #put} returns, so an op that names it can be journaled after it and a SIGKILL
 * never leaves a half-written picture under a blob's name. Thread-safe.
 */
public final class BlobStore {
  static final String CACHED_SUFFIX = ".cached";
  private static final Logger log = LoggerFactory.getLogger(BlobStore.class);
  private final Path root;

  public BlobStore(Path root) {
    this.root = root;
  }

  /** The store in the app's home directory: {@code <home>/blobs}. */
  public static BlobStore in(Path home) {
    return new BlobStore(home.resolve("blobs"));
  }

  /**
   * Stores {@code bytes} (if not already here) and returns their blob id. A picture put here is
   * this user's own: it may be the only copy anywhere (an offline board, an unsent op), so the
   * cache limit never evicts it, even if it had been fetched before.
   */
  public String put(byte[] bytes) {
    String id = BlobIds.of(bytes);
    try {
      // The marker goes first: a crash in between leaves the user's own picture, never evicted.
      Files.deleteIfExists(cachedMarker(id));
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep picture " + id, e);
    }
    return write(bytes);
  }

  /**
   * Stores bytes fetched from a relay (R112), which holds them for good (R108): unless the user put
   * the same picture here, {@link BlobCacheLimit} may evict them and the board fetches them again.
   * The caller has checked that they hash to {@code blobId}.
   */
  public void putFetched(String blobId, byte[] bytes) {
    if (has(blobId)) {
      return; // already here, as the user's own or as a cached copy
    }
    try {
      // The marker first: a crash between the two leaves a marker without a blob (ignored), never
      // a fetched blob that looks like the user's own and so is never evicted.
      Files.createDirectories(path(blobId).getParent());
      Files.write(cachedMarker(blobId), new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store picture " + blobId, e);
    }
    write(bytes);
  }

  /**
   * Deletes {@code .part} files a crash left behind (a put that never reached its rename): those
   * last written before {@code started}, this run's start. A put of this run, under way while the
   * store is walked, is newer and is left alone, so this may run in the background after start.
   */
  public void cleanLeftovers(Instant started) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (var files = Files.walk(root, 2)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (p.getFileName().toString().endsWith(".part")
            && !Files.getLastModifiedTime(p).toInstant().isAfter(started)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("Could not clean unfinished pictures under {}: {}", root, e.getMessage());
    }
  }

  private String write(byte[] bytes) {
    String id = BlobIds.of(bytes);
    Path target = path(id);
    if (Files.isRegularFile(target)) {
      return id;
    }
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), id.substring(0, 8), ".part");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.write(java.nio.ByteBuffer.wrap(bytes));
          channel.force(true);
        }
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not store picture " + id, e);
    }
    return id;
  }

  /** The bytes of {@code blobId}, or empty when this machine does not have them. */
  public Optional<byte[]> get(String blobId) {
    if (!BlobIds.isValid(blobId)) {
      return Optional.empty();
    }
    try {
      Path file = path(blobId);
      byte[] bytes = Files.readAllBytes(file);
      touch(file);
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read picture " + blobId, e);
    }
  }

  public boolean has(String blobId) {
    return BlobIds.isValid(blobId) && Files.isRegularFile(path(blobId));
  }

  /** Where {@code blobId} is (or would be) kept; the id must be valid. */
  public Path path(String blobId) {
    if (!BlobIds.isValid(blobId)) {
      throw new IllegalArgumentException("not a blob id: " + blobId);
    }
    return root.resolve(blobId.substring(0, 2)).resolve(blobId);
  }

  /** Where the marker of a blob fetched from a relay (and so evictable) is. */
  Path cachedMarker(String blobId) {
    return path(blobId).resolveSibling(blobId + CACHED_SUFFIX);
  }

  /** Marks a use for the cache limit's least-recently-used order; best effort. */
  private static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // A read-only store still works; its eviction order is only less exact.
    }
  }

  /** The directory holding the store. */
  public Path root() {
    return root;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
