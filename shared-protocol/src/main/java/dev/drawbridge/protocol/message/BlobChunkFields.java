package dev.drawbridge.protocol.message;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.protocol.validation.Require;
import java.util.Arrays;
import java.util.Objects;

/**
 * The checks, equality and log form of a {@link BlobChunk}: {@code blob_put} and {@code blob_data}
 * (R110, R112) both carry one chunk of one blob.
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

  /** Record equality for a chunk: the bytes by content (a record compares arrays by identity). */
  static boolean equal(BlobChunk a, Object o) {
    return o instanceof BlobChunk b
        && a.getClass() == b.getClass()
        && a.blob().equals(b.blob())
        && a.mime().equals(b.mime())
        && a.size() == b.size()
        && a.offset() == b.offset()
        && Arrays.equals(a.data(), b.data());
  }

  static int hash(BlobChunk c) {
    return Objects.hash(c.blob(), c.offset()) * 31 + Arrays.hashCode(c.data());
  }

  /** The chunk for a log line: the bytes counted, not printed. */
  static String describe(BlobChunk c) {
    return "%s[blob=%s, mime=%s, size=%d, offset=%d, data=%d bytes]"
        .formatted(
            c.getClass().getSimpleName(),
            c.blob(),
            c.mime(),
            c.size(),
            c.offset(),
            c.data().length);
  }
}
