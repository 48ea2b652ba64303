package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * The checks and the equality that {@code blob_put} and {@code blob_data} share (R110, R112): both
 * carry one chunk of one blob.
 */
final class BlobChunkFields {
  private BlobChunkFields() {}

  static void check(String blob, String mime, long size, long offset, byte[] data) {
    requireBlobId(blob);
    Require.present(mime, "mime");
    if (ImageFormat.ofMime(mime).isEmpty()) {
      throw Require.invalid("mime", "must be image/png, jpeg, gif, bmp or webp");
    }
    Require.atLeast(size, 1, "size");
    Require.atLeast(offset, 0, "offset");
    Require.present(data, "data");
    if (data.length > ProtocolLimits.MAX_BLOB_CHUNK_BYTES) {
      throw Require.tooBig("data", "more than " + ProtocolLimits.MAX_BLOB_CHUNK_BYTES + " bytes");
    }
    if (data.length == 0 || offset + data.length > size) {
      throw Require.invalid("data", "a chunk holds 1 byte or more, all within the blob's size");
    }
  }

  static String requireBlobId(String blob) {
    Require.present(blob, "blob");
    if (!BlobIds.isValid(blob)) {
      throw Require.invalid("blob", "must be 64 lowercase hex digits (a SHA-256)");
    }
    return blob;
  }

  static boolean equal(
      String blob1, String mime1, long size1, long offset1, byte[] data1, Object[] other) {
    return blob1.equals(other[0])
        && mime1.equals(other[1])
        && size1 == (long) other[2]
        && offset1 == (long) other[3]
        && Arrays.equals(data1, (byte[]) other[4]);
  }

  static int hash(String blob, long offset, byte[] data) {
    return Objects.hash(blob, offset) * 31 + Arrays.hashCode(data);
  }
}
