package dev.drawbridge.relay.blob;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.OpLogException;
import dev.drawbridge.relay.oplog.StoredBlob;
import java.util.ArrayDeque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's fetches (R112): at most {@value #MAX_FETCHES} unanswered, answered one after
 * another in the order asked, each as {@code blob_data} chunks from offset 0 or one {@code
 * blob_refused}. The chunks are read and sent on the {@link BlobSender} thread, paced against the
 * connection's send queue. {@link #request} is called by the connection's session; the rest runs on
 * the sender thread.
 */
public final class BlobFetches {
  private static final Logger log = LoggerFactory.getLogger(BlobFetches.class);

  /** Unanswered fetches a connection may have; the next is refused with {@code busy} (R112). */
  public static final int MAX_FETCHES = 4;

  /** When a refused fetch may be asked again: about the time one fetch takes on a fair link. */
  public static final long BUSY_RETRY_MS = 500;

  /** What became of a {@code blob_get}. */
  public enum Answer {
    QUEUED,
    /** The blob is being sent to the connection already (or waits to be): nothing to do. */
    IGNORED,
    /** {@value #MAX_FETCHES} fetches are unanswered: the caller refuses it with {@code busy}. */
    BUSY
  }

  private final BlobSender sender;
  private final OpLog opLog;
  private final String room;
  private final FetchSink sink;

  /** The blobs asked for and not yet answered, the one being sent first. Guarded by this. */
  private final ArrayDeque<String> asked = new ArrayDeque<>();

  // The sender thread's: the blob being sent and the offset of its next chunk.
  private StoredBlob sending;
  private long offset;
  private long pause = BlobSender.PAUSE_MILLIS;

  public BlobFetches(BlobSender sender, OpLog opLog, String room, FetchSink sink) {
    this.sender = sender;
    this.opLog = opLog;
    this.room = room;
    this.sink = sink;
  }

  public synchronized Answer request(String blob) {
    if (asked.contains(blob)) {
      return Answer.IGNORED;
    }
    if (asked.size() >= MAX_FETCHES) {
      return Answer.BUSY;
    }
    asked.addLast(blob);
    if (asked.size() == 1) {
      sender.execute(this::step);
    }
    return Answer.QUEUED;
  }

  /** Sends what the connection's queue has room for of the first fetch, then comes back later. */
  private void step() {
    String blob;
    synchronized (this) {
      blob = asked.peekFirst();
      if (blob != null && !sink.isOpen()) {
        asked.clear();
        blob = null;
      }
    }
    if (blob == null) {
      return;
    }
    try {
      if (sending == null) {
        Optional<StoredBlob> found = opLog.blob(room, blob);
        if (found.isEmpty()) {
          answered(new ServerMessage.BlobRefused(blob, "not_found", 0));
          return;
        }
        sending = found.get();
        offset = 0;
      }
      boolean sent = false;
      while (offset < sending.size() && sink.pendingBytes() < BlobSender.LOW_WATER) {
        byte[] data = opLog.readBlob(room, blob, offset, ProtocolLimits.MAX_BLOB_CHUNK_BYTES);
        if (data.length == 0) {
          throw new OpLogException("blob " + blob + " is shorter than its size", null);
        }
        sink.send(new ServerMessage.BlobData(blob, sending.mime(), sending.size(), offset, data));
        offset += data.length;
        sent = true;
      }
      pause = sent ? BlobSender.PAUSE_MILLIS : Math.min(2 * pause, BlobSender.MAX_PAUSE_MILLIS);
    } catch (RuntimeException e) {
      log.atWarn()
          .addKeyValue("room", room)
          .addKeyValue("blob", blob)
          .setCause(e)
          .log("blob read failed");
      answered(new ServerMessage.BlobRefused(blob, "busy", BUSY_RETRY_MS));
      return;
    }
    if (offset >= sending.size()) {
      answered(null);
    } else {
      sender.later(this::step, pause);
    }
  }

  /** The first fetch is answered (with {@code last} if not null): on to the next one. */
  private void answered(ServerMessage last) {
    if (last != null) {
      sink.send(last);
    }
    sending = null;
    boolean more;
    synchronized (this) {
      asked.pollFirst();
      more = !asked.isEmpty();
    }
    if (more) {
      sender.execute(this::step);
    }
  }
}
