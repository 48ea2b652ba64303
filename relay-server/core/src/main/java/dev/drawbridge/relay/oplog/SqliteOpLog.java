package dev.drawbridge.relay.oplog;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.board.BoardSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link OpLog}: one SQLite file in WAL mode ({@code synchronous=FULL} unless the
 * {@link Durability} says otherwise) for the ops, and {@link SnapshotFiles} beside it for each
 * room's newest snapshot. Blobs (R108) live in the same file, in pieces of one fetch chunk.
 *
 * <p>Group commit: one writer thread takes every queued op (of all rooms), runs them in one
 * transaction and completes their futures in order after the commit. Under load it commits at most
 * once per commit interval, so many ops share one commit and one fsync (the fsync alone cost more
 * than the rest of persisting an op); an op arriving after a quiet spell is committed at once.
 * Reads use a second connection, which WAL lets run beside the writer. Snapshots are written by the
 * caller of {@link #saveSnapshot} (the relay's snapshot worker), never by the writer, so a big
 * board's snapshot does not hold up ops.
 */
public final class SqliteOpLog implements OpLog {
  private static final Logger log = LoggerFactory.getLogger(SqliteOpLog.class);
  private static final int MAX_BATCH = 2_000;
  public static final String FILE_NAME = "drawbridge-relay.db";

  private final ProtocolCodec codec = new ProtocolCodec();
  private final SnapshotFiles snapshotFiles;
  private final Connection writeConnection;
  private final Connection readConnection;
  private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final long commitIntervalNanos;
  private final Path dataDir;
  private volatile boolean closing;
  // Read statements, prepared once (guarded by readConnection): seqOf runs for every new op.
  private final PreparedStatement selectHead;
  private final PreparedStatement selectSeqOfId;
  private final PreparedStatement selectOpsAfter;
  private final PreparedStatement selectOpIds;
  private final PreparedStatement selectLegacySnapshot;
  private final PreparedStatement selectClientKeys;
  private final PreparedStatement selectBlob;
  private final PreparedStatement selectBlobPieces;
  private final PreparedStatement selectBlobBytes;
  private final PreparedStatement selectHistoryBase;
  private final PreparedStatement selectHistoryBaseSeq;
  // History pages (R117) read on a connection of their own, so a page never waits for, nor holds
  // up, the reads of the rooms' ordering path (duplicate lookups, catch-up). Guarded by itself.
  private final Connection historyConnection;
  private final PreparedStatement selectHistory;
  // Prepared once by the writer thread (only it touches it) on its first commit.
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

  /**
   * Ops one trim deletes at most: the writer commits ops of every room, so a first trim of a big
   * old room is spread over later snapshots instead of holding them all up at once.
   */
  static final int MAX_TRIM_OPS = 10_000;

  private static final String SELECT_OPS =
      "SELECT seq, op_id, client_id, op, t FROM ops WHERE room = ? AND seq > ? ORDER BY seq LIMIT ?";

  /**
   * Opens (or creates) the log in {@code dataDir}: durable means on disk ({@link Durability#DISK}),
   * committed as soon as possible.
   */
  public SqliteOpLog(Path dataDir) {
    this(dataDir, Durability.DISK, Duration.ZERO);
  }

  /**
   * Opens (or creates) the log in {@code dataDir} with the given durability, committing at most
   * once per {@code commitInterval} under load.
   */
  public SqliteOpLog(Path dataDir, Durability durability, Duration commitInterval) {
    this.commitIntervalNanos = commitInterval.toNanos();
    this.dataDir = dataDir;
    try {
      Files.createDirectories(dataDir);
      String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
      writeConnection = DriverManager.getConnection(url);
      try (Statement s = writeConnection.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
        SqliteSchema.prepare(writeConnection, dataDir);
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + durability.sqliteSynchronous());
      } catch (SQLException | RuntimeException e) {
        writeConnection.close();
        throw e;
      }
      writeConnection.setAutoCommit(false);
      readConnection = DriverManager.getConnection(url);
      try (Statement s = readConnection.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
      }
      selectHead = readConnection.prepareStatement("SELECT MAX(seq) FROM ops WHERE room = ?");
      selectSeqOfId =
          readConnection.prepareStatement("SELECT seq FROM ops WHERE room = ? AND op_id = ?");
      selectOpsAfter = readConnection.prepareStatement(SELECT_OPS);
      selectHistoryBase =
          readConnection.prepareStatement("SELECT body FROM history_bases WHERE room = ?");
      selectHistoryBaseSeq =
          readConnection.prepareStatement("SELECT seq FROM history_bases WHERE room = ?");
      historyConnection = DriverManager.getConnection(url);
      try (Statement s = historyConnection.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
      }
      selectHistory = historyConnection.prepareStatement(SELECT_OPS);
      // Served from the ops_by_id index alone: no op bodies are read.
      selectOpIds = readConnection.prepareStatement("SELECT op_id FROM ops WHERE room = ?");
      selectLegacySnapshot =
          readConnection.prepareStatement("SELECT body FROM snapshots WHERE room = ?");
      selectClientKeys =
          readConnection.prepareStatement(
              "SELECT client_id, key_hash FROM client_keys WHERE room = ?");
      selectBlob =
          readConnection.prepareStatement(
              "SELECT mime, size FROM blobs WHERE room = ? AND blob = ?");
      selectBlobPieces =
          readConnection.prepareStatement(
              "SELECT piece, bytes FROM blob_pieces WHERE room = ? AND blob = ? AND piece BETWEEN ?"
                  + " AND ? ORDER BY piece");
      selectBlobBytes =
          readConnection.prepareStatement(
              "SELECT COALESCE(SUM(size), 0) FROM blobs WHERE room = ?");
      snapshotFiles = new SnapshotFiles(dataDir);
    } catch (SQLException | java.io.IOException e) {
      throw new OpLogException("cannot open the op log in " + dataDir, e);
    }
    writer = Thread.ofPlatform().name("oplog-writer").daemon(true).start(this::writeLoop);
  }

  /**
   * Through the writer: the base and the deletion it allows commit together (R118), and SQLite has
   * one writer. The base's JSON is encoded here, on the caller's thread (the snapshot worker).
   */
  @Override
  public CompletableFuture<Void> trimHistory(String room, BoardSnapshot base, long floor) {
    return enqueue(
        new TrimWrite(
            room, base.seq(), codec.encodeSnapshot(base), floor, new CompletableFuture<>()));
  }

  @Override
  public boolean trimsHistory() {
    return true;
  }

  @Override
  public Optional<BoardSnapshot> historyBase(String room) {
    synchronized (readConnection) {
      try {
        selectHistoryBase.setString(1, room);
        try (ResultSet r = selectHistoryBase.executeQuery()) {
          return r.next() ? Optional.of(codec.decodeSnapshot(r.getString(1))) : Optional.empty();
        }
      } catch (SQLException | ProtocolException e) {
        throw new OpLogException("cannot read the history base of " + room, e);
      }
    }
  }

  @Override
  public long historyBaseSeq(String room) {
    synchronized (readConnection) {
      try {
        selectHistoryBaseSeq.setString(1, room);
        try (ResultSet r = selectHistoryBaseSeq.executeQuery()) {
          return r.next() ? r.getLong(1) : 0;
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot read the history base of " + room, e);
      }
    }
  }

  @Override
  public List<EncodedOp> readHistory(String room, long afterSeq, int max) {
    synchronized (historyConnection) {
      try {
        selectHistory.setString(1, room);
        selectHistory.setLong(2, afterSeq);
        selectHistory.setInt(3, max);
        List<EncodedOp> ops = new ArrayList<>();
        try (ResultSet r = selectHistory.executeQuery()) {
          while (r.next()) {
            ops.add(
                new EncodedOp(
                    r.getLong(1), r.getString(2), r.getString(3), r.getLong(5), r.getString(4)));
          }
        }
        return ops;
      } catch (SQLException e) {
        throw new OpLogException("cannot read the history of " + room, e);
      }
    }
  }

  @Override
  public CompletableFuture<Void> append(String room, StoredOp op) {
    return enqueue(new OpWrite(room, op, codec.encodeOp(op.op()), new CompletableFuture<>()));
  }

  /** Through the writer like ops, so a claim commits with the ops around it. */
  @Override
  public CompletableFuture<Void> saveClientKeyHash(
      String room, String clientId, ClientKeyHash hash) {
    return enqueue(new KeyWrite(room, clientId, hash, new CompletableFuture<>()));
  }

  @Override
  public Map<String, ClientKeyHash> clientKeyHashes(String room) {
    Map<String, ClientKeyHash> hashes = new HashMap<>();
    synchronized (readConnection) {
      try {
        selectClientKeys.setString(1, room);
        try (ResultSet rs = selectClientKeys.executeQuery()) {
          while (rs.next()) {
            hashes.put(rs.getString(1), new ClientKeyHash(rs.getBytes(2)));
          }
        }
      } catch (SQLException | IllegalArgumentException e) {
        throw new OpLogException("client keys of " + room + " unreadable", e);
      }
    }
    return hashes;
  }

  /**
   * Through the writer like ops, in the same file, so a backup of the database holds the blobs its
   * ops name. A blob rides in the commit of the ops queued with it: their durability waits for its
   * bytes (a few ms per MiB), their acks and broadcasts do not (ADR 0006).
   */
  @Override
  public CompletableFuture<Void> putBlob(String room, String blob, String mime, byte[] bytes) {
    return enqueue(new BlobWrite(room, blob, mime, bytes, new CompletableFuture<>()));
  }

  @Override
  public Optional<StoredBlob> blob(String room, String blob) {
    synchronized (readConnection) {
      try {
        selectBlob.setString(1, room);
        selectBlob.setString(2, blob);
        try (ResultSet r = selectBlob.executeQuery()) {
          return r.next()
              ? Optional.of(new StoredBlob(r.getString(1), r.getLong(2)))
              : Optional.empty();
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot look up blob " + blob, e);
      }
    }
  }

  @Override
  public byte[] readBlob(String room, String blob, long offset, int length) {
    StoredBlob.Range range = StoredBlob.rangeOf(this, room, blob, offset, length);
    long from = range.from();
    int n = range.length();
    byte[] out = new byte[n];
    if (n == 0) {
      return out;
    }
    int piece = SqliteSchema.BLOB_PIECE_BYTES;
    synchronized (readConnection) {
      try {
        selectBlobPieces.setString(1, room);
        selectBlobPieces.setString(2, blob);
        selectBlobPieces.setLong(3, from / piece);
        selectBlobPieces.setLong(4, (from + n - 1) / piece);
        try (ResultSet r = selectBlobPieces.executeQuery()) {
          while (r.next()) {
            long start = r.getLong(1) * piece;
            byte[] bytes = r.getBytes(2);
            long copyFrom = Math.max(from, start);
            long copyTo = Math.min(from + n, start + bytes.length);
            if (copyTo > copyFrom) {
              System.arraycopy(
                  bytes,
                  (int) (copyFrom - start),
                  out,
                  (int) (copyFrom - from),
                  (int) (copyTo - copyFrom));
            }
          }
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot read blob " + blob, e);
      }
    }
    return out;
  }

  @Override
  public long blobBytes(String room) {
    synchronized (readConnection) {
      try {
        selectBlobBytes.setString(1, room);
        try (ResultSet r = selectBlobBytes.executeQuery()) {
          return r.next() ? r.getLong(1) : 0;
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot read the blob bytes of " + room, e);
      }
    }
  }

  /** Encodes and writes the snapshot on the calling thread; done when it is on disk. */
  @Override
  public CompletableFuture<Void> saveSnapshot(String room, BoardSnapshot snapshot) {
    if (closing) {
      return CompletableFuture.failedFuture(new OpLogException("op log is closed", null));
    }
    try {
      snapshotFiles.write(room, codec.encodeSnapshot(snapshot));
      return CompletableFuture.completedFuture(null);
    } catch (java.io.IOException e) {
      return CompletableFuture.failedFuture(new OpLogException("snapshot not written", e));
    }
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
        insertOp =
            writeConnection.prepareStatement(
                "INSERT INTO ops(room, seq, op_id, client_id, op, t) VALUES(?,?,?,?,?,?)");
        insertKey =
            writeConnection.prepareStatement(
                "INSERT OR IGNORE INTO client_keys(room, client_id, key_hash) VALUES(?,?,?)");
        insertBlob =
            writeConnection.prepareStatement(
                "INSERT OR IGNORE INTO blobs(room, blob, mime, size) VALUES(?,?,?,?)");
        insertBlobPiece =
            writeConnection.prepareStatement(
                "INSERT INTO blob_pieces(room, blob, piece, bytes) VALUES(?,?,?,?)");
        upsertBase =
            writeConnection.prepareStatement(
                "INSERT INTO history_bases(room, seq, body) VALUES(?1,?2,?3) ON CONFLICT(room) DO"
                    + " UPDATE SET seq = ?2, body = ?3 WHERE seq < ?2");
        deleteOps =
            writeConnection.prepareStatement(
                "DELETE FROM ops WHERE room = ?1 AND seq < MIN(?2, (SELECT seq FROM history_bases"
                    + " WHERE room = ?1), (SELECT MIN(seq) FROM ops WHERE room = ?1) + ?3)");
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
      writeConnection.commit();
    } catch (SQLException e) {
      log.error("op log commit of {} writes failed", work.size(), e);
      try {
        if (insertOp != null) {
          insertOp.clearBatch();
          insertKey.clearBatch();
          insertBlobPiece.clearBatch();
        }
        writeConnection.rollback();
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
    try (Statement s = writeConnection.createStatement();
        ResultSet r = s.executeQuery("PRAGMA synchronous")) {
      return r.next() ? r.getInt(1) : -1;
    }
  }

  @Override
  public long headSeq(String room) {
    synchronized (readConnection) {
      try {
        PreparedStatement s = selectHead;
        s.setString(1, room);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? r.getLong(1) : 0;
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot read head of " + room, e);
      }
    }
  }

  @Override
  public OptionalLong seqOf(String room, String opId) {
    synchronized (readConnection) {
      try {
        PreparedStatement s = selectSeqOfId;
        s.setString(1, room);
        s.setString(2, opId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot look up op " + opId, e);
      }
    }
  }

  @Override
  public void forEachOpId(String room, Consumer<String> action) {
    synchronized (readConnection) {
      try {
        PreparedStatement s = selectOpIds;
        s.setString(1, room);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            action.accept(r.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot read op ids of " + room, e);
      }
    }
  }

  @Override
  public List<StoredOp> readAfter(String room, long afterSeq, int max) {
    synchronized (readConnection) {
      return readOps(selectOpsAfter, room, afterSeq, max);
    }
  }

  private List<StoredOp> readOps(PreparedStatement s, String room, long afterSeq, int max) {
    try {
      s.setString(1, room);
      s.setLong(2, afterSeq);
      s.setInt(3, max);
      List<StoredOp> ops = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ops.add(
              new StoredOp(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  codec.decodeOp(r.getString(4)),
                  r.getLong(5)));
        }
      }
      return ops;
    } catch (SQLException | ProtocolException | IllegalArgumentException e) {
      throw new OpLogException("cannot read ops of " + room, e);
    }
  }

  /**
   * The room's snapshot file, else (a data directory from before snapshot files) its row in the old
   * table. A snapshot newer than the log's head belongs to another history — the database was
   * restored from a backup while the snapshot files were kept — and is ignored: the log is the
   * truth, and the board is rebuilt from its ops.
   */
  @Override
  public Optional<BoardSnapshot> latestSnapshot(String room) {
    Optional<BoardSnapshot> snapshot = Optional.empty();
    try {
      Optional<String> json = snapshotFiles.read(room);
      if (json.isEmpty()) {
        json = legacySnapshot(room);
      }
      if (json.isPresent()) {
        snapshot = Optional.of(codec.decodeSnapshot(json.get()));
      }
    } catch (java.io.IOException | ProtocolException e) {
      log.atWarn()
          .addKeyValue("room", room)
          .setCause(e)
          .log("snapshot unreadable: the board is rebuilt from the op log");
      return Optional.empty();
    }
    long head = headSeq(room);
    if (snapshot.isPresent() && snapshot.get().seq() > head) {
      log.atWarn()
          .addKeyValue("room", room)
          .addKeyValue("snapshotSeq", snapshot.get().seq())
          .addKeyValue("headSeq", head)
          .log("snapshot is newer than the op log (restored backup?): ignored");
      return Optional.empty();
    }
    return snapshot;
  }

  private Optional<String> legacySnapshot(String room) {
    synchronized (readConnection) {
      try {
        PreparedStatement s = selectLegacySnapshot;
        s.setString(1, room);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new OpLogException("cannot read snapshot of " + room, e);
      }
    }
  }

  /** Where it stores, for the relay's start-up log line. */
  @Override
  public String toString() {
    return dataDir.toString();
  }

  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    queue.add(new Stop(stopped));
    try {
      stopped.get(30, TimeUnit.SECONDS);
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (Exception e) {
      log.warn("op log writer did not stop cleanly", e);
    }
    synchronized (readConnection) {
      try {
        selectHead.close();
        selectSeqOfId.close();
        selectOpsAfter.close();
        selectOpIds.close();
        selectLegacySnapshot.close();
        selectClientKeys.close();
        selectBlob.close();
        selectBlobPieces.close();
        selectBlobBytes.close();
        selectHistoryBase.close();
        selectHistoryBaseSeq.close();
        readConnection.close();
        synchronized (historyConnection) {
          selectHistory.close();
          historyConnection.close();
        }
        if (insertOp != null) {
          insertOp.close();
        }
        writeConnection.close();
      } catch (SQLException e) {
        log.warn("closing the op log failed", e);
      }
    }
  }
}
