package dev.drawbridge.client.sync;

import static dev.drawbridge.client.sync.BlobUploadTest.connectToBlobRelay;
import static dev.drawbridge.client.sync.BlobUploadTest.reconnectToBlobRelay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.blob.TestImages;
import dev.drawbridge.protocol.blob.BlobChunks;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shared board fetches the pictures it lacks from the relay (R112, R115). */
class BlobFetchTest {
  @TempDir Path dir;

  static void send(SessionHarness h, byte[] bytes) {
    String id = BlobIds.of(bytes);
    for (BlobChunks.Chunk c : BlobChunks.of(bytes)) {
      h.transport.receive(
          new ServerMessage.BlobData(id, "image/png", bytes.length, c.offset(), c.data()));
    }
  }

  static List<String> asked(SessionHarness h) {
    return h.transport.sent(ClientMessage.BlobGet.class).stream()
        .map(ClientMessage.BlobGet::blob)
        .toList();
  }

  @Test
  void fetchesInViewFirstAtMostFourAtOnceFoldsRepeatsAndStoresWhatArrives() {
    List<byte[]> pictures = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pictures.add(TestImages.png(120 + i, 120, i)); // two chunks each
    }
    List<String> ids = pictures.stream().map(BlobIds::of).toList();
    try (SessionHarness h = new SessionHarness(dir)) {
      BlobSource blobs = h.session.blobs();
      List<String> arrived = new ArrayList<>();
      blobs.onArrival(arrived::add);
      // Asked before connecting: nothing goes out until synced.
      for (int i = 0; i < 5; i++) {
        blobs.want(ids.get(i), false);
      }
      blobs.want(ids.get(5), true);
      blobs.want(ids.get(5), true);
      assertThat(asked(h)).isEmpty();
      connectToBlobRelay(h, 0);

      assertThat(asked(h)).containsExactly(ids.get(5), ids.get(0), ids.get(1), ids.get(2));
      send(h, pictures.get(5));
      assertThat(arrived).containsExactly(ids.get(5));
      assertThat(blobs.bytes(ids.get(5))).contains(pictures.get(5));
      assertThat(asked(h)).hasSize(5).endsWith(ids.get(3));
      blobs.want(ids.get(5), true); // here now: not asked again
      blobs.want(ids.get(0), true); // in flight: not asked again
      assertThat(asked(h)).hasSize(5);
      for (int i = 0; i < 5; i++) {
        send(h, pictures.get(i));
      }
      assertThat(arrived).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(asked(h)).hasSize(6).doesNotHaveDuplicates();
      assertThat(h.blobStore.has(ids.get(4))).isTrue();
    }
  }

  @Test
  void notFoundAndBadBytesAreMissingAndBusyIsAskedAgainLater() {
    byte[] good = TestImages.png(8, 8, 1);
    byte[] other = TestImages.png(8, 8, 2);
    byte[] busy = TestImages.png(8, 8, 3);
    String absent = BlobIds.of(TestImages.png(8, 8, 4));
    try (SessionHarness h = new SessionHarness(dir)) {
      BlobSource blobs = h.session.blobs();
      List<String> arrived = new ArrayList<>();
      blobs.onArrival(arrived::add);
      connectToBlobRelay(h, 0);
      blobs.want(absent, true);
      blobs.want(BlobIds.of(good), true);
      blobs.want(BlobIds.of(busy), true);

      h.transport.receive(new ServerMessage.BlobRefused(absent, "not_found", 0));
      assertThat(blobs.isMissing(absent)).isTrue();
      // Bytes that do not hash to the id they came under (R112): thrown away.
      h.transport.receive(
          new ServerMessage.BlobData(BlobIds.of(good), "image/png", other.length, 0, other));
      assertThat(blobs.isMissing(BlobIds.of(good))).isTrue();
      assertThat(blobs.bytes(BlobIds.of(good))).isEmpty();
      assertThat(arrived).containsExactly(absent, BlobIds.of(good));

      h.transport.receive(new ServerMessage.BlobRefused(BlobIds.of(busy), "busy", 1_000));
      assertThat(blobs.isMissing(BlobIds.of(busy))).isFalse();
      h.transport.clearSent();
      h.scheduler.advance(Duration.ofMillis(1_100));
      assertThat(asked(h)).containsExactly(BlobIds.of(busy));
      send(h, busy);
      assertThat(blobs.bytes(BlobIds.of(busy))).contains(busy);
    }
  }

  @Test
  void aDeclaredSizeOverTheLimitIsRefusedBeforeDecoding() {
    // A valid PNG header claiming 100,000 × 100,000 pixels (R115).
    byte[] bomb = TestImages.png(8, 8, 5);
    bomb[16] = 0;
    bomb[17] = 1;
    bomb[18] = (byte) 0x86;
    bomb[19] = (byte) 0xA0;
    bomb[20] = 0;
    bomb[21] = 1;
    bomb[22] = (byte) 0x86;
    bomb[23] = (byte) 0xA0;
    String id = BlobIds.of(bomb);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      h.session.blobs().want(id, true);
      send(h, bomb);
      assertThat(h.session.blobs().isMissing(id)).isTrue();
      assertThat(h.blobStore.has(id)).isFalse();
    }
  }

  @Test
  void whatWasInFlightIsAskedForAgainAfterAReconnect() {
    byte[] png = TestImages.png(160, 160, 6);
    String id = BlobIds.of(png);
    try (SessionHarness h = new SessionHarness(dir)) {
      connectToBlobRelay(h, 0);
      h.session.blobs().want(id, true);
      List<BlobChunks.Chunk> chunks = BlobChunks.of(png);
      h.transport.receive(
          new ServerMessage.BlobData(id, "image/png", png.length, 0, chunks.getFirst().data()));
      reconnectToBlobRelay(h);
      assertThat(asked(h)).containsExactly(id);
      send(h, png);
      assertThat(h.session.blobs().bytes(id)).contains(png);
    }
  }

  @Test
  void aRelayWithoutBlobsIsNeverAskedAndItsPicturesAreMissing() {
    String id = BlobIds.of(TestImages.png(8, 8, 7));
    try (SessionHarness h = new SessionHarness(dir)) {
      h.connectAndSync(0);
      h.session.blobs().want(id, true);
      assertThat(asked(h)).isEmpty();
      assertThat(h.session.blobs().isMissing(id)).isTrue();
    }
  }
}
