package dev.drawbridge.relay.room;

import dev.drawbridge.relay.blob.BlobUpload;
import dev.drawbridge.relay.oplog.OpLog;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which blobs a room holds and how many bytes they and its unfinished uploads take (R108, R111,
 * R113 {@code room_full}). The op log is the truth: a blob stored through another relay sharing it
 * counts as held. Guarded by its own lock, never the room's monitor, so blob lookups and storage
 * never hold up the room's ops.
 */
final class RoomBlobs {
  private final String room;
  private final OpLog opLog;
  private final long maxRoomBytes;

  /** Blobs known to be held: stored blobs are never deleted, so a yes stays true. */
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /** Bytes reserved by uploads of the room not yet stored. Guarded by this. */
  private long reserved;

  RoomBlobs(String room, OpLog opLog, long maxRoomBytes) {
    this.room = room;
    this.opLog = opLog;
    this.maxRoomBytes = maxRoomBytes;
  }

  /** Whether the room holds {@code blob} (asks the log once for one not known here). */
  boolean holds(String blob) {
    if (held.contains(blob)) {
      return true;
    }
    if (opLog.blob(room, blob).isPresent()) {
      held.add(blob);
      return true;
    }
    return false;
  }

  /**
   * Reserves room for an upload of {@code size} bytes: false (nothing reserved) when the room's
   * stored blobs, the uploads under way and this one would pass {@code --max-room-blob-bytes}.
   */
  boolean reserve(long size) {
    long stored = opLog.blobBytes(room);
    synchronized (this) {
      if (stored + reserved + size > maxRoomBytes) {
        return false;
      }
      reserved += size;
      return true;
    }
  }

  synchronized void release(long size) {
    reserved -= size;
  }

  /**
   * Stores a checked upload; once the log has it durably the room holds it and its reservation is
   * given back (the log's byte count now includes it). The future completes after that.
   */
  CompletableFuture<Void> store(BlobUpload upload) {
    return opLog
        .putBlob(room, upload.blob(), upload.mime(), upload.bytes())
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                held.add(upload.blob());
              }
              release(upload.size());
            });
  }
}
