package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.OpLogException;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory whose database the relay cannot write, as a backup restored by copying it in as
 * root leaves it (docs/self-hosting.md, "Backup and restore"): SQLite opens such a file read-only
 * without a word, and the relay used to start on it, serve the board, ack ops and then close every
 * member with 1011 at its first commit, again after each reconnect. It refuses to start instead,
 * naming the file; once the file is the relay's to write, a relay on it serves the board as before.
 */
class ReadOnlyDataTest {
  @TempDir Path dir;

  @Test
  void aDatabaseTheRelayCannotWriteIsRefusedAtStart() throws Exception {
    Path data = dir.resolve("data");
    try (RelayFixture relay = new RelayFixture(data)) {
      TestPeer ana = relay.peer("restored");
      ana.joinAndSync(0);
      ana.submitStroke("op1", "e1");
      ana.awaitDurable(1);
    }
    Path db = data.resolve(SqliteOpLog.FILE_NAME);
    // As a restore leaves it: the database file alone.
    Files.deleteIfExists(data.resolve(SqliteOpLog.FILE_NAME + "-wal"));
    Files.deleteIfExists(data.resolve(SqliteOpLog.FILE_NAME + "-shm"));
    boolean immutable = makeReadOnly(db);
    try {
      assumeFalse(Files.isWritable(db), "cannot make a file read-only for this user here");
      assertThatThrownBy(() -> new RelayFixture(data).close())
          .isInstanceOf(OpLogException.class)
          .hasMessageContaining("cannot write the op log " + db);
    } finally {
      if (immutable) {
        chattr("-i", db);
      }
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
    }

    try (RelayFixture relay = new RelayFixture(data)) {
      TestPeer ben = relay.peer("restored");
      assertThat(ben.joinAndSync(0))
          .extracting(ServerMessage.OpBroadcast::id)
          .containsExactly("op1");
      ben.submitStroke("op2", "e2");
      assertThat(ben.next(ServerMessage.Ack.class).seq()).isEqualTo(2);
      ben.awaitDurable(2);
      assertThat(ben.closed).isNotDone();
    }
  }

  /**
   * chmod a-w; root writes such a file all the same, so as root the file is also made immutable
   * ({@code chattr +i}, where the file system and the container allow it). True if it was.
   */
  private static boolean makeReadOnly(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    return Files.isWritable(file) && chattr("+i", file);
  }

  private static boolean chattr(String flag, Path file) throws Exception {
    try {
      Process p =
          new ProcessBuilder("chattr", flag, file.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false; // no chattr
    }
  }
}
