package dev.drawbridge.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A board file double-clicked in the file manager, or an invite link clicked in a browser, arrives
 * as the app's argument.
 */
class LaunchArgumentsTest {
  @TempDir Path dir;

  @Test
  void theFirstExistingFileIsOpenedAndFlagsAreSkipped() throws Exception {
    Path board = Files.writeString(dir.resolve("plan.drawbridge"), "{}");
    assertThat(
            LaunchRequest.of(
                    List.of(
                        "--smoke-test",
                        dir.resolve("missing.drawbridge").toString(),
                        board.toString()))
                .file())
        .isEqualTo(board.toAbsolutePath());
  }

  @Test
  void aFileUriIsAFileToo() throws Exception {
    Path board = Files.writeString(dir.resolve("plan.drawbridge"), "{}");
    assertThat(LaunchRequest.of(List.of(board.toUri().toString())).file())
        .isEqualTo(board.toAbsolutePath());
  }

  @Test
  void noFileMeansTheStartScreen() {
    assertThat(LaunchRequest.of(List.of())).isEqualTo(LaunchRequest.NOTHING);
    assertThat(LaunchRequest.of(List.of("--smoke-test", "\0bad")).isEmpty()).isTrue();
  }

  @Test
  void anInviteLinkIsReadAndABrokenOneIsKeptToExplain() {
    LaunchRequest link =
        LaunchRequest.of(List.of("drawbridge://192.168.1.20:7464/k3x9q7wz?plain&token=abc"));
    assertThat(link.link().room()).isEqualTo("k3x9q7wz");
    assertThat(link.link().serverUrl()).isEqualTo("ws://192.168.1.20:7464");
    assertThat(link.link().token()).isEqualTo("abc");
    LaunchRequest broken = LaunchRequest.of(List.of("drawbridge://host/bad room"));
    assertThat(broken.link()).isNull();
    assertThat(broken.badLink()).isEqualTo("drawbridge://host/bad room");
  }

  @Test
  void aHandOffMakesPathsAbsoluteAndLeavesLinksAlone() throws Exception {
    Path board = Files.writeString(dir.resolve("plan.drawbridge"), "{}");
    Path relative = Path.of("").toAbsolutePath().relativize(board);
    assertThat(
            LaunchRequest.forHandOff(
                List.of("--flag", relative.toString(), "drawbridge://h/room?token=a%2Bb")))
        .containsExactly("--flag", board.toString(), "drawbridge://h/room?token=a%2Bb");
  }
}
