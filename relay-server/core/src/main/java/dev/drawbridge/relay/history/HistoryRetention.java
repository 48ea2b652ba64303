package dev.drawbridge.relay.history;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.relay.oplog.OpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link HistoryKeep} after each snapshot a room stores (R118): that snapshot becomes the
 * history base and the ops below the floor go, in one write of the op log. Runs on the snapshot
 * worker, never on a room's ordering path.
 *
 * <p>Catch-up is left as it was: joiners start at the newest snapshot or above (R11), and ops are
 * deleted only below the snapshot stored before this one, so a catch-up planned from it while this
 * one was being saved still finds every op it reads.
 */
public final class HistoryRetention {
  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  /** Trims wait until this many ops can go: each trim rewrites the base (the whole board). */
  static final long MIN_TRIM_OPS = 1_000;

  private final OpLog opLog;
  private final HistoryKeep keep;
  private final LongSupplier clock;

  public HistoryRetention(OpLog opLog, HistoryKeep keep, LongSupplier clock) {
    this.opLog = opLog;
    this.keep = keep;
    this.clock = clock;
  }

  /** Whether it ever deletes anything. */
  public boolean active() {
    return !keep.keepsAll() && opLog.trimsHistory();
  }

  /**
   * {@code saved} is stored; {@code previousSeq} is the seq of the room's snapshot before it (0 for
   * none), from which catch-ups may still be reading.
   */
  public void snapshotSaved(String room, BoardSnapshot saved, long previousSeq) {
    if (!active() || previousSeq == 0) {
      return;
    }
    try {
      long floor =
          Math.min(keep.floor(opLog, room, saved.seq(), clock.getAsLong()), previousSeq + 1);
      List<StoredOp> first = opLog.readAfter(room, 0, 1);
      if (first.isEmpty() || floor - first.getFirst().seq() < MIN_TRIM_OPS) {
        return;
      }
      opLog
          .trimHistory(room, saved, floor)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  log.atWarn().addKeyValue("room", room).setCause(error).log("history not trimmed");
                } else {
                  log.atDebug()
                      .addKeyValue("room", room)
                      .addKeyValue("base", saved.seq())
                      .addKeyValue("floor", floor)
                      .log("history trimmed");
                }
              });
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("room", room).setCause(e).log("history not trimmed");
    }
  }
}
