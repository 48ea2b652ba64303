package dev.drawbridge.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.blob.TestImages;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.blob.ImageHeader;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image add goes out only after its blob is stored on the relay (R110, R111, R113, R114). */
class BlobUploadTest {
  static final long MAX_BLOB = 10L << 20;
  @TempDir Path dir;

  /** Connects to a relay that stores blobs (R109). */
  static void connectToBlobRelay(SessionHarness h, long headSeq) {
    h.transport.open();
    h.transport.receive(
        new ServerMessage.Welcome("s1", headSeq, "editor", List.of(), null, false, MAX_BLOB));
    h.transport.receive(new ServerMessage.Synced(headSeq, headSeq > 0 ? "op-" + headSeq : null));
  }

  /** The relay drops the connection; the session reconnects to one that stores blobs. */
  static void reconnectToBlobRelay(SessionHarness h) {
    h.transport.dropFromServer(1006, "gone");
    h.scheduler.advance(Duration.ofSeconds(2));
    h.transport.clearSent();
    connectToBlobRelay(h, 0);
  }

  /** Puts {@code bytes} in the session's store and submits an image add of them. */
  static String addImage(SessionHarness h, String elementId, byte[] bytes) {
    String blob = h.session.blobs().put(bytes);
    ImageHeader header = ImageHeader.read(bytes).orElseThrow();
    ImageRef ref =
        new ImageRef(blob, header.format().mime(), (int) header.width(), (int) header.height());
    Element e = Element.ofImage(elementId, 0, 0, 100, 100, ref, 1);
    return h.board().submit(new Op.AddElement(e));
  }

  static String addShape(SessionHarness h, String elementId) {
    return h.board()
        .submit(
            new Op.AddElement(
                Element.shape(
                    elementId,
                    dev.drawbridge.protocol.element.ElementKind.RECTANGLE,
                    0,
                    0,
                    10,
                    10,
                    Style.DEFAULT,
                    2)));
  }

  static List<String> sentOpIds(SessionHarness h) {
    return h.transport.sent(ClientMessage.SubmitOp.class).stream()
        .map(ClientMessage.SubmitOp::id)
        .toList();
  }

