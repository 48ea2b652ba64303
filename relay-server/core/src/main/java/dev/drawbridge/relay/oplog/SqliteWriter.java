package dev.drawbridge.relay.oplog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes {@link SqliteOpLog}'s file (SQLite has one writer): ops, client keys,
 * blobs and history trims are queued and committed together, in order, and each future completes
 * after the commit that holds its write.
 *
 * <p>Group commit: the writer takes every queued write (of all rooms) into one transaction. Under
 * load it commits at most once per commit interval, so many ops share one commit and one fsync (the
 * fsync alone cost more than the rest of persisting an op); a write arriving after a quiet spell is
 * committed at once.
 */
final class SqliteWriter {
  private static final Logger log = LoggerFactory.getLogger(SqliteWriter.class);
  private static final int MAX_BATCH = 2_000;

  /**
   * Ops one trim deletes at most: the writer commits ops of every room, so a first trim of a big
   * old room is spread over later snapshots instead of holding them all up at once.
   */
  static final int MAX_TRIM_OPS = 10_000;

  private final Connection connection;
  private final long commitIntervalNanos;
  private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;
  // Prepared by the writer thread (only it touches them) on its first commit.
  private PreparedStatement insertOp;
  private PreparedStatement insertKey;
  private PreparedStatement insertBlob;
  private PreparedStatement insertBlobPiece;
  private PreparedStatement upsertBase;
  private PreparedStatement deleteOps;

  private sealed interface Write {
    CompletableFuture<Void> done();
  }

  private record OpWrite(String room, StoredOp op, String json, CompletableFuture<Void> done)
      implements Write {}

  private record KeyWrite(
      String room, String clientId, ClientKeyHash hash, CompletableFuture<Void> done)
      implements Write {}

  private record BlobWrite(
      String room, String blob, String mime, byte[] bytes, CompletableFuture<Void> done)
      implements Write {}

  private record TrimWrite(
      String room, long baseSeq, String baseJson, long floor, CompletableFuture<Void> done)
      implements Write {}

  private record Stop(CompletableFuture<Void> done) implements Write {}

  /** Starts the writer on {@code connection} (auto-commit off), which it owns from now on. */
  SqliteWriter(Connection connection, Duration commitInterval) {
    this.connection = connection;
    this.commitIntervalNanos = commitInterval.toNanos();
    thread = Thread.ofPlatform().name("oplog-writer").daemon(true).start(this::writeLoop);
  }

  /** {@code op} of {@code room}, its body already encoded as {@code json}. */
  CompletableFuture<Void> op(String room, StoredOp op, String json) {
    return enqueue(new OpWrite(room, op, json, new CompletableFuture<>()));
  }

  /** A client's key hash (a claim commits with the ops around it). */
  CompletableFuture<Void> clientKey(String room, String clientId, ClientKeyHash hash) {
    return enqueue(new KeyWrite(room, clientId, hash, new CompletableFuture<>()));
  }

  /** A blob in pieces of one fetch chunk; nothing when the room has it already. */
  CompletableFuture<Void> blob(String room, String blob, String mime, byte[] bytes) {
    return enqueue(new BlobWrite(room, blob, mime, bytes, new CompletableFuture<>()));
  }

  /** A newer history base and the deletion of ops below {@code floor} it allows (R118). */
  CompletableFuture<Void> trim(String room, long baseSeq, String baseJson, long floor) {
    return enqueue(new TrimWrite(room, baseSeq, baseJson, floor, new CompletableFuture<>()));
  }

  private CompletableFuture<Void> enqueue(Write write) {
    if (closing) {
      return CompletableFuture.failedFuture(new OpLogException("op log is closed", null));
    }
    queue.add(write);
    return write.done();
  }

