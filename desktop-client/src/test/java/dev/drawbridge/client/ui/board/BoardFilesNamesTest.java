package dev.drawbridge.client.ui.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file names offered by Save as and the exports. */
class BoardFilesNamesTest {

  /**
   * Found by hand: after opening plan.drawbridge, Export as PNG offered "plandrawbridge.png" and
   * Save as "plandrawbridge.drawbridge".
   */
  @Test
  void anOpenedFilesNameIsOfferedWithoutItsExtension() {
    assertThat(BoardFiles.safeName("board1.drawbridge")).isEqualTo("board1");
    assertThat(BoardFiles.safeName("q3 plan v1.2.drawbridge")).isEqualTo("q3 plan v1.2");
    assertThat(BoardFiles.safeName("设计评审.drawbridge")).isEqualTo("设计评审");
  }

  @Test
  void whatCannotBeInAFileNameIsLeftOut() {
    assertThat(BoardFiles.safeName("Offline board")).isEqualTo("Offline board");
    assertThat(BoardFiles.safeName("a/b\\c:d*e?")).isEqualTo("abcde");
    assertThat(BoardFiles.safeName("../secret")).isEqualTo("secret");
    assertThat(BoardFiles.safeName(".drawbridge")).isEqualTo("board");
    assertThat(BoardFiles.safeName("")).isEqualTo("board");
    assertThat(BoardFiles.safeName(null)).isEqualTo("board");
  }
}
