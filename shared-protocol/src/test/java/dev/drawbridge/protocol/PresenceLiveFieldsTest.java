package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.fixtures.Samples;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The presence fields of R88–R94 (view, presenting, laser, draft): bounded like every other field,
 * and invisible to readers that predate them.
 */
class PresenceLiveFieldsTest {
  private static final ProtocolCodec codec = new ProtocolCodec();

  private static ProtocolException.Reason refusal(String json) {
    try {
      codec.decodeClient(json);
    } catch (ProtocolException e) {
      return e.reason();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void aPresenceWithoutTheNewFieldsIsTheOldOneByteForByte() {
    // R93: a new client that does not present, point or type writes what old relays expect.
    ClientMessage.Presence plain = new ClientMessage.Presence(new Cursor(1, 2), List.of("a"));
    assertThat(codec.encode(plain))
        .isEqualTo(
            "{\"type\":\"presence\",\"cursor\":{\"x\":1.0,\"y\":2.0},\"selection\":[\"a\"]}");
    assertThat(new ClientMessage.Presence(null, null, null, false, Points.EMPTY, null))
        .isEqualTo(new ClientMessage.Presence(null, null));
  }

  @Test
  void anOldReaderIgnoresTheNewFields() throws ProtocolException {
    // What a relay or client from before R88 does with them (R8): read, checked, dropped. Here the
    // "old reader" is the same codec decoding into the fields it knows; the relay forwards only
    // what it knows, so through an old relay the others get a plain presence (R70, R93).
    String live = codec.encode(Samples.PRESENCE_LIVE);
    ClientMessage.Presence decoded = (ClientMessage.Presence) codec.decodeClient(live);
    ClientMessage.Presence old = new ClientMessage.Presence(decoded.cursor(), decoded.selection());
    assertThat(old.cursor()).isEqualTo(Samples.PRESENCE_LIVE.cursor());
    assertThat(
            codec.decodeClient(
                "{\"type\":\"presence\",\"cursor\":{\"x\":1,\"y\":2},\"follow\":{\"v\":[1,2]}}"))
        .isEqualTo(new ClientMessage.Presence(new Cursor(1, 2), List.of()));
  }

  @Test
  void theRelayForwardsEveryField() {
    ServerMessage.PresenceBroadcast b =
        ServerMessage.PresenceBroadcast.of("client-ana", Samples.PRESENCE_LIVE);
    assertThat(b.view()).isEqualTo(Samples.PRESENCE_LIVE.view());
    assertThat(b.asksToFollow()).isTrue();
    assertThat(b.laser()).isEqualTo(Samples.PRESENCE_LIVE.laser());
    assertThat(b.draft()).isEqualTo(Samples.PRESENCE_LIVE.draft());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"presence\",\"view\":{\"x\":0,\"y\":0,\"zoom\":0}}",
        "{\"type\":\"presence\",\"view\":{\"x\":0,\"y\":0,\"zoom\":1000}}",
        "{\"type\":\"presence\",\"view\":{\"x\":1e300,\"y\":0,\"zoom\":1}}",
        "{\"type\":\"presence\",\"view\":{\"x\":0,\"y\":-10000001,\"zoom\":1}}",
        "{\"type\":\"presence\",\"laser\":[1,2,3]}",
        "{\"type\":\"presence\",\"laser\":[1e30,2]}",
        "{\"type\":\"presence\",\"draft\":{\"x\":0,\"y\":0,\"fontSize\":0,\"text\":\"a\"}}",
        "{\"type\":\"presence\",\"draft\":{\"elementId\":\"no spaces\",\"x\":0,\"y\":0,"
            + "\"fontSize\":20,\"text\":\"a\"}}",
      })
  void outOfRangeValuesAreInvalid(String json) {
    assertThat(refusal(json)).isEqualTo(ProtocolException.Reason.INVALID_VALUE);
  }

  @Test
  void nanIsNotJson() {
    assertThat(refusal("{\"type\":\"presence\",\"view\":{\"x\":NaN,\"y\":0,\"zoom\":1}}"))
        .isEqualTo(ProtocolException.Reason.MALFORMED_JSON);
    assertThat(refusal("{\"type\":\"presence\",\"laser\":[Infinity,0]}"))
        .isEqualTo(ProtocolException.Reason.MALFORMED_JSON);
  }

  @Test
  void aLongLaserRunOrDraftIsTooBig() {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i <= ProtocolLimits.MAX_LASER_POINTS; i++) {
      points.append(i == 0 ? "" : ",").append(i).append(",").append(i);
    }
    assertThat(refusal("{\"type\":\"presence\",\"laser\":[" + points + "]}"))
        .isEqualTo(ProtocolException.Reason.TOO_BIG);
    String text = "x".repeat(ProtocolLimits.MAX_DRAFT_LENGTH + 1);
    assertThat(
            refusal(
                "{\"type\":\"presence\",\"draft\":{\"x\":0,\"y\":0,\"fontSize\":20,\"text\":\""
                    + text
                    + "\"}}"))
        .isEqualTo(ProtocolException.Reason.TOO_BIG);
    assertThat(refusal("{\"type\":\"presence\",\"draft\":{\"x\":0,\"y\":0,\"fontSize\":20}}"))
        .isEqualTo(ProtocolException.Reason.MISSING_FIELD);
  }

  @Test
  void presentingFalseIsNotWritten() throws ProtocolException {
    assertThat(codec.decodeClient("{\"type\":\"presence\",\"presenting\":false}"))
        .isEqualTo(new ClientMessage.Presence(null, null));
    assertThat(refusal("{\"type\":\"presence\",\"presenting\":\"yes\"}"))
        .isEqualTo(ProtocolException.Reason.WRONG_TYPE);
  }
}
