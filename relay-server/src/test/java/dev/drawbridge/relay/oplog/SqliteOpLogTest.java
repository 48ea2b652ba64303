package dev.drawbridge.relay.oplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOpLogTest extends OpLogContract {
  @TempDir Path dir;

  @Override
  OpLog create() {
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
}
