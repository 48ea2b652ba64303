package dev.drawbridge.client.history.local;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.message.HistoryOp;
import java.nio.file.Path;
import java.util.List;

/**
 * A local board's history tied to the file the board is kept in: the file holds the history up to
 * its last save, the {@link HistoryLog} beside it the ops since. Opening a file takes the ops of a
 * log that continues it (an app killed between autosaves), so their changes come back to the board
 * too; every save starts the log again after the saved seq. Call from the UI thread.
 */
public final class FileBackedHistory implements AutoCloseable {
  private final LocalHistory history = new LocalHistory();
  private final HistoryOpJson json = new HistoryOpJson(new ProtocolCodec());
  private Path boardFile;
  private HistoryLog log;
  private long savedSeq;
  private String savedId;
  private boolean closed;

  /** The history, served as pages. */
  public LocalHistory history() {
    return history;
  }

  /** Records an op the board confirmed, and logs it when the board is kept in a file. */
  public void record(HistoryOp op) {
    // One lock with the log's restart: the op is in the restarted file or appended after it.
    synchronized (history) {
      if (history.record(op) && log != null) {
        log.append(op);
      }
    }
  }

  /**
   * Takes the history of a board opened from {@code file}: {@code fromFile} (null for a file
   * without one: the history then starts at the file's board) and the ops of the log beside the
   * file that continue it.
   *
   * @return the board to open: the file's, with the logged ops applied
   */
  public BoardSnapshot open(Path file, BoardSnapshot board, LocalHistory.Record fromFile) {
    LocalHistory.Record record =
        fromFile != null ? fromFile : new LocalHistory.Record(board, List.of());
    history.reset(record);
    savedSeq = board.seq();
    savedId = record.headOpId();
    List<HistoryOp> since =
        HistoryLog.read(HistoryLog.beside(file), json).continuing(savedSeq, savedId);
    BoardSnapshot opened = board;
    if (!since.isEmpty()) {
      BoardState state = BoardState.fromSnapshot(board);
      for (HistoryOp op : since) {
        state.apply(op.seq(), op.id(), op.op());
        history.record(op);
      }
      opened = state.snapshot();
    }
    keepIn(file);
    return opened;
  }

  /**
   * Logs beside {@code file} from now on (the board's file was chosen: "Work offline" names one
   * before its first save). The log starts after what the file was last saved with.
   */
  public void keepIn(Path file) {
    if (closed || file.equals(boardFile)) {
      return;
    }
    if (log != null) {
      log.close(false);
    }
    boardFile = file;
    log =
        HistoryLog.start(
            HistoryLog.beside(file), json, history, savedSeq, savedId, opsAfter(savedSeq));
  }

  /**
   * The board at {@code seq} was saved to {@code file}: the log starts again after it. A save to
   * another file (Save As) moves the log there; the old file keeps what it was saved with.
   */
  public void saved(Path file, long seq) {
    savedSeq = seq;
    savedId = history.idAt(seq);
    if (closed) {
      return; // a save reported after the board was closed: the log is already shut
    }
    if (!file.equals(boardFile)) {
      if (log != null) {
        log.close(true);
      }
      boardFile = null;
      log = null;
      keepIn(file);
      return;
    }
    log.restart(seq, savedId, opsAfter(seq));
  }

  private java.util.function.Supplier<List<HistoryOp>> opsAfter(long seq) {
    return () -> history.after(seq);
  }

  /** Waits until every logged op is on disk (tests). */
  void sync() {
    if (log != null) {
      log.sync();
    }
  }

  /** Forces what is logged to disk and stops the log's thread. */
  @Override
  public void close() {
    closed = true;
    if (log != null) {
      // A board left before anything was drawn is never saved: its empty log would stay behind.
      boolean nothingToKeep =
          !java.nio.file.Files.exists(boardFile) && history.after(savedSeq).isEmpty();
      log.close(nothingToKeep);
      log = null;
    }
  }
}
