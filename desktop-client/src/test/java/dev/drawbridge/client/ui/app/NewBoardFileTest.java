package dev.drawbridge.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.local.HistoryLog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two offline boards started within a second never share a file (nor its history log). */
class NewBoardFileTest {
  @TempDir Path boards;

  @Test
  void aNameTakenByAFileOrAHistoryLogIsNotGivenAgain() throws Exception {
    Path first = OfflineBoards.newBoardFile(boards);
    Files.writeString(first, "{}");
    Path second = OfflineBoards.newBoardFile(boards);
    Files.writeString(HistoryLog.beside(second), "");
    Path third = OfflineBoards.newBoardFile(boards);
    assertThat(second).isNotEqualTo(first);
    assertThat(third).isNotIn(first, second);
    assertThat(third.getFileName().toString()).startsWith("board-").endsWith(".drawbridge");
  }
}
