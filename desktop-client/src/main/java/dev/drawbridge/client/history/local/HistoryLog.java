package dev.drawbridge.client.history.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drawbridge.protocol.message.HistoryOp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops of a local board that its file does not hold yet, in a hidden file beside it ({@code
 * .name.drawbridge.history}): a first line {@code {"after":S,"afterId":…}} naming the last op the
 * file held when the log was started (seq S and its id), then one stored op per line ({@link
 * HistoryOpJson}). Lines are appended on a background thread and group-committed with one fsync (as
 * the offline journal does), so a killed app loses at most the ops whose line was not yet forced; a
 * torn last line is skipped on reading. Every save of the file starts the log again after the saved
 * seq, so it stays as small as the changes since the last autosave.
 */
public final class HistoryLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HistoryLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A log larger than this is not read (a file's history is bounded the same way). */
  static final long MAX_READ_BYTES = 256L * 1024 * 1024;

  /** What a log held: the seq and op id it follows, and its ops in order. */
  public record Contents(long after, String afterId, List<HistoryOp> ops) {
    /**
     * The ops that continue a file whose board is at {@code seq} with op {@code opId} there (null:
     * unknown), or an empty list when this log is not that file's: it must know that op, and its
     * ops must follow on without a gap.
     */
    public List<HistoryOp> continuing(long seq, String opId) {
      boolean anchored = after == seq && Objects.equals(afterId, opId);
      List<HistoryOp> next = new ArrayList<>();
      for (HistoryOp op : ops) {
        if (op.seq() == seq && opId != null && opId.equals(op.id())) {
          anchored = true;
        } else if (op.seq() > seq && anchored) {
          if (op.seq() != seq + next.size() + 1) {
            break;
          }
          next.add(op);
        }
      }
      return anchored ? next : List.of();
    }
  }

  private final Path file;
  private final HistoryOpJson json;
  private final Object lock;
  private final ExecutorService io;
  private final ConcurrentLinkedQueue<HistoryOp> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private FileChannel channel; // on the io thread only

  private HistoryLog(Path file, HistoryOpJson json, Object lock) {
    this.file = file;
    this.json = json;
    this.lock = lock;
    this.io =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "drawbridge-history-log");
              t.setDaemon(true);
              return t;
            });
  }

  /** The log beside {@code boardFile}. */
  public static Path beside(Path boardFile) {
    Path name = boardFile.getFileName();
    return boardFile.resolveSibling("." + name + ".history");
  }

  /** What {@code file} holds (nothing when it does not exist or has no header). */
  public static Contents read(Path file, HistoryOpJson json) {
    List<HistoryOp> ops = new ArrayList<>();
    long after = -1;
    String afterId = null;
    try {
      if (!Files.exists(file) || Files.size(file) > MAX_READ_BYTES) {
        // None, or not one this app wrote: it holds the few minutes between autosaves.
        return new Contents(-1, null, List.of());
      }
      int lineNo = 0;
      for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          if (lineNo == 1) {
            JsonNode header = JSON.readTree(line);
            after = header.path("after").asLong(-1);
            afterId = header.path("afterId").asText(null);
          } else {
            ops.add(json.decode(line));
          }
        } catch (IOException | IllegalArgumentException e) {
          // Only the line being written when the app died can be broken; what follows it cannot
          // continue the history without a gap, so reading stops here.
          log.warn("History log {} line {} unreadable: {}", file, lineNo, e.getMessage());
          break;
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      log.warn("Could not read history log {}", file, e);
    }
    return new Contents(after, afterId, ops);
  }

  /**
   * Starts the log at {@code file} afresh: after the op {@code afterId} at {@code after} (what the
   * board's file holds), with the ops {@code since} gives (recorded since, not in the file yet).
   *
   * @param lock held while {@code since} is read and while the caller records an op and appends it,
   *     so an op is either in the fresh file or appended after it, never lost or written twice
   */
  public static HistoryLog start(
      Path file,
      HistoryOpJson json,
      Object lock,
      long after,
      String afterId,
      Supplier<List<HistoryOp>> since) {
    HistoryLog l = new HistoryLog(file, json, lock);
    l.restart(after, afterId, since);
    return l;
  }

  /** Queues {@code op} for an append; lines are forced to disk in groups. Call holding the lock. */
  public void append(HistoryOp op) {
    queue.add(op);
    if (flushQueued.compareAndSet(false, true)) {
      submit(this::flush);
    }
  }

  /**
   * Starts the file again after {@code after} (the file was saved up to it) with the ops {@code
   * since} gives (those recorded after it), read on the log's thread under the lock: appends queued
   * before are in them, appends queued after follow them.
   */
  public void restart(long after, String afterId, Supplier<List<HistoryOp>> since) {
    submit(
        () -> {
          List<HistoryOp> ops;
          synchronized (lock) {
            ops = since.get();
            queue.clear();
          }
          try {
            closeChannel();
            StringBuilder text = new StringBuilder();
            text.append("{\"after\":").append(after);
            if (afterId != null) {
              text.append(",\"afterId\":").append(JSON.writeValueAsString(afterId));
            }
            text.append("}\n");
            ops.forEach(op -> text.append(json.encode(op)).append('\n'));
            writeAtomically(text.toString().getBytes(StandardCharsets.UTF_8));
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
          } catch (IOException e) {
            log.warn("Could not start the history log {}", file, e);
          }
        });
  }

  private void flush() {
    flushQueued.set(false);
    StringBuilder lines = new StringBuilder();
    for (HistoryOp op; (op = queue.poll()) != null; ) {
      lines.append(json.encode(op)).append('\n');
    }
    if (lines.isEmpty() || channel == null) {
      return;
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      // The board itself is kept by its file; only history since the last save is at risk.
      log.warn("Could not append to the history log {}", file, e);
    }
  }

  private void writeAtomically(byte[] bytes) throws IOException {
    // "Work offline" names its file before the first save has made the folder.
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    // Owner-only, like the board file it sits beside (a temporary file, then moved over it): what
    // was drawn is no more readable by others here than in the board (found by hand: 0644).
    try (FileChannel out =
        FileChannel.open(
            tmp,
            Set.of(
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            ownerOnly())) {
      out.write(ByteBuffer.wrap(bytes));
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static FileAttribute<?>[] ownerOnly() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private void submit(Runnable task) {
    try {
      io.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("History log {} closed; dropped a write", file);
    }
  }

  private void closeChannel() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  /** Writes what is queued, forces it and stops; {@code delete} removes the file afterwards. */
  public void close(boolean delete) {
    submit(
        () -> {
          flush();
          try {
            closeChannel();
            if (delete) {
              Files.deleteIfExists(file);
            }
          } catch (IOException e) {
            log.warn("Could not close the history log {}", file, e);
          }
        });
    io.shutdown();
    try {
      if (!io.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("The history log {} did not finish within 10 s", file);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(false);
  }

  /** Waits until everything queued so far is on disk (tests, and before a save is reported). */
  public void sync() {
    try {
      io.submit(this::flush).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("History log {} did not sync", file, e);
    }
  }
}
