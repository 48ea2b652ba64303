package dev.drawbridge.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the codec (docs/decisions/0008-fuzzing-with-jazzer.md): any frame
 * decodes to a record that survives a round trip, or is refused with a {@link ProtocolException}
 * carrying one of R8's reasons — never another exception (docs/protocol.md R7, R8, R9). Saved
 * inputs (the golden frames, and whatever fuzzing found) are in {@code CodecFuzzTestInputs/}.
 */
class CodecFuzzTest {
  /** Inputs beyond R9's frame limit are refused by length before decoding; keep runs quick. */
  private static final int MAX_INPUT = 64 * 1024;

  private static final ProtocolCodec codec = new ProtocolCodec();

  /**
   * The relay decodes text frames, the client bytes: both decoders hold the property, and on valid
   * UTF-8 they agree.
   */
  @FuzzTest(maxDuration = "2m")
  void clientFramesRoundTripOrAreRefusedAsDocumented(byte[] frame) {
    if (frame.length > MAX_INPUT) return;
    ClientMessage fromBytes = decodeClient(frame, true);
    String text = strictUtf8(frame);
    ClientMessage fromText =
        decodeClient(frame, false); // lenient: malformed bytes become U+FFFD, as a text frame would
    if (text != null) {
      assertThat(fromText).as("string and byte decoders agree on %s", text).isEqualTo(fromBytes);
    }
  }

  @FuzzTest(maxDuration = "2m")
  void serverFramesRoundTripOrAreRefusedAsDocumented(byte[] frame) {
    if (frame.length > MAX_INPUT) return;
    ServerMessage decoded;
    try {
      decoded = codec.decodeServer(new String(frame, StandardCharsets.UTF_8));
    } catch (ProtocolException e) {
      assertThat(e.reason()).isNotNull();
      return;
    }
    String again = codec.encode(decoded);
    try {
      assertThat(codec.decodeServer(again)).isEqualTo(decoded);
    } catch (ProtocolException e) {
      throw new AssertionError("a decoded message did not survive a round trip: " + again, e);
    }
  }

  /** The decoded message after checking its round trip, or null if it was refused (R8). */
  private static ClientMessage decodeClient(byte[] frame, boolean asBytes) {
    ClientMessage decoded;
    try {
      decoded =
          asBytes
              ? codec.decodeClient(frame)
              : codec.decodeClient(new String(frame, StandardCharsets.UTF_8));
    } catch (ProtocolException e) {
      assertThat(e.reason()).isNotNull();
      return null;
    }
    String again = codec.encode(decoded);
    try {
      assertThat(codec.decodeClient(again)).isEqualTo(decoded);
    } catch (ProtocolException e) {
      throw new AssertionError("a decoded message did not survive a round trip: " + again, e);
    }
    return decoded;
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
