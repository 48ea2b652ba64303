package dev.drawbridge.client.io;

import java.util.Optional;

/**
 * Where an export or a saved file gets a picture's bytes by blob id (R107, R108): the session's
 * {@code BlobSource::bytes} in the app. Must not block on the network; empty when the bytes are not
 * on this machine (a placeholder is drawn, or the picture is left out of the file).
 */
@FunctionalInterface
public interface PictureSource {
  /** A source that has no pictures. */
  PictureSource NONE = blobId -> Optional.empty();

  Optional<byte[]> bytes(String blobId);
}