  static byte[] uploaded(SessionHarness h, String blob) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ClientMessage.BlobPut p : h.transport.sent(ClientMessage.BlobPut.class)) {
      if (p.blob().equals(blob)) {
        assertThat(p.offset()).isEqualTo(out.size());
        out.writeBytes(p.data());
      }
    }
    return out.toByteArray();
  }

  @Test
  void uploadsTheBlobInChunksThenSendsTheAddAndWhatCameAfterIt() {
    byte[] png = TestImages.png(160, 160, 1); // ~77 KB: two chunks
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String image = addImage(h, "img-1", png);
      String after = addShape(h, "box-1");
      String blob = BlobIds.of(png);

      List<ClientMessage.BlobPut> puts = h.transport.sent(ClientMessage.BlobPut.class);
      assertThat(puts).hasSizeGreaterThan(1);
      assertThat(puts).allSatisfy(p -> assertThat(p.size()).isEqualTo(png.length));
      assertThat(puts).allSatisfy(p -> assertThat(p.mime()).isEqualTo("image/png"));
      assertThat(uploaded(h, blob)).isEqualTo(png);
      assertThat(sentOpIds(h)).as("nothing overtakes the image add").isEmpty();

      h.transport.receive(new ServerMessage.BlobStored(blob));
      assertThat(sentOpIds(h)).containsExactly(image, after);
      assertThat(h.transport.sent.getLast()).isInstanceOf(ClientMessage.SubmitOp.class);
    }
  }

  @Test
  void aBlobStoredOnThisConnectionIsNotUploadedAgain() {
    byte[] png = TestImages.png(8, 8, 2);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String first = addImage(h, "img-1", png);
      h.transport.receive(new ServerMessage.BlobStored(BlobIds.of(png)));
      String second = addImage(h, "img-2", png);
      assertThat(h.transport.sent(ClientMessage.BlobPut.class)).hasSize(1);
      assertThat(sentOpIds(h)).containsExactly(first, second);
    }
  }

  @Test
  void aRefusalWithRetryAfterStartsAgainFromOffsetZeroLater() {
    byte[] png = TestImages.png(8, 8, 3);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String image = addImage(h, "img-1", png);
      h.transport.clearSent();
      h.transport.receive(new ServerMessage.BlobRefused(blob, "busy", 2_000));
      h.scheduler.advance(Duration.ofMillis(1_000));
      assertThat(h.transport.sent).isEmpty();
      h.scheduler.advance(Duration.ofMillis(1_100));
      assertThat(h.transport.sent(ClientMessage.BlobPut.class))
          .singleElement()
          .satisfies(p -> assertThat(p.offset()).isZero());
      h.transport.receive(new ServerMessage.BlobStored(blob));
      assertThat(sentOpIds(h)).containsExactly(image);
      assertThat(h.rejected).isEmpty();
    }
  }

  @Test
  void aFinalRefusalDropsTheAddTellsTheUserAndLetsTheRestGo() {
    byte[] png = TestImages.png(8, 8, 4);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String image = addImage(h, "img-1", png);
      String after = addShape(h, "box-1");
      h.transport.receive(new ServerMessage.BlobRefused(blob, "room_full", 0));

      assertThat(h.rejected).containsExactly(image);
      assertThat(h.imagesNotStored).containsExactly(blob + " room_full");
      assertThat(h.board().view().get("img-1")).isNull();
      assertThat(sentOpIds(h)).containsExactly(after);
      assertThat(h.session.pendingCount()).isEqualTo(1);
    }
  }

  @Test
  void badChunkRestartsTheUploadFromTheBeginning() {
    byte[] png = TestImages.png(8, 8, 5);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      addImage(h, "img-1", png);
      h.transport.clearSent();
      h.transport.receive(new ServerMessage.BlobRefused(blob, "bad_chunk", 0));
      assertThat(h.transport.sent(ClientMessage.BlobPut.class))
          .singleElement()
          .satisfies(p -> assertThat(p.offset()).isZero());
      assertThat(h.rejected).isEmpty();
    }
  }

  @Test
  void aMissingBlobNackUploadsAgainAndResendsTheSameId() {
    byte[] png = TestImages.png(8, 8, 6);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String image = addImage(h, "img-1", png);
      h.transport.receive(new ServerMessage.BlobStored(blob));
      h.transport.clearSent();
      h.transport.receive(new ServerMessage.Nack(image, "missing_blob", 0));

      assertThat(h.transport.sent(ClientMessage.BlobPut.class)).hasSize(1);
      assertThat(sentOpIds(h)).isEmpty();
      h.transport.receive(new ServerMessage.BlobStored(blob));
      assertThat(sentOpIds(h)).containsExactly(image);
      assertThat(h.rejected).isEmpty();
    }
  }

  @Test
  void aMissingBlobNackWithoutTheBytesDropsTheOp() {
    byte[] png = TestImages.png(8, 8, 7);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      // An image whose bytes this machine never had (e.g. copied from another board's element).
      Element e = Element.ofImage("img-1", 0, 0, 10, 10, new ImageRef(blob, "image/png", 8, 8), 1);
      String image = h.board().submit(new Op.AddElement(e));
      assertThat(sentOpIds(h)).containsExactly(image);
      h.transport.receive(new ServerMessage.Nack(image, "missing_blob", 0));
      assertThat(h.rejected).containsExactly(image);
    }
  }

  @Test
  void aBlobOverTheRelaysLimitIsRefusedWithoutUploading() {
    byte[] png = TestImages.png(160, 160, 8);
    try (SessionHarness h = new SessionHarness(dir)) {
      h.transport.open();
      h.transport.receive(new ServerMessage.Welcome("s1", 0, "editor", List.of(), null, false, 1L));
      h.transport.receive(new ServerMessage.Synced(0, null));
      String image = addImage(h, "img-1", png);
      assertThat(h.transport.sent(ClientMessage.BlobPut.class)).isEmpty();
      assertThat(h.rejected).containsExactly(image);
      assertThat(h.imagesNotStored).containsExactly(BlobIds.of(png) + " too_big");
    }
  }

  @Test
  void aRelayWithoutBlobsGetsNoBlobMessagesAndTheImageWaitsWhileTheRestFlows() {
    byte[] png = TestImages.png(8, 8, 9);
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0); // a welcome without maxBlobBytes (R114)
      String image = addImage(h, "img-1", png);
      String move = h.board().submit(new Op.UpdateElement("img-1", ElementPatch.move(5, 5)));
      String other = addShape(h, "box-1");
      String other2 = addImage(h, "img-2", TestImages.png(8, 8, 10));

      assertThat(h.transport.sent(ClientMessage.BlobPut.class)).isEmpty();
      assertThat(sentOpIds(h)).containsExactly(other);
      assertThat(h.session.holdsImages()).isFalse();
      assertThat(h.imagesNotStored).singleElement().asString().endsWith(" not_supported");
      assertThat(h.session.pendingCount()).isEqualTo(4);

      // The same board on a relay that stores blobs: the held image goes, uploaded first.
      reconnectToBlobRelay(h);
      assertThat(h.session.holdsImages()).isTrue();
      h.transport.receive(new ServerMessage.BlobStored(BlobIds.of(png)));
      assertThat(sentOpIds(h)).startsWith(image, move).contains(other);
      assertThat(h.transport.sent.get(1))
          .as("after hello")
          .isInstanceOf(ClientMessage.BlobPut.class);
      assertThat(sentOpIds(h)).doesNotContain(other2);
    }
  }

  @Test
  void anUploadCutByADroppedConnectionStartsAgainFromOffsetZero() {
    byte[] png = TestImages.png(160, 160, 11);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String image = addImage(h, "img-1", png);
      reconnectToBlobRelay(h);
      assertThat(h.transport.sent(ClientMessage.BlobPut.class).getFirst().offset()).isZero();
      assertThat(uploaded(h, blob)).isEqualTo(png);
      h.transport.receive(new ServerMessage.BlobStored(blob));
      assertThat(sentOpIds(h)).containsExactly(image);
    }
  }

  @Test
  void anImageDrawnOfflineIsOnDiskAndUploadedBeforeItsOpAfterARestart() {
    byte[] png = TestImages.png(8, 8, 12);
    String blob = BlobIds.of(png);
    String image;
    try (SessionHarness h = new SessionHarness(dir)) {
      image = addImage(h, "img-1", png); // never connected
      assertThat(h.blobStore.has(blob)).isTrue();
      assertThat(h.session.journalFlushed()).isTrue();
    }
    try (SessionHarness h = new SessionHarness(dir)) {
      assertThat(h.session.pendingCount()).isEqualTo(1);
      assertThat(h.session.blobs().bytes(blob)).contains(png);
      connectToBlobRelay(h, 0);
      assertThat(sentOpIds(h)).isEmpty();
      assertThat(uploaded(h, blob)).isEqualTo(png);
      h.transport.receive(new ServerMessage.BlobStored(blob));
      assertThat(sentOpIds(h)).containsExactly(image);
    }
  }

  @Test
  void chunksArePacedLikeOpsAndARateLimitSlowsThemDown() {
    byte[] png = TestImages.png(1000, 700, 13); // ~2 MB: more chunks than one burst
    String blob = BlobIds.of(png);
    int chunks = (png.length + 49_151) / 49_152;
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      addImage(h, "img-1", png);
      int first = h.transport.sent(ClientMessage.BlobPut.class).size();
      assertThat(first).isPositive().isLessThan(chunks);
      h.scheduler.advance(Duration.ofSeconds(5));
      assertThat(uploaded(h, blob)).isEqualTo(png);

      // The relay says the bytes come too fast: the upload starts again later, from offset 0.
      h.transport.clearSent();
      h.transport.receive(new ServerMessage.BlobRefused(blob, "rate_limited", 500));
      assertThat(h.transport.sent).isEmpty();
      h.scheduler.advance(Duration.ofMillis(600));
      assertThat(h.transport.sent(ClientMessage.BlobPut.class).getFirst().offset()).isZero();
      h.scheduler.advance(Duration.ofSeconds(10));
      assertThat(uploaded(h, blob)).isEqualTo(png);
      assertThat(h.rejected).isEmpty();
    }
  }

  @Test
  void aRelayThatKeepsAnsweringMissingBlobGetsTheOpDroppedAfterAFewUploads() {
    byte[] png = TestImages.png(8, 8, 14);
    String blob = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      String image = addImage(h, "img-1", png);
      for (int i = 0; i < 3; i++) {
        h.transport.receive(new ServerMessage.BlobStored(blob));
        h.transport.receive(new ServerMessage.Nack(image, "missing_blob", 0));
        assertThat(h.rejected).isEmpty();
      }
      h.transport.receive(new ServerMessage.BlobStored(blob));
      h.transport.receive(new ServerMessage.Nack(image, "missing_blob", 0));
      assertThat(h.rejected).containsExactly(image);
      assertThat(h.transport.sent(ClientMessage.BlobPut.class)).hasSize(4);
    }
  }
}
