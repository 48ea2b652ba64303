package dev.drawbridge.relay.blob;

import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * The bounds on blobs (docs/relay.md lists the defaults and flags).
 *
 * @param maxBlobBytes the largest file stored ({@code --max-blob-bytes}, R109: sent in every
 *     welcome); a bigger upload is refused with {@code too_big}
 * @param maxRoomBlobBytes a room's blobs together ({@code --max-room-blob-bytes}); an upload that
 *     would pass it is refused with {@code room_full}
 * @param maxUploadBytesHeld the bytes all unfinished uploads of the relay may hold in memory; an
 *     upload that would pass it is refused with {@code busy} (the relay's heap is the bound)
 * @param bytesPerSecond sustained {@code blob_put} bytes per connection ({@code rate_limited}
 *     above)
 * @param byteBurst {@code blob_put} bytes a connection may send at once
 */
public record BlobLimits(
    long maxBlobBytes,
    long maxRoomBlobBytes,
    long maxUploadBytesHeld,
    double bytesPerSecond,
    double byteBurst) {

  public static final long DEFAULT_MAX_BLOB_BYTES = 10L << 20;
  public static final long DEFAULT_MAX_ROOM_BLOB_BYTES = 512L << 20;

  /** Six uploads of the largest file at once; more wait ({@code busy}). */
  public static final long DEFAULT_MAX_UPLOAD_BYTES_HELD = 64L << 20;

  /**
   * 4 MiB/s sustained with a burst of one largest file: a user pasting a photo is never slowed, one
   * pasting a hundred is at ~30 Mbit/s, and a hostile client cannot make the relay hash and buffer
   * at wire speed for long.
   */
  public static final double DEFAULT_BYTES_PER_SECOND = 4 << 20;

  /** Files are held in one array while they are checked and stored. */
  public static final long MAX_BLOB_BYTES_LIMIT = 1L << 30;

  public BlobLimits {
    if (maxBlobBytes < 1 || maxBlobBytes > MAX_BLOB_BYTES_LIMIT) {
      throw new IllegalArgumentException("the largest blob must be 1 byte to 1 GiB");
    }
    if (maxRoomBlobBytes < 1) {
      throw new IllegalArgumentException("a room's blob bytes must be at least 1");
    }
    if (maxUploadBytesHeld < 1 || bytesPerSecond <= 0) {
      throw new IllegalArgumentException("upload bounds must be positive");
    }
    if (byteBurst < ProtocolLimits.MAX_BLOB_CHUNK_BYTES) {
      throw new IllegalArgumentException("the blob byte burst must hold one chunk");
    }
  }

  public static BlobLimits defaults() {
    return of(DEFAULT_MAX_BLOB_BYTES, DEFAULT_MAX_ROOM_BLOB_BYTES);
  }

  /** The given file and room bounds, the other bounds at their defaults (burst: one file). */
  public static BlobLimits of(long maxBlobBytes, long maxRoomBlobBytes) {
    return new BlobLimits(
        maxBlobBytes,
        maxRoomBlobBytes,
        Math.max(DEFAULT_MAX_UPLOAD_BYTES_HELD, maxBlobBytes),
        DEFAULT_BYTES_PER_SECOND,
        Math.max(maxBlobBytes, ProtocolLimits.MAX_BLOB_CHUNK_BYTES));
  }

  public BlobLimits withMaxUploadBytesHeld(long v) {
    return new BlobLimits(maxBlobBytes, maxRoomBlobBytes, v, bytesPerSecond, byteBurst);
  }

  public BlobLimits withRate(double perSecond, double burst) {
    return new BlobLimits(maxBlobBytes, maxRoomBlobBytes, maxUploadBytesHeld, perSecond, burst);
  }
}
