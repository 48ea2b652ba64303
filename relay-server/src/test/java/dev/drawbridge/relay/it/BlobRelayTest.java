package dev.drawbridge.relay.it;

import static dev.drawbridge.relay.it.TestImages.fetch;
import static dev.drawbridge.relay.it.TestImages.imageAdd;
import static dev.drawbridge.relay.it.TestImages.noisePng;
import static dev.drawbridge.relay.it.TestImages.put;
import static dev.drawbridge.relay.it.TestImages.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.blob.BlobChunks;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.blob.BlobLimits;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images through a real relay (docs/protocol.md R109–R113): an upload, the add that needs it and a
 * member's fetch; every refusal of the R113 table, each leaving the connection open and the room's
 * other members unaffected. Bounds are small so the files stay small: 200,000 bytes a file, 300,000
 * a room, 400,000 held by unfinished uploads; the rate limit has a relay of its own.
 */
class BlobRelayTest extends WriterAndObserver {
  static final String ROOM = "blobs";
  static final BlobLimits LIMITS =
      BlobLimits.of(200_000, 300_000).withMaxUploadBytesHeld(400_000).withRate(1e12, 1e12);

  BlobRelayTest() {
    super(ROOM, c -> c.withBlobLimits(LIMITS));
  }

  /** A synced editor (or viewer) in {@code room}: a fresh connection has a full byte bucket. */
  TestPeer member(String room, Role role) throws InterruptedException {
    TestPeer p = fx.peer(room, role);
    p.joinAndSync(0);
    return p;
  }

  static ServerMessage.BlobRefused refusal(TestPeer p) throws InterruptedException {
    return p.nextOf(ServerMessage.BlobRefused.class);
  }

  /** The writer and observer still talk: a stroke is acked and broadcast as before. */
  void roomStillServes(String opId) throws InterruptedException {
    writer.submitStroke(opId, "el-" + opId);
    assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo(opId);
    assertThat(observer.nextOf(ServerMessage.OpBroadcast.class).id()).isEqualTo(opId);
  }

  @Test
  void r109_everyWelcomeSaysHowBigAFileMayBe() throws Exception {
    assertThat(fx.peer(ROOM).join(0).maxBlobBytes()).isEqualTo(200_000L);
  }

