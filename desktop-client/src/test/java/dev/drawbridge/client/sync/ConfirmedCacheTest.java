package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmedCacheTest {
  private final ProtocolCodec codec = new ProtocolCodec();
  @TempDir Path dir;

  private final BoardSnapshot board =
      new BoardSnapshot(
          12, List.of(Element.shape("r", ElementKind.RECTANGLE, 1, 2, 3, 4, Style.DEFAULT, 1)));

  private ConfirmedCache cache() {
    return new ConfirmedCache(dir.resolve("confirmed.json"), codec);
  }

  @Test
  void theBoardAndTheIdOfTheOpAtItsSeqRoundTrip() throws Exception {
    cache().write(board, "op-\"12\"");
    assertThat(cache().read()).isEqualTo(new ConfirmedCache.Cached(board, "op-\"12\""));
    cache().write(board, null);
    assertThat(cache().read()).isEqualTo(new ConfirmedCache.Cached(board, null));
  }

  @Test
  void aFileWrittenBeforeLastOpIdLoadsWithTheIdUnknown() throws Exception {
    Files.writeString(dir.resolve("confirmed.json"), codec.encodeSnapshot(board));
    assertThat(cache().read()).isEqualTo(new ConfirmedCache.Cached(board, null));
  }

  @Test
  void olderReadersStillReadTheBoard() throws Exception {
    cache().write(board, "op-12");
    // What a version without lastOpId does with the file: decode it as a snapshot.
    assertThat(codec.decodeSnapshot(Files.readString(dir.resolve("confirmed.json"))))
        .isEqualTo(board);
  }

  @Test
  void noFileOrAnUnreadableOneIsAnEmptyBoard() throws Exception {
    assertThat(cache().read())
        .isEqualTo(new ConfirmedCache.Cached(new BoardSnapshot(0, List.of()), null));
    Files.writeString(dir.resolve("confirmed.json"), "{\"lastOpId\":\"x\",\"seq\":");
    assertThat(cache().read().snapshot().seq()).isZero();
  }
}
