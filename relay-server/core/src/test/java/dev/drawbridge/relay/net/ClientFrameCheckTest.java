package dev.drawbridge.relay.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.java_websocket.exceptions.InvalidDataException;
import org.junit.jupiter.api.Test;

/** R71, R72 on a byte stream that arrives in pieces of any size. */
class ClientFrameCheckTest {
  static byte[] masked(int firstByte, byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : 4;
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    byte[] f = new byte[header + 4 + n];
    f[0] = (byte) firstByte;
    f[1] = (byte) (0x80 | (n < 126 ? n : 126));
    if (n >= 126) {
      f[2] = (byte) (n >> 8);
      f[3] = (byte) n;
    }
    System.arraycopy(mask, 0, f, header, 4);
    for (int i = 0; i < n; i++) {
      f[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return f;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Feeds {@code stream} to a fresh check in pieces of {@code piece} bytes. */
  static void feed(byte[] stream, int piece) throws InvalidDataException {
    ClientFrameCheck check = new ClientFrameCheck();
    for (int i = 0; i < stream.length; i += piece) {
      ByteBuffer b = ByteBuffer.wrap(stream, i, Math.min(piece, stream.length - i)).slice();
      check.check(b);
      assertThat(b.position()).as("bytes are not consumed").isZero();
    }
  }

  static int closeCodeOf(byte[] stream, int piece) {
    try {
      feed(stream, piece);
      return 0;
    } catch (InvalidDataException e) {
      return e.getCloseCode();
    }
  }

  static final byte[] VALID =
      concat(
          masked(0x81, "{\"type\":\"ping\",\"t\":1}".getBytes()),
          masked(0x01, new byte[300]),
          masked(0x89, new byte[] {1, 2}),
          masked(0x00, new byte[60_000]),
          masked(0x80, new byte[] {'x'}),
          masked(0x8A, new byte[0]),
          masked(
              0x88,
              new byte[] {0x03, (byte) 0xE8, 'o', 'k', (byte) 0xE2, (byte) 0x9C, (byte) 0x93}));

  @Test
  void validFramesPassHoweverTheyAreSplit() throws InvalidDataException {
    for (int piece : new int[] {1, 2, 3, 5, 13, 64, 4096, VALID.length}) {
      feed(VALID, piece);
    }
  }

  @Test
  void aBadCloseReasonIsFoundHoweverItIsSplit() {
    byte[] stream =
        concat(
            masked(0x81, "{}".getBytes()),
            masked(0x88, new byte[] {0x03, (byte) 0xE8, 'a', (byte) 0xC3, (byte) 0x28}));
    for (int piece = 1; piece <= stream.length; piece++) {
      assertThat(closeCodeOf(stream, piece)).as("pieces of %d", piece).isEqualTo(1007);
    }
  }

  @Test
  void anUnmaskedFrameAfterValidOnesIsAProtocolError() {
    byte[] stream = concat(masked(0x81, new byte[200]), new byte[] {(byte) 0x81, 0x00});
    for (int piece = 1; piece <= stream.length; piece++) {
      assertThat(closeCodeOf(stream, piece)).as("pieces of %d", piece).isEqualTo(1002);
    }
  }

  @Test
  void closeCodesAClientMayNotSend() {
    for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000}) {
      byte[] close = masked(0x88, new byte[] {(byte) (code >> 8), (byte) code});
      assertThat(closeCodeOf(close, 1)).as("code %d", code).isEqualTo(1002);
    }
    for (int code : new int[] {1000, 1003, 1007, 1012, 1014, 3000, 4999}) {
      assertThat(ClientFrameCheck.sendableCloseCode(code)).as("code %d", code).isTrue();
    }
  }

  @Test
  void aFrameHeaderOnlyOverWhichTheLibraryDecidesIsLeftToIt() throws InvalidDataException {
    byte[] huge = {(byte) 0x81, (byte) 0xFF, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 9, 9};
    feed(huge, 1);
    assertThatThrownBy(() -> feed(masked(0x89, new byte[126]), 1))
        .isInstanceOf(InvalidDataException.class);
  }
}
