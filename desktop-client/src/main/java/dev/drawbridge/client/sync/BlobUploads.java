package dev.drawbridge.client.sync;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Uploads the pictures of this user's image adds before the adds go out (R110, R111): one blob at a
 * time per connection, in {@code blob_put} chunks from offset 0, paced by a {@link SendBudget} of
 * its own, until the relay answers {@code blob_stored}. What the relay confirmed holds for this
 * connection only; after a reconnect every upload starts again from offset 0 (the relay answers the
 * first chunk at once for a blob it already holds). The {@link Outbox} asks before each image add
 * and is told when it may go on.
 *
 * <p>Touched on the session's UI executor only.
 */
final class BlobUploads {
  /** What the outbox may do with an image add. */
  enum Readiness {
    /** The relay confirmed the blob on this connection: send the add. */
    STORED,
    /** An upload runs (this blob or an earlier one): the add and everything after it wait. */
    UPLOADING,
    /** The bytes are not on this machine: send the add; the relay may hold them (R111). */
    NO_BYTES,
    /** Bigger than the relay's {@code maxBlobBytes}: it would refuse it as {@code too_big}. */
    TOO_BIG,
    /** The relay stores no pictures (R114): the add cannot go out on this connection. */
    UNSUPPORTED
  }

  /** The outbox's side. */
  interface Owner {
    /** An upload finished: the add waiting for it may go out. */
    void uploadDone();

    /** The relay will never store {@code blobId} ({@code reason}, R113). */
    void uploadRefused(String blobId, String reason);
  }

  // About 2 MiB/s of file (2.7 MiB/s of base64), bursts of 1.5 MiB: a 10 MiB photo takes ~5 s, and
  // a relay with a lower byte rate answers rate_limited, which halves it (AIMD, as for ops).
  private static final double CHUNKS_PER_SECOND = 42;
  private static final double CHUNK_BURST = 32;
  // bad_chunk means the relay saw our chunks out of order; that should not happen twice in a row.
  private static final int MAX_RESTARTS = 3;

  private static final class Upload {
    final ImageRef image;
    final byte[] bytes;
    int offset;
    int restarts;

    Upload(ImageRef image, byte[] bytes) {
      this.image = image;
      this.bytes = bytes;
    }
  }

  private final BlobStore store;
  private final Connection connection;
  private final Clock clock;
  private final UiTimers timers;
  private final SendBudget budget;
  private final Set<String> storedHere = new HashSet<>();
  private Owner owner;
  private Long maxBlobBytes;
  private boolean welcomed;
  private Upload current;
  private Instant pausedUntil = Instant.EPOCH;
  private Scheduler.Cancellable timer = Scheduler.Cancellable.NONE;
  private boolean timerSet;

  BlobUploads(BlobStore store, Connection connection, Clock clock, UiTimers timers) {
    this.store = store;
    this.connection = connection;
    this.clock = clock;
    this.timers = timers;
    this.budget = new SendBudget(CHUNKS_PER_SECOND, CHUNK_BURST, clock.instant());
  }

  void setOwner(Owner owner) {
    this.owner = owner;
  }

  /** The relay's welcome: {@code maxBlobBytes} null means it stores no pictures (R109). */
  void welcomed(Long maxBlobBytes) {
    this.maxBlobBytes = maxBlobBytes;
    this.welcomed = true;
  }

  /** Whether the last welcome said the relay stores no pictures (unknown before one arrives). */
  boolean relayRefusesImages() {
    return welcomed && maxBlobBytes == null;
  }

  /** Whether {@code image}'s add may go out now; starts its upload if it needs one. */
  Readiness prepare(ImageRef image) {
    String blob = image.blob();
    if (storedHere.contains(blob)) {
      return Readiness.STORED;
    }
    if (relayRefusesImages()) {
      return Readiness.UNSUPPORTED;
    }
    if (current != null) {
      return Readiness.UPLOADING;
    }
    Optional<byte[]> bytes = store.get(blob);
    if (bytes.isEmpty()) {
      return Readiness.NO_BYTES;
    }
    if (maxBlobBytes != null && bytes.get().length > maxBlobBytes) {
      return Readiness.TOO_BIG;
    }
    current = new Upload(image, bytes.get());
    pump();
    return Readiness.UPLOADING;
  }

  /** Whether this machine has the bytes of {@code image} to upload. */
  boolean hasBytes(ImageRef image) {
    return store.has(image.blob());
  }

  /** The relay answered {@code missing_blob} for an add of {@code blobId}: it holds it no more. */
  void forget(String blobId) {
    storedHere.remove(blobId);
  }

  /** {@code blob_stored}: true when it answers this connection's upload. */
  boolean stored(ServerMessage.BlobStored stored) {
    storedHere.add(stored.blob());
    if (current == null || !current.image.blob().equals(stored.blob())) {
      return false;
    }
    current = null;
    budget.speedUp();
    owner.uploadDone();
    return true;
  }

  /** {@code blob_refused} for our upload: false when it is not about our upload (a fetch). */
  boolean refused(ServerMessage.BlobRefused refused) {
    if (current == null || !current.image.blob().equals(refused.blob())) {
      return false;
    }
    current.offset = 0; // a refusal ends the upload (R110): any retry starts from the beginning
    if (refused.retryAfterMs() > 0) {
      if ("rate_limited".equals(refused.reason())) {
        budget.slowDown(clock.instant());
      }
      pausedUntil = clock.instant().plusMillis(refused.retryAfterMs());
      schedule(Duration.ofMillis(refused.retryAfterMs()));
      return true;
    }
    if ("bad_chunk".equals(refused.reason()) && ++current.restarts <= MAX_RESTARTS) {
      pump();
      return true;
    }
    String blob = current.image.blob();
    current = null;
    owner.uploadRefused(blob, refused.reason());
    return true;
  }

  /** The connection dropped: nothing is confirmed on the next one, and no upload carries over. */
  void connectionDropped() {
    storedHere.clear();
    current = null;
    pausedUntil = Instant.EPOCH;
    timer.cancel();
    timerSet = false;
  }

  /** Sends the current upload's next chunks while the budget allows. */
  private void pump() {
    if (current == null || !connection.isSynced()) {
      return;
    }
    if (clock.instant().isBefore(pausedUntil)) {
      schedule(Duration.between(clock.instant(), pausedUntil));
      return;
    }
    while (current != null && current.offset < current.bytes.length) {
      if (!budget.tryTake(clock.instant())) {
        schedule(budget.untilNext(clock.instant()));
        return;
      }
      Upload u = current;
      int end = Math.min(u.bytes.length, u.offset + ProtocolLimits.MAX_BLOB_CHUNK_BYTES);
      ClientMessage.BlobPut put =
          new ClientMessage.BlobPut(
              u.image.blob(),
              u.image.mime(),
              u.bytes.length,
              u.offset,
              Arrays.copyOfRange(u.bytes, u.offset, end));
      if (!connection.send(put)) {
        return; // the socket closed underneath; its close event is on its way
      }
      u.offset = end;
    }
  }

  private void schedule(Duration delay) {
    if (timerSet) {
      return;
    }
    timerSet = true;
    int gen = connection.generation();
    timer =
        timers.later(
            delay,
            () -> {
              timerSet = false;
              if (gen == connection.generation()) {
                pump();
              }
            });
  }
}
