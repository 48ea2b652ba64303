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
import java.util.Optional;

/**
 * The pictures on this machine, one file per blob named by its SHA-256 (R108) under {@code
 * <home>/blobs/<first two hex digits>/}: every board of the app shares it, so a picture pasted into
 * two boards is kept once. A blob is written to a temporary file, forced to disk and renamed into
 * place before {@link #put} returns, so an op that names it can be journaled after it and a SIGKILL
 * never leaves a half-written picture under a blob's name. Thread-safe.
 */
public final class BlobStore {
  private final Path root;

  public BlobStore(Path root) {
    this.root = root;
  }

  /** The store in the app's home directory: {@code <home>/blobs}. */
  public static BlobStore in(Path home) {
    return new BlobStore(home.resolve("blobs"));
  }

  /** Stores {@code bytes} (if not already here) and returns their blob id. */
  public String put(byte[] bytes) {
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
      return Optional.of(Files.readAllBytes(path(blobId)));
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
