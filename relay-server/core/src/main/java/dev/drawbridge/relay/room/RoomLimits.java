package dev.drawbridge.relay.room;

import dev.drawbridge.relay.blob.BlobLimits;
import dev.drawbridge.relay.history.HistoryLimits;

/**
 * The bounds rooms enforce (docs/relay.md lists the defaults).
 *
 * @param maxMembersPerRoom members beyond this are closed with 4010 (R22)
 * @param maxRooms open rooms beyond this are refused with 4010 (R22)
 * @param snapshotEvery a snapshot is stored every this many ops (R11)
 * @param opsPerSecond sustained op rate per connection (R17)
 * @param opBurst ops a connection may send at once
 * @param bytesPerSecond sustained op bytes per connection (R17)
 * @param byteBurst op bytes a connection may send at once (at least the frame limit)
 * @param rateLimitStrikes rate-limited ops tolerated in a burst before close 4008
 * @param strikesPerSecond how fast that tolerance comes back
 * @param presencePerSecond presence updates relayed per client; the excess is dropped (R18)
 * @param maxUnstoredOps ops a room holds acked but not yet stored (R26) before it refuses more with
 *     {@code nack{storage_busy}}: a stalled disk must not turn into unbounded memory
 * @param blobs the bounds on images: file and room sizes, upload memory and rate (R109–R113)
 * @param history the bounds on history: page size, page rate, retention (R117–R119)
 */
public record RoomLimits(
    int maxMembersPerRoom,
    int maxRooms,
    int snapshotEvery,
    double opsPerSecond,
    double opBurst,
    double bytesPerSecond,
    double byteBurst,
    double rateLimitStrikes,
    double strikesPerSecond,
    double presencePerSecond,
    int maxUnstoredOps,
    BlobLimits blobs,
    HistoryLimits history) {

  public RoomLimits {
    if (blobs == null || history == null) {
      throw new IllegalArgumentException("blob and history limits are required");
    }
  }

  /**
   * About 13 s of the benchmark's 1,500 ops/s (a normal commit holds ~30), ~1 KiB of memory each.
   */
  public static final int DEFAULT_MAX_UNSTORED_OPS = 20_000;

  /** Limits with the default bound on ops waiting for storage. */
  public RoomLimits(
      int maxMembersPerRoom,
      int maxRooms,
      int snapshotEvery,
      double opsPerSecond,
      double opBurst,
      double bytesPerSecond,
      double byteBurst,
      double rateLimitStrikes,
      double strikesPerSecond,
      double presencePerSecond) {
    this(
        maxMembersPerRoom,
        maxRooms,
        snapshotEvery,
        opsPerSecond,
        opBurst,
        bytesPerSecond,
        byteBurst,
        rateLimitStrikes,
        strikesPerSecond,
        presencePerSecond,
        DEFAULT_MAX_UNSTORED_OPS,
        BlobLimits.defaults(),
        HistoryLimits.defaults());
  }

  public static RoomLimits defaults() {
    // The op burst is large so a client replaying a long offline session (docs/decisions/0003) is
    // not paced at the sustained rate; the byte bucket still bounds what one burst can cost.
    return new RoomLimits(100, 10_000, 1_000, 200, 20_000, 1 << 20, 4 << 20, 50, 5, 30);
  }

  public RoomLimits withMaxUnstoredOps(int n) {
    return with(n, snapshotEvery, blobs, history);
  }

  public RoomLimits withSnapshotEvery(int n) {
    return with(maxUnstoredOps, n, blobs, history);
  }

  public RoomLimits withBlobs(BlobLimits b) {
    return with(maxUnstoredOps, snapshotEvery, b, history);
  }

  public RoomLimits withHistory(HistoryLimits h) {
    return with(maxUnstoredOps, snapshotEvery, blobs, h);
  }

  private RoomLimits with(int unstored, int snapshots, BlobLimits b, HistoryLimits h) {
    return new RoomLimits(
        maxMembersPerRoom,
        maxRooms,
        snapshots,
        opsPerSecond,
        opBurst,
        bytesPerSecond,
        byteBurst,
        rateLimitStrikes,
        strikesPerSecond,
        presencePerSecond,
        unstored,
        b,
        h);
  }
}