  @Test
  void r110_r111_r112_uploadThenAddReachesTheOthersWhoFetchTheSameBytes() throws Exception {
    byte[] png = noisePng(160, 120, 1); // ~58 KB: two chunks
    String blob = upload(writer, png, "image/png");
    assertThat(writer.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(blob);

    writer.send(imageAdd("op-img", "el-img", blob, 160, 120));
    assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo("op-img");
    ServerMessage.OpBroadcast b = observer.nextOf(ServerMessage.OpBroadcast.class);
    assertThat(b.id()).isEqualTo("op-img");
    assertThat(fetch(observer, blob)).isEqualTo(png);
    assertThat(fx.relay.scrapeMetrics()).contains("drawbridge_blobs_stored_total");

    // Uploading it again: stored at once, at the first chunk; the rest is dropped unread.
    TestPeer again = member(ROOM, Role.EDITOR);
    upload(again, png, "image/png");
    assertThat(again.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(blob);
    again.send(new ClientMessage.Ping(7));
    assertThat(again.nextOf(ServerMessage.Pong.class).t()).isEqualTo(7);
    assertThat(again.frames).noneMatch(f -> f.contains("\"blob_refused\""));
    again.close();
  }

  @Test
  void r111_anImageAddWithoutItsBlobIsNackedAndTheRoomCarriesOn() throws Exception {
    String unknown = BlobIds.of(new byte[] {1, 2, 3});
    writer.send(imageAdd("op-no-blob", "el-no-blob", unknown, 10, 10));
    ServerMessage.Nack nack = writer.nextOf(ServerMessage.Nack.class);
    assertThat(nack).isEqualTo(new ServerMessage.Nack("op-no-blob", "missing_blob", 0));
    roomStillServes("op-after-missing");
    assertThat(observer.frames).noneMatch(f -> f.contains("el-no-blob"));
  }

  @Test
  void r112_r113_aViewerCannotUploadButMayFetch() throws Exception {
    byte[] png = noisePng(40, 30, 2);
    String blob = upload(writer, png, "image/png");
    writer.nextOf(ServerMessage.BlobStored.class);

    TestPeer viewer = member(ROOM, Role.VIEWER);
    upload(viewer, noisePng(20, 20, 3), "image/png");
    assertThat(refusal(viewer).reason()).isEqualTo("viewer");
    assertThat(fetch(viewer, blob)).isEqualTo(png);
    viewer.send(new ClientMessage.BlobGet(BlobIds.of(new byte[] {9})));
    assertThat(refusal(viewer))
        .isEqualTo(new ServerMessage.BlobRefused(BlobIds.of(new byte[] {9}), "not_found", 0));
    viewer.close();
    roomStillServes("op-after-viewer");
  }

  @Test
  void r113_tooBigHashMismatchAndBadImagesAreRefusedAndNothingIsKept() throws Exception {
    TestPeer p = member("refusals", Role.EDITOR);
    byte[] big = new byte[200_001];
    upload(p, big, "image/png"); // sent ahead: one answer, the other chunks dropped unread
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(BlobIds.of(big), "too_big", 0));
    p.send(new ClientMessage.Ping(5));
    assertThat(p.nextOf(ServerMessage.Pong.class).t()).isEqualTo(5);
    assertThat(p.frames).filteredOn(f -> f.contains("\"blob_refused\"")).hasSize(1);

    byte[] png = noisePng(30, 30, 4);
    String wrongId = BlobIds.of(new byte[] {4, 4});
    upload(p, wrongId, png, "image/png");
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(wrongId, "hash_mismatch", 0));

    upload(p, png, "image/jpeg"); // a PNG that says it is a JPEG
    assertThat(refusal(p).reason()).isEqualTo("bad_image");
    upload(p, "not an image at all".getBytes(), "image/gif");
    assertThat(refusal(p).reason()).isEqualTo("bad_image");
    // A decompression bomb's header: 100,000 × 100,000 pixels in a file of a few hundred bytes.
    String bomb = upload(p, pngClaiming(100_000, 100_000), "image/png");
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(bomb, "bad_image", 0));
    // A bigger one is refused at its first chunk: the relay neither waits for nor holds the rest.
    byte[] bigBomb = Arrays.copyOf(pngClaiming(100_000, 100_000), 150_000);
    String bigBombId = BlobIds.of(bigBomb);
    p.send(put(bigBombId, "image/png", bigBomb.length, 0, Arrays.copyOf(bigBomb, 1_000)));
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(bigBombId, "bad_image", 0));
    assertThat(fx.relay.rooms().uploadBytesHeld()).isZero();

    for (String blob : List.of(wrongId, BlobIds.of(png), bomb)) {
      p.send(new ClientMessage.BlobGet(blob));
      assertThat(refusal(p).reason()).isEqualTo("not_found");
    }
    p.close();
    roomStillServes("op-after-refusals");
  }

  @Test
  void r110_chunksThatDoNotContinueTheUploadEndItWithBadChunk() throws Exception {
    TestPeer p = member("chunks", Role.EDITOR);
    byte[] a = noisePng(190, 190, 5); // three chunks
    byte[] b = noisePng(150, 150, 6); // two chunks
    List<BlobChunks.Chunk> ca = BlobChunks.of(a);
    List<BlobChunks.Chunk> cb = BlobChunks.of(b);
    assertThat(ca).hasSize(3);
    String ia = BlobIds.of(a);
    String ib = BlobIds.of(b);

    send(p, ia, a, ca.get(0));
    send(p, ib, b, cb.get(1)); // interleaved: another blob's later chunk
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(ia, "bad_chunk", 0));

    send(p, ia, a, ca.get(0));
    send(p, ia, a, ca.get(1));
    send(p, ia, a, ca.get(1)); // repeated
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(ia, "bad_chunk", 0));

    send(p, ia, a, ca.get(0));
    send(p, ia, a, ca.get(2)); // out of order
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(ia, "bad_chunk", 0));

    send(p, ia, a, ca.get(0));
    send(p, ib, b, cb.get(0)); // a new upload ends the unfinished one
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(ia, "bad_chunk", 0));
    send(p, ib, b, cb.get(1));
    assertThat(p.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(ib);

    p.send(put(ia, "image/png", a.length, ca.get(1).offset(), ca.get(1).data())); // no upload
    assertThat(refusal(p)).isEqualTo(new ServerMessage.BlobRefused(ia, "bad_chunk", 0));
    p.close();
  }

  @Test
  void r110_aConnectionClosedMidUploadLeavesNothingAndTheUploadCanStartAfresh() throws Exception {
    byte[] png = noisePng(150, 150, 7);
    String blob = BlobIds.of(png);
    TestPeer gone = member("closed", Role.EDITOR);
    send(gone, blob, png, BlobChunks.of(png).get(0));
    gone.send(new ClientMessage.Ping(1));
    gone.nextOf(ServerMessage.Pong.class); // the chunk was read
    assertThat(fx.relay.rooms().uploadBytesHeld()).isEqualTo(png.length);
    gone.closeBlocking();
    Awaitility.await().atMost(TestPeer.WAIT).until(() -> fx.relay.rooms().uploadBytesHeld() == 0);

    TestPeer fresh = member("closed", Role.EDITOR);
    fresh.send(new ClientMessage.BlobGet(blob));
    assertThat(refusal(fresh).reason()).isEqualTo("not_found");
    upload(fresh, png, "image/png");
    assertThat(fresh.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(blob);
    fresh.close();
  }

  /** R113 busy and room_full: what unfinished uploads hold counts, and is given back. */
  @Test
  void r113_theRelayAndTheRoomBoundWhatUploadsMayHold() throws Exception {
    TestPeer a = member("held-a", Role.EDITOR);
    TestPeer b = member("held-b", Role.EDITOR);
    TestPeer c = member("held-c", Role.EDITOR);
    byte[] first = new byte[ProtocolLimitsChunk.BYTES];
    a.send(put(BlobIds.of(new byte[] {1}), "image/png", 200_000, 0, first));
    b.send(put(BlobIds.of(new byte[] {2}), "image/png", 200_000, 0, first));
    b.send(new ClientMessage.Ping(2));
    b.nextOf(ServerMessage.Pong.class);
    Awaitility.await()
        .atMost(TestPeer.WAIT)
        .until(() -> fx.relay.rooms().uploadBytesHeld() == 400_000);
    byte[] png = noisePng(40, 40, 8);
    upload(c, png, "image/png");
    ServerMessage.BlobRefused busy = refusal(c);
    assertThat(busy.reason()).isEqualTo("busy");
    assertThat(busy.retryAfterMs()).isPositive();
    a.closeBlocking();
    Awaitility.await()
        .atMost(TestPeer.WAIT)
        .until(() -> fx.relay.rooms().uploadBytesHeld() == 200_000);
    upload(c, png, "image/png");
    assertThat(c.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(BlobIds.of(png));

    // Room "held-b" has 200,000 bytes reserved of its 300,000: a 150,000-byte upload is too many.
    TestPeer d = member("held-b", Role.EDITOR);
    d.send(put(BlobIds.of(new byte[] {3}), "image/png", 150_000, 0, first));
    assertThat(refusal(d).reason()).isEqualTo("room_full");
    b.closeBlocking();
    c.close();
    d.close();
    // The relay handles a close after the client saw it: the next test counts from nothing held.
    Awaitility.await().atMost(TestPeer.WAIT).until(() -> fx.relay.rooms().uploadBytesHeld() == 0);
  }

  @Test
  void r113_aStoredRoomFullOfBlobsRefusesTheNextOne() throws Exception {
    byte[] png = noisePng(200, 200, 9); // ~120 KB
    TestPeer a = member("full", Role.EDITOR);
    upload(a, png, "image/png");
    a.nextOf(ServerMessage.BlobStored.class);
    TestPeer b = member("full", Role.EDITOR);
    upload(b, noisePng(201, 200, 10), "image/png");
    b.nextOf(ServerMessage.BlobStored.class);
    TestPeer c = member("full", Role.EDITOR);
    byte[] third = noisePng(202, 200, 11);
    upload(c, third, "image/png");
    assertThat(refusal(c))
        .isEqualTo(new ServerMessage.BlobRefused(BlobIds.of(third), "room_full", 0));
    upload(c, png, "image/png"); // one it holds is no more bytes
    assertThat(c.nextOf(ServerMessage.BlobStored.class).blob()).isEqualTo(BlobIds.of(png));
    a.close();
    b.close();
    c.close();
  }

  /** 1,000 bytes/s after a burst of 200,000: a second big upload right away is too much. */
  @Test
  void r113_aConnectionOverItsBlobRateIsToldWhenToRetry(@TempDir Path own) throws Exception {
    try (RelayFixture slow =
        new RelayFixture(own, c -> c.withBlobLimits(LIMITS.withRate(1_000, 200_000)))) {
      TestPeer p = slow.peer("rate");
      p.joinAndSync(0);
      upload(p, noisePng(200, 200, 12), "image/png"); // ~120,000 of the burst's bytes
      p.nextOf(ServerMessage.BlobStored.class);
      byte[] second = noisePng(190, 190, 13); // three chunks: ~108,000 bytes
      upload(p, second, "image/png");
      ServerMessage.BlobRefused limited = refusal(p);
      assertThat(limited.blob()).isEqualTo(BlobIds.of(second));
      assertThat(limited.reason()).isEqualTo("rate_limited");
      assertThat(limited.retryAfterMs()).isPositive();
      p.send(new ClientMessage.Ping(3));
      assertThat(p.nextOf(ServerMessage.Pong.class).t()).isEqualTo(3);
    }
  }

  /** R108: the blob is in the SQLite file with the ops, so a restarted relay still serves it. */
  @Test
  void r108_aRestartedSqliteRelayKeepsItsBlobs(@TempDir Path own) throws Exception {
    byte[] png = noisePng(100, 80, 14);
    String blob;
    try (RelayFixture first = new RelayFixture(own)) {
      TestPeer p = first.peer("kept");
      p.joinAndSync(0);
      blob = upload(p, png, "image/png");
      p.nextOf(ServerMessage.BlobStored.class);
      p.send(imageAdd("op-kept", "el-kept", blob, 100, 80));
      p.nextOf(ServerMessage.Ack.class);
    }
    try (RelayFixture second = new RelayFixture(own)) {
      TestPeer p = second.peer("kept");
      assertThat(p.joinAndSync(0))
          .extracting(ServerMessage.OpBroadcast::id)
          .containsExactly("op-kept");
      assertThat(fetch(p, blob)).isEqualTo(png);
    }
  }

  /**
   * R112, R24: a fetch of a file many times the slow-consumer cap is paced by the receiver's send
   * queue, so it is never closed for it, and ops sent meanwhile still reach it. (Whether they
   * overtake the file's last chunks here depends on loopback's socket buffers, which hold
   * megabytes; BlobFetchesTest checks that a full queue holds the chunks back.)
   */
  @Test
  void r112_aBigFetchIsPacedAndNeverTripsTheSlowConsumerCap(@TempDir Path own) throws Exception {
    try (RelayFixture small =
        new RelayFixture(
            own, c -> c.withMaxPendingBytes(300_000).withBlobLimits(BlobLimits.defaults()))) {
      TestPeer author = small.peer("big");
      author.joinAndSync(0);
      TestPeer reader = small.peer("big");
      reader.joinAndSync(0);
      byte[] png = noisePng(1200, 1000, 15); // ~3.6 MB: twelve times the cap
      String blob = upload(author, png, "image/png");
      author.nextOf(ServerMessage.BlobStored.class);

      reader.send(new ClientMessage.BlobGet(blob));
      for (int i = 0; i < 5; i++) {
        author.submitStroke("op-big-" + i, "el-big-" + i);
      }
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      int ops = 0;
      while (got.size() < png.length || ops < 5) {
        ServerMessage m = reader.next();
        if (m instanceof ServerMessage.BlobData d) {
          assertThat(d.offset()).isEqualTo(got.size());
          got.write(d.data(), 0, d.data().length);
        } else if (m instanceof ServerMessage.OpBroadcast) {
          ops++;
        }
      }
      assertThat(got.toByteArray()).isEqualTo(png);
      assertThat(reader.closed).isNotDone();
      assertThat(fetch(reader, blob)).isEqualTo(png);
    }
  }

  private static void send(TestPeer p, String blob, byte[] bytes, BlobChunks.Chunk c) {
    p.send(put(blob, "image/png", bytes.length, c.offset(), c.data()));
  }

  /** A PNG whose IHDR claims {@code w × h} pixels, followed by a little image data. */
  static byte[] pngClaiming(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25 + 300);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    b.putInt(13).put("IHDR".getBytes()).putInt(w).putInt(h);
    b.put(new byte[] {8, 2, 0, 0, 0}).putInt(0); // 8-bit RGB; CRC not checked by a header reader
    byte[] rest = new byte[300];
    Arrays.fill(rest, (byte) 0x78);
    b.put(rest);
    return b.array();
  }

  /** One full chunk's bytes. */
  private static final class ProtocolLimitsChunk {
    static final int BYTES = dev.drawbridge.protocol.validation.ProtocolLimits.MAX_BLOB_CHUNK_BYTES;
  }
}
