package dev.drawbridge.relay.oplog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite op log's tables and their version ({@code PRAGMA user_version}). A data directory from
 * before versioning reads as version 0 and is the same schema as version 1; one written by a newer
 * relay is refused before anything is written to it, so an older relay started by mistake (a
 * rollback, an old backup of the binary) cannot mix its writes into a format it does not know.
 */
final class SqliteSchema {
  /**
   * The version this relay writes and reads. Raise it with every change to the tables. 2 added
   * {@code client_keys} (R80); a version 1 directory gets the table and is stamped 2 when it opens,
   * so it is refused by a version 1 relay afterwards (which would not keep the claims). 3 added
   * {@code blobs} and {@code blob_pieces} (R108): an older directory gets them (empty) and is
   * stamped 3, so a relay from before images cannot open it and serve boards whose pictures it
   * would not know. 4 added op times (R116: column {@code t} of {@code ops}, 0 for the ops stored
   * before it) and {@code history_bases} (R118: the snapshot history starts from once retention has
   * deleted older ops); an older directory gets both and is stamped 4, so an older relay, which
   * would rebuild boards from an op log retention may have trimmed, cannot open it.
   */
  static final int VERSION = 4;

  /**
   * Bytes per row of {@code blob_pieces}: one chunk of {@code blob_data} (R112), so a fetch reads
   * one row per chunk and never the whole file. Changing it would need a new version.
   */
  static final int BLOB_PIECE_BYTES = 48 * 1024;

  private SqliteSchema() {}

  /** Creates the tables where missing and stamps the version; refuses a newer data directory. */
  static void prepare(Connection connection, Path dataDir) throws SQLException {
    try (Statement s = connection.createStatement()) {
      int found = version(s);
      if (found > VERSION) {
        throw new UnusableDataException(
            "the op log in "
                + dataDir
                + " was written by a newer relay (format "
                + found
                + "; this relay reads up to "
                + VERSION
                + "): run that relay or a newer one, or restore a backup",
            null);
      }
      s.execute(
          "CREATE TABLE IF NOT EXISTS ops(room TEXT NOT NULL, seq INTEGER NOT NULL, op_id TEXT"
              + " NOT NULL, client_id TEXT NOT NULL, op TEXT NOT NULL, t INTEGER NOT NULL DEFAULT"
              + " 0, PRIMARY KEY(room, seq)) WITHOUT ROWID");
      // Version 4: op times (R116). Older rows keep 0, "no time": nobody knows when they came.
      if (!hasColumn(s, "ops", "t")) {
        s.execute("ALTER TABLE ops ADD COLUMN t INTEGER NOT NULL DEFAULT 0");
      }
      s.execute("CREATE UNIQUE INDEX IF NOT EXISTS ops_by_id ON ops(room, op_id)");
      // Before snapshot files, snapshots lived here; read when a room has no file yet.
      s.execute(
          "CREATE TABLE IF NOT EXISTS snapshots(room TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
              + " body TEXT NOT NULL)");
      // Version 2: the client ids claimed per room, each with its key's SHA-256 (R80).
      s.execute(
          "CREATE TABLE IF NOT EXISTS client_keys(room TEXT NOT NULL, client_id TEXT NOT NULL,"
              + " key_hash BLOB NOT NULL, PRIMARY KEY(room, client_id)) WITHOUT ROWID");
      // Version 3: blobs (R108), in the same file as the ops so one backup holds both. A blob's
      // bytes are rows of BLOB_PIECE_BYTES (a rowid table: big rows do not suit WITHOUT ROWID).
      s.execute(
          "CREATE TABLE IF NOT EXISTS blobs(room TEXT NOT NULL, blob TEXT NOT NULL, mime TEXT NOT"
              + " NULL, size INTEGER NOT NULL, PRIMARY KEY(room, blob)) WITHOUT ROWID");
      s.execute(
          "CREATE TABLE IF NOT EXISTS blob_pieces(room TEXT NOT NULL, blob TEXT NOT NULL, piece"
              + " INTEGER NOT NULL, bytes BLOB NOT NULL, PRIMARY KEY(room, blob, piece))");
      // Version 4: each room's history base (R118), written with the deletion it allows.
      s.execute(
          "CREATE TABLE IF NOT EXISTS history_bases(room TEXT PRIMARY KEY, seq INTEGER NOT NULL,"
              + " body TEXT NOT NULL)");
      if (found < VERSION) {
        s.execute("PRAGMA user_version=" + VERSION);
      }
    }
  }

  private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        if (column.equals(rs.getString("name"))) {
          return true;
        }
      }
      return false;
    }
  }

  static int version(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
