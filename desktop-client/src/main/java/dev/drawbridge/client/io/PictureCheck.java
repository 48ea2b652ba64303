package dev.drawbridge.client.io;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.Optional;

/**
 * Whether bytes that arrive from outside (a file, the clipboard) are the picture they claim to be:
 * their SHA-256 is the blob id (R108) and their header, read without decoding (R115), names a
 * format a board holds and at most {@link ProtocolLimits#MAX_IMAGE_SIDE} pixels a side.
 */
public final class PictureCheck {
  private PictureCheck() {}

  /**
   * Null when {@code bytes} are a good picture named {@code blobId}; otherwise why not, in a few
   * words (for the log).
   *
   * @param mime what the element showing it says it is, or null when no element says
   */
  public static String problem(String blobId, byte[] bytes, String mime) {
    if (!BlobIds.isValid(blobId)) {
      return "not a blob id";
    }
    if (!BlobIds.of(bytes).equals(blobId)) {
      return "bytes do not match " + blobId;
    }
    Optional<ImageHeader> header = ImageHeader.read(bytes);
    if (header.isEmpty() || !header.get().fitsWithin(ProtocolLimits.MAX_IMAGE_SIDE)) {
      return "not a picture of at most " + ProtocolLimits.MAX_IMAGE_SIDE + " px a side";
    }
    if (mime != null && !header.get().format().equals(ImageFormat.ofMime(mime).orElse(null))) {
      return "a " + header.get().format() + " named " + mime;
    }
    return null;
  }
}
