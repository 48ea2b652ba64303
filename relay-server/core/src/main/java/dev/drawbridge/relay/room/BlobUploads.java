package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.TokenBucket;
import dev.drawbridge.relay.blob.BlobLimits;
import dev.drawbridge.relay.blob.BlobUpload;
import dev.drawbridge.relay.blob.UploadBudget;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's uploads (R110, R113): one at a time, each chunk continuing the one before, and
 * exactly one {@code blob_stored} or {@code blob_refused} per upload. A finished upload is checked
 * here, on the connection's worker thread, and stored by the op log in the background; {@code
 * blob_stored} leaves from the log's thread once it is durable. Not thread-safe: called by its
 * session under the session's lock.
 */
final class BlobUploads {
  private static final Logger log = LoggerFactory.getLogger(BlobUploads.class);

  /** When a refused upload may start again after the relay's memory or storage was the problem. */
  static final long BUSY_RETRY_MS = 1_000;

  private final RoomBlobs blobs;
  private final BlobLimits limits;
  private final UploadBudget budget;
  private final RoomMetrics metrics;
  private final Consumer<ServerMessage> reply;
  private final String room;
  private TokenBucket bytes;

  /** The upload under way, or null. */
  private BlobUpload current;

  /**
   * The blob whose upload was last answered before its end (stored at once because the room held
   * it, or refused): the rest of its chunks, which a client may have sent already, are dropped
   * unread, so each upload gets exactly one answer (R110) and a client starting again is not sent
   * stale refusals.
   */
  private String answered;

  BlobUploads(
      String room,
      RoomBlobs blobs,
      BlobLimits limits,
      UploadBudget budget,
      RoomMetrics metrics,
      Consumer<ServerMessage> reply) {
    this.room = room;
    this.blobs = blobs;
    this.limits = limits;
    this.budget = budget;
    this.metrics = metrics;
    this.reply = reply;
  }

  /** One {@code blob_put} of a connection that may ({@code editor}) or may not upload. */
  void put(ClientMessage.BlobPut put, boolean editor) {
    if (put.offset() > 0 && put.blob().equals(answered)) {
      return;
    }
    if (put.offset() == 0 && current != null) {
      endCurrent("bad_chunk"); // a new upload ends the unfinished one (R110)
    }
    // Before any lookup: a client sending chunk after chunk costs the relay no storage reads.
    long wait = overRate(put);
    if (wait > 0) {
      String blob = current != null ? current.blob() : put.blob();
      abandon();
      answer(blob, "rate_limited", wait);
      return;
    }
    if (put.offset() == 0) {
      answered = null;
      begin(put, editor);
      return;
    }
    if (current == null) {
      answer(put.blob(), "bad_chunk", 0);
      return;
    }
    if (!current.continues(put)) {
      endCurrent("bad_chunk");
      return;
    }
    append(put);
  }

  private void begin(ClientMessage.BlobPut first, boolean editor) {
    if (!editor) {
      answer(first.blob(), "viewer", 0);
    } else if (first.size() > limits.maxBlobBytes()) {
      answer(first.blob(), "too_big", 0);
    } else if (BlobUpload.badFromTheStart(first)) {
      answer(first.blob(), "bad_image", 0);
    } else if (blobs.holds(first.blob())) {
      answered = first.blob(); // R110: stored at once, the client stops sending it
      reply.accept(new ServerMessage.BlobStored(first.blob()));
    } else if (!blobs.reserve(first.size())) {
      answer(first.blob(), "room_full", 0);
    } else if (!budget.tryReserve(first.size())) {
      blobs.release(first.size());
      answer(first.blob(), "busy", BUSY_RETRY_MS);
    } else {
      current = BlobUpload.begin(first);
      append(first);
    }
  }

  /** Takes the chunk's bytes from the connection's bucket: 0, or the ms to wait (R113). */
  private long overRate(ClientMessage.BlobPut put) {
    long now = System.nanoTime();
    if (bytes == null) {
      bytes = new TokenBucket(limits.bytesPerSecond(), limits.byteBurst(), now);
    }
    return bytes.tryTake(put.data().length, now);
  }

  private void append(ClientMessage.BlobPut put) {
    current.append(put);
    if (current.complete()) {
      BlobUpload done = current;
      current = null;
      finish(done);
    }
  }

  /** Checks the whole file, then stores it; its reservations go when the log answers. */
  private void finish(BlobUpload upload) {
    Optional<String> fault = upload.fault();
    if (fault.isPresent()) {
      release(upload);
      answer(upload.blob(), fault.get(), 0);
      return;
    }
    blobs
        .store(upload)
        .whenComplete(
            (ok, error) -> {
              budget.release(upload.size());
              if (error != null) {
                log.atError()
                    .addKeyValue("room", room)
                    .addKeyValue("blob", upload.blob())
                    .setCause(error)
                    .log("blob not stored");
                refuse(upload.blob(), "busy", BUSY_RETRY_MS);
              } else {
                metrics.blobStored(upload.size());
                reply.accept(new ServerMessage.BlobStored(upload.blob()));
              }
            });
  }

  /** The connection is gone or the upload refused: nothing of it stays (R110). */
  void abandon() {
    if (current != null) {
      release(current);
      current = null;
    }
  }

  private void release(BlobUpload upload) {
    budget.release(upload.size());
    blobs.release(upload.size());
  }

  private void endCurrent(String reason) {
    String blob = current.blob();
    abandon();
    answer(blob, reason, 0);
  }

  /** Refuses the upload of {@code blob}, whose later chunks are then dropped unread. */
  private void answer(String blob, String reason, long retryAfterMs) {
    answered = blob;
    refuse(blob, reason, retryAfterMs);
  }

  /** Sends the refusal; any thread (the op log's answers to a store refuse too). */
  private void refuse(String blob, String reason, long retryAfterMs) {
    metrics.rejected("blob_" + reason);
    log.atInfo()
        .addKeyValue("room", room)
        .addKeyValue("blob", blob)
        .addKeyValue("reason", reason)
        .log("blob refused");
    reply.accept(new ServerMessage.BlobRefused(blob, reason, retryAfterMs));
  }
}
