package dev.drawbridge.relay.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOpLogTest extends OpLogContract {
  @TempDir Path dir;

  @Override
  protected OpLog create() {
    return new SqliteOpLog(dir);
  }

  @Test
  void reopeningTheFileKeepsEverything() throws Exception {
    for (int i = 1; i <= 3; i++) {
      await(log.append("keep", op(i, "k" + i)));
    }
    log.close();
    log = new SqliteOpLog(dir);
    assertThat(log.headSeq("keep")).isEqualTo(3);
    assertThat(log.readAfter("keep", 0, 10)).containsExactly(op(1, "k1"), op(2, "k2"), op(3, "k3"));
  }

  @Test
  void clientKeyClaimsSurviveARestart() throws Exception {
    ClientKeyHash hash = ClientKeyHash.of("key");
    await(log.saveClientKeyHash("keep", "client-ana", hash));
    log.close();
    log = new SqliteOpLog(dir);
    assertThat(log.clientKeyHashes("keep")).containsEntry("client-ana", hash);
  }

  /** R108: blobs live in the database file, so they survive a restart and go with its backup. */
  @Test
  void blobsSurviveARestartInTheDatabaseFile() throws Exception {
    byte[] bytes = new byte[100_000];
    new java.util.Random(3).nextBytes(bytes);
    String id = dev.drawbridge.protocol.blob.BlobIds.of(bytes);
    await(log.putBlob("keep", id, "image/jpeg", bytes));
    log.close();
    log = new SqliteOpLog(dir);
    assertThat(log.blob("keep", id)).contains(new StoredBlob("image/jpeg", bytes.length));
    assertThat(log.readBlob("keep", id, 0, bytes.length)).isEqualTo(bytes);
    assertThat(log.blobBytes("keep")).isEqualTo(bytes.length);
  }

  private static BoardSnapshot boardAt(long seq) {
    return new BoardSnapshot(
        seq,
        List.of(
            Element.freehand(
                "e" + seq, ElementKind.STROKE, 0, 0, Points.of(1, 2), Style.DEFAULT, 1)));
  }

  @Test
  void snapshotsAreFilesBesideTheDatabaseAndSurviveARestart() throws Exception {
    await(log.append("board", op(1, "a")));
    await(log.append("board", op(2, "b")));
    await(log.saveSnapshot("board", boardAt(2)));
    assertThat(dir.resolve("snapshots/board.json")).exists();
    assertThat(dir.resolve("snapshots/board.json.tmp")).doesNotExist();
    log.close();
    log = new SqliteOpLog(dir);
    assertThat(log.latestSnapshot("board")).contains(boardAt(2));
  }

  @Test
  void aSnapshotNewerThanTheLogIsIgnoredAndTheBoardRebuiltFromOps() throws Exception {
    // As after restoring the database from a backup while keeping newer snapshot files.
    await(log.append("restored", op(1, "a")));
    await(log.saveSnapshot("restored", boardAt(5)));
    assertThat(log.latestSnapshot("restored")).isEmpty();
  }

  @Test
  void anUnreadableSnapshotFileIsIgnored() throws Exception {
    await(log.append("torn", op(1, "a")));
    Files.writeString(dir.resolve("snapshots/torn.json"), "{\"seq\":1,\"elem");
    assertThat(log.latestSnapshot("torn")).isEmpty();
    assertThat(log.readAfter("torn", 0, 10)).containsExactly(op(1, "a"));
  }

  @Test
  void aSnapshotStoredInTheDatabaseByAnOlderRelayIsStillRead() throws Exception {
    await(log.append("old", op(1, "a")));
    log.close();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve(SqliteOpLog.FILE_NAME).toAbsolutePath());
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO snapshots(room, seq, body) VALUES(?,?,?)")) {
      insert.setString(1, "old");
      insert.setLong(2, 1);
      insert.setString(3, new dev.drawbridge.protocol.ProtocolCodec().encodeSnapshot(boardAt(1)));
      insert.executeUpdate();
    }
    log = new SqliteOpLog(dir);
    assertThat(log.latestSnapshot("old")).contains(boardAt(1));
    await(log.append("old", op(2, "b")));
    await(log.saveSnapshot("old", boardAt(2)));
    assertThat(log.latestSnapshot("old")).contains(boardAt(2));
  }

  @Test
  void withOsDurabilityCommitsSkipTheFsyncAndKeepEverythingAcrossARestart() throws Exception {
    log.close();
    log = new SqliteOpLog(dir, Durability.OS, java.time.Duration.ZERO);
    assertThat(((SqliteOpLog) log).synchronousSetting())
        .isEqualTo(1); // NORMAL: no fsync per commit
    await(log.append("os", op(1, "a")));
    log.close();
    log = new SqliteOpLog(dir);
    assertThat(((SqliteOpLog) log).synchronousSetting()).isEqualTo(2); // FULL, the default
    assertThat(log.readAfter("os", 0, 10)).containsExactly(op(1, "a"));
  }

  @Test
  void underLoadOpsWaitForTheCommitIntervalAndShareOneCommit() throws Exception {
    log.close();
    log = new SqliteOpLog(dir, Durability.DISK, java.time.Duration.ofSeconds(1));
    // After a quiet spell an op is committed at once.
    await(log.append("paced", op(1, "a")));
    // The next ones, within the interval, wait for it and are then committed together.
    var second = log.append("paced", op(2, "b"));
    var third = log.append("paced", op(3, "c"));
    assertThat(second).as("committed before the interval passed").isNotDone();
    assertThat(log.headSeq("paced")).isEqualTo(1);
    await(third);
    assertThat(second).isDone();
    assertThat(log.readAfter("paced", 0, 10)).containsExactly(op(1, "a"), op(2, "b"), op(3, "c"));
  }

  @Test
  void closingCommitsWhatWaitsForTheInterval() throws Exception {
    log.close();
    log = new SqliteOpLog(dir, Durability.DISK, java.time.Duration.ofSeconds(1));
    await(log.append("flush", op(1, "a")));
    var waiting = log.append("flush", op(2, "b"));
    log.close();
    assertThat(waiting).isCompleted();
    log = new SqliteOpLog(dir);
    assertThat(log.readAfter("flush", 0, 10)).containsExactly(op(1, "a"), op(2, "b"));
  }
}
