package dev.drawbridge.client.io;

import dev.drawbridge.protocol.board.BoardSnapshot;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes board files on one background thread, so a large board's autosave never stalls the UI: the
 * caller takes the snapshot (cheap) and the JSON and disk work happen here. Writes run in the order
 * they were asked for. An autosave that has not started yet is replaced by a newer one (it would be
 * overwritten anyway); {@link #save} and {@link #close} wait for what is queued, so nothing is lost
 * when the board is saved explicitly or closed.
 */
public final class BoardFileWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BoardFileWriter.class);

  /** Writes one snapshot to one file ({@code new BoardFile()::save} outside tests). */
  @FunctionalInterface
  public interface Target {
    void save(Path file, BoardSnapshot snapshot) throws BoardFileException;
  }

  /** An autosave waiting for the thread; {@code done} hears null or the failure. */
  private record Queued(Path file, BoardSnapshot snapshot, Consumer<BoardFileException> done) {}

  private final Target target;
  private final ExecutorService thread;
  private final AtomicReference<Queued> queued = new AtomicReference<>();

  public BoardFileWriter() {
    this(new BoardFile()::save);
  }

  /**
   * Writes boards with the bytes {@code pictures} has of their pictures. It is called on the
   * writer's thread, so it must be thread-safe (the app's blob store is).
   */
  public BoardFileWriter(PictureSource pictures) {
    this(pictures, seq -> null);
  }

  /**
   * Writes boards with their pictures and with the history {@code history} gives up to the board's
   * seq (null: none). Both are called on the writer's thread, so they must be thread-safe (the
   * app's blob store and {@code LocalHistory} are); the history is cut at the snapshot's seq, so
   * ops made after the snapshot was taken are not written with it.
   */
  public BoardFileWriter(
      PictureSource pictures,
      java.util.function.LongFunction<dev.drawbridge.client.history.local.LocalHistory.Record>
          history) {
    this(
        (file, snapshot) ->
            new BoardFile().save(file, snapshot, history.apply(snapshot.seq()), pictures));
  }

  public BoardFileWriter(Target target) {
    this.target = target;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              // A daemon: the window's close flushes through close(); an abrupt exit leaves the
              // previous file whole (BoardFile writes a temporary file, then moves it).
              Thread t = new Thread(r, "drawbridge-board-writer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Queues an autosave and returns at once. {@code done} runs on the writer's thread with null once
   * the file is written, or with the failure; a save replaced before it started hears nothing.
   */
  public void saveLater(Path file, BoardSnapshot snapshot, Consumer<BoardFileException> done) {
    if (queued.getAndSet(new Queued(file, snapshot, done)) != null) {
      return; // the task already submitted will write this newer one
    }
    try {
      thread.execute(this::writeQueued);
    } catch (RejectedExecutionException e) {
      // Closed: write here rather than lose it.
      writeQueued();
    }
  }

  /** Writes {@code snapshot} after anything queued and returns once it is on disk. */
  public void save(Path file, BoardSnapshot snapshot) throws BoardFileException {
    Future<?> written;
    try {
      written =
          thread.submit(
              () -> {
                writeQueued();
                target.save(file, snapshot);
                return null;
              });
    } catch (RejectedExecutionException e) {
      target.save(file, snapshot);
      return;
    }
    try {
      written.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BoardFileException failure) {
        throw failure;
      }
      throw new IllegalStateException("Writing " + file + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BoardFileException(BoardFileException.Reason.IO, "interrupted", e);
    }
  }

  /** Writes what is queued, then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("The board writer did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeQueued() {
    Queued q = queued.getAndSet(null);
    if (q == null) {
      return;
    }
    BoardFileException failure = null;
    try {
      target.save(q.file(), q.snapshot());
    } catch (BoardFileException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
    try {
      q.done().accept(failure);
    } catch (RuntimeException e) {
      log.warn("Reporting the autosave of {} failed", q.file(), e);
    }
  }
}
