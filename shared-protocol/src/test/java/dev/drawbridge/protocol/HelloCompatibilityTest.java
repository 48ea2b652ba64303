package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drawbridge.protocol.message.ClientMessage;
import org.junit.jupiter.api.Test;

/**
 * {@code hello.clientKey} between releases (docs/protocol.md R80, R85, §11 version notes): a hello
 * from before the key still reads as one without it, and a relay that does not know a hello field
 * ignores it, which is what a relay from before R80 does with {@code clientKey}.
 */
class HelloCompatibilityTest {
  private static final ProtocolCodec codec = new ProtocolCodec();

  /** The golden hello of the release before R80 (commit d307091), byte for byte. */
  private static final String HELLO_BEFORE_R80 =
      "{\"type\":\"hello\",\"protocolVersion\":1,\"clientId\":\"client-ana\",\"name\":\"Ana\","
          + "\"color\":\"#1971c2\",\"lastSeq\":41,\"lastOpId\":\"op-7f3a\"}";

  @Test
  void r85_aHelloFromBeforeTheKeyReadsAsOneWithoutIt() throws Exception {
    ClientMessage.Hello old = (ClientMessage.Hello) codec.decodeClient(HELLO_BEFORE_R80);
    assertThat(old.clientKey()).isNull();
    assertThat(old)
        .isEqualTo(new ClientMessage.Hello(1, "client-ana", "Ana", "#1971c2", 41, "op-7f3a"));
    // And a hello without a key is written exactly as before: an old peer sees no difference.
    assertThat(codec.encode(old)).isEqualTo(HELLO_BEFORE_R80);
  }

  @Test
  void r70_aHelloFieldThisBuildDoesNotKnowIsIgnored() throws Exception {
    String newer = HELLO_BEFORE_R80.replace("}", ",\"clientKey\":\"k-1\",\"clientProof\":\"p-2\"}");
    ClientMessage.Hello hello = (ClientMessage.Hello) codec.decodeClient(newer);
    assertThat(hello.clientKey()).isEqualTo("k-1");
    assertThat(hello.withClientKey(null))
        .isEqualTo(new ClientMessage.Hello(1, "client-ana", "Ana", "#1971c2", 41, "op-7f3a"));
  }

  @Test
  void r60_aKeyIsAnId() {
    String tooLong = "k".repeat(65);
    String frame = HELLO_BEFORE_R80.replace("}", ",\"clientKey\":\"" + tooLong + "\"}");
    assertThat(catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(frame)))
        .extracting(e -> e.reason().closeCode())
        .isEqualTo(CloseCodes.TOO_BIG);
    String bad = HELLO_BEFORE_R80.replace("}", ",\"clientKey\":\"not a key\"}");
    assertThat(catchThrowableOfType(ProtocolException.class, () -> codec.decodeClient(bad)))
        .extracting(e -> e.reason().closeCode())
        .isEqualTo(CloseCodes.MALFORMED);
  }
}
