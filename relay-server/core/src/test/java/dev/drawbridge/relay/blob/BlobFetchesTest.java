package dev.drawbridge.relay.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R112: fetches are answered in order, at most four at once, and paced by the send queue. */
class BlobFetchesTest {
  private final InMemoryOpLog log = new InMemoryOpLog();
  private final BlobSender sender = new BlobSender();
  private final Sink sink = new Sink();
  private final BlobFetches fetches = new BlobFetches(sender, log, "room", sink);

  /** A connection whose send queue holds {@link #pending} bytes until the test says otherwise. */
  static final class Sink implements FetchSink {
    volatile long pending;
    final List<ServerMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public long pendingBytes() {
      return pending;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void send(ServerMessage message) {
      sent.add(message);
    }

    @Override
    public void sendJson(byte[] json) {
      throw new AssertionError("blob fetches send messages, not JSON");
    }
  }

  @AfterEach
  void close() {
    sender.close();
  }

  private String stored(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    String id = BlobIds.of(bytes);
    log.putBlob("room", id, "image/png", bytes).join();
    return id;
  }

  @Test
  void aFullSendQueueHoldsTheChunksBackUntilItDrains() {
    String blob = stored(5 * ProtocolLimits.MAX_BLOB_CHUNK_BYTES + 7, 1);
    sink.pending = BlobSender.LOW_WATER;
    assertThat(fetches.request(blob)).isEqualTo(BlobFetches.Answer.QUEUED);
    // Several pauses' worth of tries: nothing leaves while the queue is full.
    Awaitility.await().pollDelay(java.time.Duration.ofMillis(50)).until(() -> true);
    assertThat(sink.sent).isEmpty();

    sink.pending = 0;
    Awaitility.await().until(() -> sink.sent.size() == 6);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    for (ServerMessage m : sink.sent) {
      ServerMessage.BlobData d = (ServerMessage.BlobData) m;
      assertThat(d.offset()).isEqualTo(got.size());
      got.write(d.data(), 0, d.data().length);
    }
    assertThat(BlobIds.of(got.toByteArray())).isEqualTo(blob);
  }

  @Test
  void aFifthUnansweredFetchIsBusyAndOneBeingSentIsIgnored() {
    sink.pending = Long.MAX_VALUE; // nothing is answered meanwhile
    List<String> blobs = List.of(stored(10, 1), stored(10, 2), stored(10, 3), stored(10, 4));
    for (String b : blobs) {
      assertThat(fetches.request(b)).isEqualTo(BlobFetches.Answer.QUEUED);
    }
    assertThat(fetches.request(blobs.get(0))).isEqualTo(BlobFetches.Answer.IGNORED);
    assertThat(fetches.request(stored(10, 5))).isEqualTo(BlobFetches.Answer.BUSY);

    sink.pending = 0;
    Awaitility.await().until(() -> sink.sent.size() == 4);
    assertThat(sink.sent)
        .extracting(m -> ((ServerMessage.BlobData) m).blob())
        .containsExactlyElementsOf(blobs);
    assertThat(fetches.request(stored(10, 5))).isEqualTo(BlobFetches.Answer.QUEUED);
  }

  @Test
  void aBlobTheRoomDoesNotHoldIsNotFoundAndTheNextFetchGoesOn() {
    String missing = BlobIds.of(new byte[] {1});
    String held = stored(10, 6);
    fetches.request(missing);
    fetches.request(held);
    Awaitility.await().until(() -> sink.sent.size() == 2);
    assertThat(sink.sent.get(0)).isEqualTo(new ServerMessage.BlobRefused(missing, "not_found", 0));
    assertThat(((ServerMessage.BlobData) sink.sent.get(1)).blob()).isEqualTo(held);
  }
}
