package dev.drawbridge.protocol.blob;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a blob into the chunks of {@code blob_put} and {@code blob_data} (R110, R112): each at most
 * {@link ProtocolLimits#MAX_BLOB_CHUNK_BYTES} bytes, whose base64 is exactly the longest JSON
 * string a frame may hold (R9), so a chunk never needs a limit of its own.
 */
public final class BlobChunks {
  private BlobChunks() {}

  /** One chunk: its bytes and where they start in the blob. */
  public record Chunk(long offset, byte[] data) {}

  /** The chunks of {@code bytes}, in order. A blob has at least one byte (R110, R113). */
  public static List<Chunk> of(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("an empty file is not a picture: no blob to send");
    }
    List<Chunk> chunks = new ArrayList<>();
    int size = ProtocolLimits.MAX_BLOB_CHUNK_BYTES;
    for (int at = 0; at < bytes.length; at += size) {
      chunks.add(new Chunk(at, Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size))));
    }
    return chunks;
  }
}
