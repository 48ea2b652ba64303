package dev.drawbridge.client.blob;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the canvas, the exports and the clipboard get the bytes of a picture (R107). A local board
 * has them all in the {@link BlobStore}; a shared board fetches missing ones from the relay (R112),
 * those in view first, and tells listeners when they arrive. Call from the UI thread.
 */
public interface BlobSource {
  /**
   * Keeps {@code bytes} on this machine and returns their blob id (R108). A shared board uploads
   * them before any op that names them (R111), so put the bytes first, then submit the add.
   */
  String put(byte[] bytes);

  /** The bytes of {@code blobId} if this machine has them; never blocks on the network. */
  Optional<byte[]> bytes(String blobId);

  /**
   * Asks for {@code blobId} if this machine lacks it; {@code inView} ones are fetched before the
   * others. Cheap to call on every paint: repeated asks are folded. A source with nowhere to fetch
   * from (a local board, a file) asks nobody: the default does nothing.
   */
  default void want(String blobId, boolean inView) {}

  /**
   * Calls {@code listener} (on the UI thread) with each blob id whose bytes arrived. A source that
   * fetches nothing has nothing arrive: the default keeps no listener.
   */
  default void onArrival(Consumer<String> listener) {}

  /**
   * Whether {@code blobId} cannot be had: the relay does not hold it (R112 {@code not_found}) or
   * its bytes were not the picture they claimed to be. The canvas draws a broken-picture mark.
   */
  default boolean isMissing(String blobId) {
    return false;
  }

  /** A source that has exactly what {@code store} has (a local board, a file). */
  static BlobSource of(BlobStore store) {
    return new BlobSource() {
      @Override
      public String put(byte[] bytes) {
        return store.put(bytes);
      }

      @Override
      public Optional<byte[]> bytes(String blobId) {
        return store.get(blobId);
      }

      @Override
      public boolean isMissing(String blobId) {
        return !store.has(blobId);
      }
    };
  }

  /** A source kept in memory only: for sessions without a store on disk (tests, previews). */
  static BlobSource inMemory() {
    java.util.Map<String, byte[]> blobs = new java.util.concurrent.ConcurrentHashMap<>();
    return new BlobSource() {
      @Override
      public String put(byte[] bytes) {
        String id = dev.drawbridge.protocol.blob.BlobIds.of(bytes);
        blobs.putIfAbsent(id, bytes.clone());
        return id;
      }

      @Override
      public Optional<byte[]> bytes(String blobId) {
        return Optional.ofNullable(blobs.get(blobId)).map(byte[]::clone);
      }

      @Override
      public boolean isMissing(String blobId) {
        return !blobs.containsKey(blobId);
      }
    };
  }
}
