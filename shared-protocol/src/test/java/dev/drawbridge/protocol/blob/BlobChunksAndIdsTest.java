package dev.drawbridge.protocol.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** R108, R110: blob ids are SHA-256 in lowercase hex; chunks cut a file in order, none too long. */
class BlobChunksAndIdsTest {
  @Test
  void anIdIsTheSha256InLowercaseHex() {
    // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    assertThat(BlobIds.of("abc".getBytes()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(BlobIds.isValid(BlobIds.of(new byte[0]))).isTrue();
    assertThat(BlobIds.isValid("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
        .isFalse();
    assertThat(BlobIds.isValid("ba7816bf")).isFalse();
    assertThat(BlobIds.isValid("g".repeat(64))).isFalse();
    assertThat(BlobIds.isValid(null)).isFalse();
  }

  @Test
  void anIdCanBeHashedChunkByChunk() {
    byte[] bytes = new byte[100_000];
    new Random(1).nextBytes(bytes);
    var digest = BlobIds.sha256();
    for (BlobChunks.Chunk c : BlobChunks.of(bytes)) {
      digest.update(c.data());
    }
    assertThat(java.util.HexFormat.of().formatHex(digest.digest())).isEqualTo(BlobIds.of(bytes));
  }

  @Test
  void anEmptyFileHasNoChunks() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BlobChunks.of(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chunksCoverTheFileInOrderAndTheirBase64FitsAString() {
    int max = ProtocolLimits.MAX_BLOB_CHUNK_BYTES;
    for (int size : new int[] {1, max - 1, max, max + 1, 3 * max, 3 * max + 5}) {
      byte[] bytes = new byte[size];
      new Random(size).nextBytes(bytes);
      List<BlobChunks.Chunk> chunks = BlobChunks.of(bytes);
      assertThat(chunks).hasSize((size + max - 1) / max);
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      for (BlobChunks.Chunk c : chunks) {
        assertThat(c.offset()).isEqualTo(joined.size());
        assertThat(c.data().length).isBetween(1, max);
        joined.write(c.data(), 0, c.data().length);
      }
      assertThat(joined.toByteArray()).isEqualTo(bytes);
    }
    assertThat(Base64.getEncoder().encodeToString(new byte[max])).hasSize(65_536);
  }
}
