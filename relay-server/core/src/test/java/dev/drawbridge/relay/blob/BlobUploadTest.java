package dev.drawbridge.relay.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.blob.BlobChunks;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.message.ClientMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One upload put together chunk by chunk and checked as a whole (R110, R113). */
class BlobUploadTest {
  /** The smallest GIF header: 3 × 2 pixels. */
  private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 3, 0, 2, 0, 0, 0, 0, ';'};

  private static List<ClientMessage.BlobPut> puts(String blob, String mime, byte[] bytes) {
    return BlobChunks.of(bytes).stream()
        .map(c -> new ClientMessage.BlobPut(blob, mime, bytes.length, c.offset(), c.data()))
        .toList();
  }

  @Test
  void chunksInOrderMakeTheFileAndOnlyTheNextOneContinuesIt() {
    byte[] bytes = new byte[100_000];
    System.arraycopy(GIF, 0, bytes, 0, GIF.length);
    String id = BlobIds.of(bytes);
    List<ClientMessage.BlobPut> puts = puts(id, "image/gif", bytes);
    BlobUpload upload = BlobUpload.begin(puts.get(0));
    upload.append(puts.get(0));
    assertThat(upload.continues(puts.get(0))).isFalse();
    assertThat(upload.continues(puts.get(2))).isFalse();
    assertThat(upload.continues(puts(id, "image/png", bytes).get(1))).isFalse();
    assertThat(upload.continues(puts.get(1))).isTrue();
    upload.append(puts.get(1));
    assertThat(upload.complete()).isFalse();
    upload.append(puts.get(2));
    assertThat(upload.complete()).isTrue();
    assertThat(upload.bytes()).isEqualTo(bytes);
    assertThat(upload.fault()).isEmpty();
  }

  @Test
  void theWholeFileIsCheckedByItsHashAndHeader() {
    assertThat(check(BlobIds.of(GIF), "image/gif", GIF)).isEmpty();
    assertThat(check(BlobIds.of(new byte[1]), "image/gif", GIF)).contains("hash_mismatch");
    assertThat(check(BlobIds.of(GIF), "image/png", GIF)).contains("bad_image");
    byte[] huge = GIF.clone();
    huge[6] = (byte) 0xff; // 65,535 pixels across
    huge[7] = (byte) 0xff;
    assertThat(check(BlobIds.of(huge), "image/gif", huge)).contains("bad_image");
  }

  @Test
  void aHeaderCompleteInTheFirstChunkMayRefuseTheFileAtOnce() {
    byte[] huge = GIF.clone();
    huge[7] = (byte) 0x40; // 16,387 pixels across
    assertThat(BlobUpload.badFromTheStart(puts(BlobIds.of(huge), "image/gif", huge).get(0)))
        .isTrue();
    assertThat(BlobUpload.badFromTheStart(puts(BlobIds.of(GIF), "image/bmp", GIF).get(0))).isTrue();
    assertThat(BlobUpload.badFromTheStart(puts(BlobIds.of(GIF), "image/gif", GIF).get(0)))
        .isFalse();
    byte[] jpegStart = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x00};
    assertThat(
            BlobUpload.badFromTheStart(puts(BlobIds.of(jpegStart), "image/jpeg", jpegStart).get(0)))
        .as("a header the chunk does not finish waits for the file")
        .isFalse();
  }

  private static java.util.Optional<String> check(String id, String mime, byte[] bytes) {
    BlobUpload upload = BlobUpload.begin(puts(id, mime, bytes).get(0));
    puts(id, mime, bytes).forEach(upload::append);
    return upload.fault();
  }
}