  private void writeLoop() {
    List<Write> batch = new ArrayList<>();
    long lastCommit = System.nanoTime() - commitIntervalNanos;
    while (true) {
      batch.clear();
      try {
        batch.add(queue.take());
        long wait = lastCommit + commitIntervalNanos - System.nanoTime();
        if (wait > 0) {
          // Ops keep arriving (and are acked and broadcast) meanwhile; they join this commit.
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        lastCommit = System.nanoTime();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = false;
      List<Write> work = new ArrayList<>(batch.size());
      for (Write w : batch) {
        if (w instanceof Stop) {
          stop = true;
        } else {
          work.add(w);
        }
      }
      commit(work);
      if (stop) {
        // Anything queued behind the stop marker raced close(): refuse it rather than lose it.
        List<Write> late = new ArrayList<>();
        queue.drainTo(late);
        commit(late.stream().filter(w -> !(w instanceof Stop)).toList());
        batch.forEach(w -> w.done().complete(null));
        late.forEach(w -> w.done().complete(null));
        return;
      }
    }
  }

  private void commit(List<Write> work) {
    if (work.isEmpty()) {
      return;
    }
    try {
      if (insertOp == null) {
        prepare();
      }
      for (Write w : work) {
        switch (w) {
          case OpWrite o -> {
            insertOp.setString(1, o.room());
            insertOp.setLong(2, o.op().seq());
            insertOp.setString(3, o.op().id());
            insertOp.setString(4, o.op().clientId());
            insertOp.setString(5, o.json());
            insertOp.setLong(6, o.op().t());
            insertOp.addBatch();
          }
          case KeyWrite k -> {
            insertKey.setString(1, k.room());
            insertKey.setString(2, k.clientId());
            insertKey.setBytes(3, k.hash().bytes());
            insertKey.addBatch();
          }
          case BlobWrite b -> insertBlob(b);
          case TrimWrite t -> trim(t);
          case Stop stop -> {}
        }
      }
      insertOp.executeBatch();
      insertKey.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      log.error("op log commit of {} writes failed", work.size(), e);
      try {
        if (insertOp != null) {
          insertOp.clearBatch();
          insertKey.clearBatch();
          insertBlobPiece.clearBatch();
        }
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      OpLogException failure = new OpLogException("commit failed", e);
      work.forEach(w -> w.done().completeExceptionally(failure));
      return;
    }
    for (Write w : work) {
      w.done().complete(null);
    }
  }

  private void prepare() throws SQLException {
    insertOp =
        connection.prepareStatement(
            "INSERT INTO ops(room, seq, op_id, client_id, op, t) VALUES(?,?,?,?,?,?)");
    insertKey =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO client_keys(room, client_id, key_hash) VALUES(?,?,?)");
    insertBlob =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO blobs(room, blob, mime, size) VALUES(?,?,?,?)");
    insertBlobPiece =
        connection.prepareStatement(
            "INSERT INTO blob_pieces(room, blob, piece, bytes) VALUES(?,?,?,?)");
    upsertBase =
        connection.prepareStatement(
            "INSERT INTO history_bases(room, seq, body) VALUES(?1,?2,?3) ON CONFLICT(room) DO"
                + " UPDATE SET seq = ?2, body = ?3 WHERE seq < ?2");
    deleteOps =
        connection.prepareStatement(
            "DELETE FROM ops WHERE room = ?1 AND seq < MIN(?2, (SELECT seq FROM history_bases"
                + " WHERE room = ?1), (SELECT MIN(seq) FROM ops WHERE room = ?1) + ?3)");
  }

  /**
   * Keeps the base (a newer one only) and deletes ops below the floor, never at or above the kept
   * base's seq: the ops of the batch are inserted first, so the deletion sees them.
   */
  private void trim(TrimWrite t) throws SQLException {
    insertOp.executeBatch();
    upsertBase.setString(1, t.room());
    upsertBase.setLong(2, t.baseSeq());
    upsertBase.setString(3, t.baseJson());
    upsertBase.executeUpdate();
    deleteOps.setString(1, t.room());
    deleteOps.setLong(2, t.floor());
    deleteOps.setLong(3, MAX_TRIM_OPS);
    deleteOps.executeUpdate();
  }

  /** The blob's row and, if it is new to the room, its pieces (a second upload stores nothing). */
  private void insertBlob(BlobWrite b) throws SQLException {
    insertBlob.setString(1, b.room());
    insertBlob.setString(2, b.blob());
    insertBlob.setString(3, b.mime());
    insertBlob.setLong(4, b.bytes().length);
    if (insertBlob.executeUpdate() == 0) {
      return;
    }
    int piece = SqliteSchema.BLOB_PIECE_BYTES;
    for (int at = 0, n = 0; at < b.bytes().length; at += piece, n++) {
      insertBlobPiece.setString(1, b.room());
      insertBlobPiece.setString(2, b.blob());
      insertBlobPiece.setInt(3, n);
      insertBlobPiece.setBytes(
          4, Arrays.copyOfRange(b.bytes(), at, Math.min(b.bytes().length, at + piece)));
      insertBlobPiece.addBatch();
    }
    insertBlobPiece.executeBatch();
  }

  /** SQLite's synchronous setting on the writer's connection (1 NORMAL, 2 FULL): diagnostics. */
  int synchronousSetting() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA synchronous")) {
      return r.next() ? r.getInt(1) : -1;
    }
  }

  /**
   * Commits what is queued, refuses what comes after, stops the thread and closes the connection.
   */
  void close() {
    closing = true;
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    queue.add(new Stop(stopped));
    try {
      stopped.get(30, TimeUnit.SECONDS);
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (Exception e) {
      log.warn("op log writer did not stop cleanly", e);
    }
    try {
      if (insertOp != null) {
        insertOp.close();
      }
      connection.close();
    } catch (SQLException e) {
      log.warn("closing the op log's writer failed", e);
    }
  }
}
