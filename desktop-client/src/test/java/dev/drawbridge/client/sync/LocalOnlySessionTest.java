package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import org.junit.jupiter.api.Test;

class LocalOnlySessionTest {
  @Test
  void everyOpIsConfirmedAndDurableAtOnce() {
    LocalBoard board = new LocalBoard();
    try (LocalOnlySession session = new LocalOnlySession(board, "t", "me")) {
      board.submit(
          new Op.AddElement(
              Element.shape("r", ElementKind.RECTANGLE, 0, 0, 1, 1, Style.DEFAULT, 1)));
      String last = board.submit(new Op.UpdateElement("r", ElementPatch.move(2, 2)));
      // No relay and no journal: nothing waits for an ack or a durable, nothing is kept to resend.
      assertThat(board.pendingCount()).isZero();
      assertThat(board.confirmedSeq()).isEqualTo(2);
      assertThat(board.confirmedOpId()).isEqualTo(last);
      assertThat(board.view().hash()).isEqualTo(board.confirmed().hash());
      assertThat(session.board()).isSameAs(board);
    }
  }

  @Test
  void aLocalBoardKeepsItsPicturesInTheStoreItIsGiven(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    dev.drawbridge.client.blob.BlobStore store = dev.drawbridge.client.blob.BlobStore.in(home);
    byte[] png = dev.drawbridge.client.blob.TestImages.png(4, 4, 1);
    try (LocalOnlySession session = new LocalOnlySession(new LocalBoard(), "t", "me", store)) {
      String id = session.blobs().put(png);
      assertThat(store.get(id)).contains(png);
      assertThat(session.blobs().isMissing(id)).isFalse();
      assertThat(session.holdsImages()).isTrue();
    }
  }
}
