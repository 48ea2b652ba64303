package dev.drawbridge.relay.blob;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One blob being uploaded by one connection (R110): its chunks in order, hashed as they arrive, and
 * the checks of the whole file (R113 {@code hash_mismatch}, {@code bad_image}). Its buffer grows
 * with what arrived, not with the size the first chunk declared. Not thread-safe: owned by its
 * connection's session.
 */
public final class BlobUpload {
  private final String blob;
  private final String mime;
  private final long size;
  private final MessageDigest digest = BlobIds.sha256();
  private byte[] bytes;
  private int received;

  private BlobUpload(ClientMessage.BlobPut first) {
    this.blob = first.blob();
    this.mime = first.mime();
    this.size = first.size();
    this.bytes = new byte[(int) Math.min(size, 4L * ProtocolLimits.MAX_BLOB_CHUNK_BYTES)];
  }

  /** Begins an upload with its chunk at offset 0 (not yet appended; callers check limits first). */
  public static BlobUpload begin(ClientMessage.BlobPut first) {
    if (first.offset() != 0) {
      throw new IllegalArgumentException("an upload begins at offset 0");
    }
    return new BlobUpload(first);
  }

  /** Whether {@code put} is this upload's next chunk: same blob, mime and size, no gap (R110). */
  public boolean continues(ClientMessage.BlobPut put) {
    return put.blob().equals(blob)
        && put.mime().equals(mime)
        && put.size() == size
        && put.offset() == received;
  }

  /** Adds the next chunk ({@link #continues} must hold). */
  public void append(ClientMessage.BlobPut put) {
    byte[] data = put.data();
    if (received + data.length > bytes.length) {
      bytes =
          Arrays.copyOf(
              bytes, (int) Math.min(size, Math.max(2L * bytes.length, received + data.length)));
    }
    System.arraycopy(data, 0, bytes, received, data.length);
    digest.update(data);
    received += data.length;
  }

  public boolean complete() {
    return received == size;
  }

  /**
   * Whether the first chunk already shows a file that can only be refused with {@code bad_image}:
   * its header is complete in it and says another format or a side outside 1–4,096 (a decompression
   * bomb is turned away before the rest of it is sent or held). A header the chunk does not finish
   * (a JPEG's can follow long metadata) waits for the whole file.
   */
  public static boolean badFromTheStart(ClientMessage.BlobPut first) {
    return ImageHeader.read(first.data()).map(h -> !fits(h, first.mime())).orElse(false);
  }

  private static boolean fits(ImageHeader h, String mime) {
    return h.format().mime().equals(mime) && h.fitsWithin(ProtocolLimits.MAX_IMAGE_SIDE);
  }

  /**
   * What is wrong with the whole file, if anything: {@code hash_mismatch} when its SHA-256 is not
   * its id, {@code bad_image} when its header is not one of ours, says another format than its
   * mime, or a side outside 1–4,096. The header is read, never decoded (R115).
   */
  public Optional<String> fault() {
    if (!HexFormat.of().formatHex(digest.digest()).equals(blob)) {
      return Optional.of("hash_mismatch");
    }
    boolean fine = ImageHeader.read(bytes).map(h -> fits(h, mime)).orElse(false);
    return fine ? Optional.empty() : Optional.of("bad_image");
  }

  public String blob() {
    return blob;
  }

  public String mime() {
    return mime;
  }

  public long size() {
    return size;
  }

  /** The whole file, once {@link #complete}. */
  public byte[] bytes() {
    return bytes;
  }
}
