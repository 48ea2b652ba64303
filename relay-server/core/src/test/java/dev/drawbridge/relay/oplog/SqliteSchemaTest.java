package dev.drawbridge.relay.oplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The op log's format version: stamped on new and old data directories, newer ones refused. */
class SqliteSchemaTest {
  @TempDir Path dir;

  @Test
  void aNewDataDirectoryIsStampedWithTheCurrentVersion() throws Exception {
    new SqliteOpLog(dir).close();
    assertThat(pragma("user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
  }

  @Test
  void aDataDirectoryFromBeforeVersioningKeepsItsOpsAndIsStamped() throws Exception {
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      log.append("r", OpLogContract.op(1, "a")).join();
    }
    sql("PRAGMA user_version=0"); // as every release before the version existed left it
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      assertThat(log.readAfter("r", 0, 10)).containsExactly(OpLogContract.op(1, "a"));
    }
    assertThat(pragma("user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
  }

  /** Version 1 (before client keys were kept): gets the table, keeps its ops, is stamped 2. */
  @Test
  void aVersion1DataDirectoryGetsTheClientKeysTable() throws Exception {
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      log.append("r", OpLogContract.op(1, "a")).join();
    }
    sql("DROP TABLE client_keys");
    sql("PRAGMA user_version=1");
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      assertThat(log.readAfter("r", 0, 10)).containsExactly(OpLogContract.op(1, "a"));
      log.saveClientKeyHash("r", "c", ClientKeyHash.of("k")).join();
      assertThat(log.clientKeyHashes("r")).containsOnlyKeys("c");
    }
    assertThat(pragma("user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
  }

  /** Version 2 (before blobs): gets the blob tables, keeps its ops and claims, is stamped 3. */
  @Test
  void aVersion2DataDirectoryGetsTheBlobTables() throws Exception {
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      log.append("r", OpLogContract.op(1, "a")).join();
      log.saveClientKeyHash("r", "c", ClientKeyHash.of("k")).join();
    }
    sql("DROP TABLE blob_pieces");
    sql("DROP TABLE blobs");
    sql("PRAGMA user_version=2");
    byte[] bytes = {9, 8, 7};
    String id = dev.drawbridge.protocol.blob.BlobIds.of(bytes);
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      assertThat(log.readAfter("r", 0, 10)).containsExactly(OpLogContract.op(1, "a"));
      assertThat(log.clientKeyHashes("r")).containsOnlyKeys("c");
      assertThat(log.blobBytes("r")).isZero();
      log.putBlob("r", id, "image/bmp", bytes).join();
    }
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      assertThat(log.readBlob("r", id, 0, 10)).isEqualTo(bytes);
    }
    assertThat(pragma("user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
  }

  /**
   * Version 3 (before op times, R116): the ops table as version 3 made it, by hand. Its ops stay
   * and read back with no time; new ops keep theirs; it gets the history bases and is stamped 4.
   */
  @Test
  void aVersion3DataDirectoryKeepsItsOpsWithNoTime() throws Exception {
    StoredOp old = OpLogContract.op(1, "a");
    sql(
        "CREATE TABLE ops(room TEXT NOT NULL, seq INTEGER NOT NULL, op_id TEXT NOT NULL,"
            + " client_id TEXT NOT NULL, op TEXT NOT NULL, PRIMARY KEY(room, seq)) WITHOUT ROWID");
    sql("CREATE UNIQUE INDEX ops_by_id ON ops(room, op_id)");
    sql(
        "INSERT INTO ops VALUES('r', 1, 'a', 'client-1', '"
            + new dev.drawbridge.protocol.ProtocolCodec().encodeOp(old.op())
            + "')");
    sql("PRAGMA user_version=3");
    StoredOp timed = OpLogContract.timedOp(2, "b", 1_764_000_000_000L);
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      assertThat(log.readAfter("r", 0, 10)).containsExactly(old);
      log.append("r", timed).join();
      assertThat(log.historyBase("r")).isEmpty();
    }
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      assertThat(log.readAfter("r", 0, 10)).containsExactly(old, timed);
      assertThat(log.readHistory("r", 0, 10))
          .extracting(EncodedOp::t)
          .containsExactly(0L, 1_764_000_000_000L);
    }
    assertThat(pragma("user_version")).isEqualTo("4");
  }

  @Test
  void aDataDirectoryFromANewerRelayIsRefusedAndLeftAsItWas() throws Exception {
    try (SqliteOpLog log = new SqliteOpLog(dir)) {
      log.append("r", OpLogContract.op(1, "a")).join();
    }
    sql("PRAGMA journal_mode=DELETE");
    sql("PRAGMA user_version=" + (SqliteSchema.VERSION + 1));
    assertThatThrownBy(() -> new SqliteOpLog(dir))
        .isInstanceOf(OpLogException.class)
        .hasMessageContaining("written by a newer relay")
        .hasMessageContaining(dir.toString());
    assertThat(pragma("user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION + 1));
    assertThat(pragma("journal_mode")).isEqualTo("delete");
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve(SqliteOpLog.FILE_NAME).toAbsolutePath());
  }

  private void sql(String statement) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private String pragma(String name) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
