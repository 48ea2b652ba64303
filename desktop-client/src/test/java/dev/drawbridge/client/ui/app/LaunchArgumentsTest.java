package dev.drawbridge.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A board file double-clicked in the file manager arrives as the app's argument. */
class LaunchArgumentsTest {
  @TempDir Path dir;

  @Test
  void theFirstExistingFileIsOpenedAndFlagsAreSkipped() throws Exception {
    Path board = Files.writeString(dir.resolve("plan.drawbridge"), "{}");
    assertThat(
            DrawbridgeApp.boardFileArgument(
                List.of(
                    "--smoke-test",
                    dir.resolve("missing.drawbridge").toString(),
                    board.toString())))
        .isEqualTo(board.toAbsolutePath());
  }

  @Test
  void noFileMeansTheStartScreen() {
    assertThat(DrawbridgeApp.boardFileArgument(List.of())).isNull();
    assertThat(DrawbridgeApp.boardFileArgument(List.of("--smoke-test", "\0bad"))).isNull();
  }
}
