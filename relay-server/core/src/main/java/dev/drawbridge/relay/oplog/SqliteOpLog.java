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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link OpLog}: one SQLite file in WAL mode ({@code synchronous=FULL} unless the
 * {@link Durability} says otherwise) for the ops, and {@link SnapshotFiles} beside it for each
 * room's newest snapshot. Blobs (R108) live in the same file, in pieces of one fetch chunk.
 *
 * <p>Every write goes through one {@link SqliteWriter} thread, which commits them in groups. Reads
 * use a second connection, which WAL lets run beside the writer. Snapshots are written by the
 * caller of {@link #saveSnapshot} (the relay's snapshot worker), never by the writer, so a big
 * board's snapshot does not hold up ops.
 */
public final class SqliteOpLog implements OpLog {
  private static final Logger log = LoggerFactory.getLogger(SqliteOpLog.class);
  public static final String FILE_NAME = "drawbridge-relay.db";

  private final ProtocolCodec codec = new ProtocolCodec();
  private final SnapshotFiles snapshotFiles;
  private final SqliteWriter writer;
  private final Connection readConnection;
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
    this.dataDir = dataDir;
    Connection writeConnection;
    try {
      Files.createDirectories(dataDir);
      String url = "jdbc:sqlite:" + dataDir.resolve(FILE_NAME).toAbsolutePath();
      writeConnection = DriverManager.getConnection(url);
      try (Statement s = writeConnection.createStatement()) {
        s.execute("PRAGMA busy_timeout=10000");
        SqliteSchema.prepare(writeConnection, dataDir);
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + durability.sqliteSynchronous());
        checkWritable(s, dataDir);
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
    writer = new SqliteWriter(writeConnection, commitInterval);
  }

  /**
   * Refuses a database this process cannot write. SQLite opens a file it may not write read-only
   * without a word (a backup copied into the data directory as root, a read-only mount), and the
   * relay would then load its boards, ack ops and close every member with 1011 at its first commit,
   * again after each reconnect. A write that changes nothing, rolled back, says so at start.
   * ({@code BEGIN IMMEDIATE} alone succeeds on a read-only database in WAL mode.)
   */
  private static void checkWritable(Statement s, Path dataDir) throws SQLException {
    s.execute("BEGIN IMMEDIATE");
    SQLException refused = null;
    try {
      s.execute("DELETE FROM ops WHERE 0");
    } catch (SQLException e) {
      refused = e;
    }
    try {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      if (refused == null) {
        throw e;
      }
    }
    if (refused != null) {
      throw new UnusableDataException(
          "cannot write the op log "
              + dataDir.resolve(FILE_NAME)
              + " ("
              + refused.getMessage()
              + "): the relay's user must be able to write it, its -wal and -shm files and"
              + " its folder",
          refused);
    }
  }

  /**
   * Through the writer: the base and the deletion it allows commit together (R118), and SQLite has
   * one writer. The base's JSON is encoded here, on the caller's thread (the snapshot worker).
   */
  @Override
  public CompletableFuture<Void> trimHistory(String room, BoardSnapshot base, long floor) {
    return writer.trim(room, base.seq(), codec.encodeSnapshot(base), floor);
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
    return writer.op(room, op, codec.encodeOp(op.op()));
  }

  /** Through the writer like ops, so a claim commits with the ops around it. */
  @Override
  public CompletableFuture<Void> saveClientKeyHash(
      String room, String clientId, ClientKeyHash hash) {
    return writer.clientKey(room, clientId, hash);
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
    return writer.blob(room, blob, mime, bytes);
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

  /** SQLite's synchronous setting on the writer's connection (1 NORMAL, 2 FULL): diagnostics. */
  int synchronousSetting() throws SQLException {
    return writer.synchronousSetting();
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
    writer.close();
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
      } catch (SQLException e) {
        log.warn("closing the op log failed", e);
      }
    }
  }
}
