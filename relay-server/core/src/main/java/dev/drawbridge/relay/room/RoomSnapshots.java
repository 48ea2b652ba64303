package dev.drawbridge.relay.room;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.relay.history.HistoryRetention;
import dev.drawbridge.relay.oplog.OpLog;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's board snapshots (R11, ADR 0004): when one is due, and taking it off the ordering path.
 * The room copies the board's elements under its monitor (linear); sorting, encoding and saving
 * them is left to the snapshot worker once the head's op is durable, so a snapshot never covers an
 * op the log could still lose. At most one is in flight; joiners get one once it is saved.
 *
 * <p>Its state is guarded by the room's monitor ({@code lock}): read and written by transport
 * threads (submit, hello), and written when a save ends, by the snapshot worker ({@code
 * room-snapshots}) or the op log's writer thread. The save itself runs on the worker, unlocked.
 */
final class RoomSnapshots {
  // Its log lines keep the logger name they had before snapshots left Room.
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  /** Snapshots list elements in id order (docs/protocol.md, "Snapshots"). */
  private static final Comparator<Element> BY_ID = Comparator.comparing(Element::id);

  private final String room;
  private final Object lock;
  private final OpLog opLog;
  private final Executor worker;
  private final RoomMetrics metrics;
  private final int every;
  private final HistoryRetention retention;

  /** The newest saved snapshot: what joiners get (R11). */
  private BoardSnapshot latest;

  /** The seq of the newest snapshot handed to the worker, saved or not. */
  private long taken;

  private boolean inFlight;

  /** {@code loaded} is the log's newest snapshot (null for none); {@code lock} the room. */
  RoomSnapshots(
      String room,
      Object lock,
      OpLog opLog,
      Executor worker,
      RoomMetrics metrics,
      int every,
      BoardSnapshot loaded,
      HistoryRetention retention) {
    this.room = room;
    this.lock = lock;
    this.opLog = opLog;
    this.worker = worker;
    this.metrics = metrics;
    this.every = every;
    this.retention = retention;
    this.latest = loaded;
    this.taken = loaded == null ? 0 : loaded.seq();
  }

  /** The newest saved snapshot, or null. */
  BoardSnapshot latest() {
    return latest;
  }

  /**
   * Every {@code snapshotEvery} ops, but on a big board only once a quarter of its element count
   * has passed since the last one: a snapshot costs the whole board, so this keeps its cost per op
   * bounded (about 4 elements encoded per op instead of board size / snapshotEvery) while a late
   * joiner still replays at most a quarter of the board after it (R11).
   */
  boolean due(long head, int boardSize) {
    return !inFlight && head - taken >= Math.max(every, boardSize / 4);
  }

  /**
   * Copies the board's elements at {@code seq}, the head, and saves them once {@code headStored}
   * completes. Done under the monitor, sorting and encoding a board of 45,000 elements took tens of
   * milliseconds and held up every submit and ack behind it (the relay benchmark's p99 spikes).
   */
  void take(long seq, Collection<Element> board, CompletableFuture<Void> headStored) {
    List<Element> elements = new ArrayList<>(board);
    taken = seq;
    inFlight = true;
    headStored.whenComplete(
        (ok, error) -> {
          if (error != null) {
            saved(null, error);
            return;
          }
          try {
            worker.execute(() -> save(seq, elements));
          } catch (RejectedExecutionException e) {
            // The relay is shutting down; the op log holds every op the snapshot would cover.
            saved(null, null);
          }
        });
  }

  private void save(long seq, List<Element> elements) {
    Timer.Sample timing = metrics.startSnapshot();
    BoardSnapshot snapshot;
    CompletableFuture<Void> written;
    try {
      elements.sort(BY_ID);
      snapshot = new BoardSnapshot(seq, elements);
      written = opLog.saveSnapshot(room, snapshot);
    } catch (RuntimeException e) {
      // Never leave the room waiting for a snapshot that will not come: the next one is due later.
      saved(null, e);
      return;
    }
    long previous;
    synchronized (lock) {
      previous = latest == null ? 0 : latest.seq();
    }
    written.whenComplete(
        (ok, error) -> {
          metrics.endSnapshot(timing);
          saved(snapshot, error);
          if (error == null) {
            // Here, on the worker and outside the monitor: it reads and writes the op log.
            retention.snapshotSaved(room, snapshot, previous);
          }
        });
  }

  private void saved(BoardSnapshot snapshot, Throwable error) {
    synchronized (lock) {
      inFlight = false;
      if (error != null) {
        log.atWarn().addKeyValue("room", room).setCause(error).log("snapshot not saved");
      } else if (snapshot != null && (latest == null || snapshot.seq() > latest.seq())) {
        latest = snapshot;
      }
    }
  }
}
