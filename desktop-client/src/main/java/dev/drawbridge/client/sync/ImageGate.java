package dev.drawbridge.client.sync;

import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.op.Op;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for the {@link Outbox}, whether a local op may go out as far as pictures go (R110, R111,
 * R114): ops without one always may; an image add only once {@link BlobUploads} has its blob
 * confirmed on this connection. A relay that stores no pictures never confirms one: such an add is
 * held (it stays pending and in the journal, for a relay that does) together with every later op on
 * its element — those could not apply without it — while ops on other elements go on, since the
 * order that matters (R17) is per element. The user is told once per session.
 *
 * <p>Touched on the session's UI executor only.
 */
final class ImageGate {
  /** What the outbox does with the op at the head of its queue. */
  enum Verdict {
    /** Send it. */
    GO,
    /** Its picture is being uploaded: it and every later op wait. */
    WAIT,
    /** It cannot go on this connection (R114): skip it; it is queued again on the next one. */
    HOLD,
    /** Its picture is over the relay's limit: drop the add as the relay would ({@code too_big}). */
    TOO_BIG
  }

  private static final Logger log = LoggerFactory.getLogger(ImageGate.class);
  // A relay that keeps answering missing_blob after blob_stored is broken; stop feeding it.
  private static final int MAX_MISSING_BLOB_NACKS = 3;

  private final BlobUploads uploads;
  private final SessionEvents events;
  private final Set<String> heldElements = new HashSet<>();
  private final Map<String, Integer> missingBlobNacks = new HashMap<>();
  private boolean toldUnsupported;

  ImageGate(BlobUploads uploads, SessionEvents events) {
    this.uploads = uploads;
    this.events = events;
  }

  /** The picture {@code op} adds, or null for every other op. */
  static ImageRef imageOf(Op op) {
    return op instanceof Op.AddElement add && add.element().hasImage()
        ? add.element().image()
        : null;
  }

  Verdict check(PendingOp pending) {
    String element = pending.op().elementId();
    if (heldElements.contains(element)) {
      return Verdict.HOLD;
    }
    ImageRef image = imageOf(pending.op());
    if (image == null) {
      return Verdict.GO;
    }
    return switch (uploads.prepare(image)) {
      case STORED, NO_BYTES -> Verdict.GO;
      case UPLOADING -> Verdict.WAIT;
      case TOO_BIG -> Verdict.TOO_BIG;
      case UNSUPPORTED -> {
        heldElements.add(element);
        if (!toldUnsupported) {
          toldUnsupported = true;
          log.info("The relay stores no pictures (R114): image adds wait in the journal");
          events.imageNotStored(image.blob(), SessionListener.IMAGES_NOT_SUPPORTED);
        }
        yield Verdict.HOLD;
      }
    };
  }

  /**
   * The relay answered {@code missing_blob} to {@code pending} (R111): true when its picture should
   * be uploaded again and the add resent; false when this machine lacks the bytes or the relay
   * keeps asking (then the op is dropped, as R111 says).
   */
  boolean uploadAgain(PendingOp pending) {
    ImageRef image = imageOf(pending.op());
    int times = missingBlobNacks.merge(pending.id(), 1, Integer::sum);
    if (image == null || times > MAX_MISSING_BLOB_NACKS || !uploads.hasBytes(image)) {
      return false;
    }
    uploads.forget(image.blob());
    return true;
  }

  /** The op left the outbox (acked or dropped). */
  void done(String opId) {
    missingBlobNacks.remove(opId);
  }

  /** The queue is rebuilt (a reconnect, a retry): every held op is looked at again. */
  void reset() {
    heldElements.clear();
  }
}
