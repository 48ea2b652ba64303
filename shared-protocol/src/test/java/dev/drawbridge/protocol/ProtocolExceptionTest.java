package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.ProtocolException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a client frame can be refused, with its reason code and close code: R8 (bad JSON, bad
 * shape, unknown type: 4002) and R9 (over a size limit: 4009).
 */
class ProtocolExceptionTest {
  private static final String HELLO_TAIL = ",\"color\":\"#000000\",\"lastSeq\":0}";
  // One codec for every case, as in production: building one costs more than a test case.
  private static final ProtocolCodec codec = new ProtocolCodec();

  static Stream<Arguments> refusedFrames() {
    String hello = "{\"type\":\"hello\",\"protocolVersion\":1,\"clientId\":\"c1\",\"name\":";
    String op = "{\"type\":\"op\",\"id\":\"o1\",\"op\":";
    return Stream.of(
        // R8: not JSON at all
        Arguments.of(Reason.MALFORMED_JSON, ""),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1"),
        Arguments.of(Reason.MALFORMED_JSON, "{'type':'ping','t':1}"),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":NaN}"),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":01}"),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1} x"),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1,\"t\":2}"),
        Arguments.of(Reason.MALFORMED_JSON, "null"),
        // R8: NaN and Infinity anywhere, not only at the top level (issue 18)
        Arguments.of(
            Reason.MALFORMED_JSON, op + "{\"type\":\"add\",\"element\":" + element("NaN") + "}}"),
        Arguments.of(
            Reason.MALFORMED_JSON,
            op + "{\"type\":\"add\",\"element\":" + element("Infinity") + "}}"),
        Arguments.of(
            Reason.MALFORMED_JSON,
            op + "{\"type\":\"append\",\"elementId\":\"e\",\"points\":[1,-Infinity]}}"),
        Arguments.of(
            Reason.MALFORMED_JSON,
            op + "{\"type\":\"update\",\"elementId\":\"e\",\"patch\":{\"x\":NaN}}}"),
        Arguments.of(
            Reason.MALFORMED_JSON, "{\"type\":\"presence\",\"cursor\":{\"x\":NaN,\"y\":0}}"),
        Arguments.of(
            Reason.MALFORMED_JSON, "{\"type\":\"presence\",\"cursor\":{\"x\":1,\"y\":Infinity}}"),
        // R8: trailing data, such as a second message in the same frame (issue 18)
        Arguments.of(
            Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1}{\"type\":\"ping\",\"t\":2}"),
        Arguments.of(
            Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1} {\"type\":\"ping\",\"t\":2}"),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1}[]"),
        Arguments.of(Reason.MALFORMED_JSON, "{\"type\":\"ping\",\"t\":1}\"x\""),
        // R8: a type this side does not know (including a server type sent by a client)
        Arguments.of(Reason.UNKNOWN_TYPE, "{\"type\":\"nope\"}"),
        Arguments.of(Reason.UNKNOWN_TYPE, "{\"type\":\"welcome\",\"session\":\"s\"}"),
        Arguments.of(Reason.UNKNOWN_TYPE, op + "{\"type\":\"erase\",\"elementId\":\"e\"}}"),
        // R8: a required field is absent
        Arguments.of(Reason.MISSING_FIELD, "{\"t\":1}"),
        Arguments.of(Reason.MISSING_FIELD, "{\"type\":\"ping\"}"),
        Arguments.of(Reason.MISSING_FIELD, "{\"type\":\"hello\",\"protocolVersion\":1}"),
        Arguments.of(Reason.MISSING_FIELD, op + "{\"type\":\"delete\"}}"),
        Arguments.of(Reason.MISSING_FIELD, "{\"type\":\"op\",\"id\":\"o1\"}"),
        // R8: a field of the wrong JSON type
        Arguments.of(Reason.WRONG_TYPE, "{\"type\":\"ping\",\"t\":\"1\"}"),
        // R7: a message or an op is an object, never Jackson's ["type", {...}] wrapper array.
        Arguments.of(Reason.WRONG_TYPE, "[\"ping\",{\"t\":1}]"),
        Arguments.of(Reason.WRONG_TYPE, "[1,2,3]"),
        Arguments.of(Reason.WRONG_TYPE, op + "[\"delete\",{\"elementId\":\"e\"}]}"),
        Arguments.of(Reason.WRONG_TYPE, "{\"type\":\"ping\",\"t\":1.5}"),
        Arguments.of(Reason.WRONG_TYPE, hello + "5" + HELLO_TAIL),
        Arguments.of(Reason.WRONG_TYPE, hello + "true" + HELLO_TAIL),
        Arguments.of(Reason.WRONG_TYPE, "{\"type\":\"presence\",\"selection\":\"e1\"}"),
        Arguments.of(Reason.WRONG_TYPE, "[]"),
        Arguments.of(
            Reason.WRONG_TYPE,
            op + "{\"type\":\"append\",\"elementId\":\"e\",\"points\":\"AAAAAAAAAAA=\"}}"),
        Arguments.of(Reason.WRONG_TYPE, op + "\"delete\"}"),
        Arguments.of(Reason.WRONG_TYPE, op + "5}"),
        // R8: well-typed but out of range or badly formed
        Arguments.of(Reason.INVALID_VALUE, hello + "\"Ana\",\"color\":\"red\",\"lastSeq\":0}"),
        Arguments.of(Reason.INVALID_VALUE, hello + "\"Ana\",\"color\":\"#000000\",\"lastSeq\":-1}"),
        Arguments.of(
            Reason.INVALID_VALUE,
            hello + "\"Ana\",\"color\":\"#000000\",\"lastSeq\":3,\"lastOpId\":\"a b\"}"),
        Arguments.of(Reason.INVALID_VALUE, "{\"type\":\"presence\",\"selection\":[\"a b\"]}"),
        Arguments.of(
            Reason.INVALID_VALUE, "{\"type\":\"presence\",\"cursor\":{\"x\":1e400,\"y\":0}}"),
        Arguments.of(
            Reason.INVALID_VALUE,
            op + "{\"type\":\"append\",\"elementId\":\"e\",\"points\":[1,2,3]}}"),
        Arguments.of(Reason.INVALID_VALUE, "{\"type\":\"ping\",\"t\":99999999999999999999}"),
        // R9: over a size limit
        Arguments.of(Reason.TOO_BIG, hello + "\"" + "n".repeat(65) + "\"" + HELLO_TAIL),
        Arguments.of(
            Reason.TOO_BIG, op + "{\"type\":\"delete\",\"elementId\":\"" + "e".repeat(65) + "\"}}"),
        Arguments.of(Reason.TOO_BIG, hello + "\"" + "n".repeat(70_000) + "\"" + HELLO_TAIL),
        Arguments.of(Reason.TOO_BIG, "{\"type\":\"ping\",\"t\":1" + " ".repeat(256 * 1024) + "}"),
        Arguments.of(Reason.TOO_BIG, "{\"type\":\"ping\",\"t\":" + "1".repeat(65) + "}"),
        // R9: the string limit holds in unknown fields too, at any depth (issue 18)
        Arguments.of(
            Reason.TOO_BIG,
            op
                + "{\"type\":\"delete\",\"elementId\":\"e\",\"x\":\""
                + "u".repeat(200_000)
                + "\"}}"),
        Arguments.of(
            Reason.TOO_BIG, "{\"type\":\"ping\",\"t\":1,\"x\":\"" + "u".repeat(65_537) + "\"}"),
        Arguments.of(
            Reason.TOO_BIG,
            "{\"type\":\"ping\",\"t\":1,\"x\":[{\"y\":\"" + "u".repeat(65_537) + "\"}]}"),
        Arguments.of(
            Reason.TOO_BIG,
            "{\"type\":\"presence\",\"cursor\":{\"x\":1,\"y\":1,\"x2\":\""
                + "u".repeat(65_537)
                + "\"}}"),
        Arguments.of(
            Reason.TOO_BIG, "{\"t\":1,\"x\":\"" + "u".repeat(65_537) + "\",\"type\":\"ping\"}"),
        Arguments.of(
            Reason.TOO_BIG,
            op
                + "{\"type\":\"append\",\"elementId\":\"e\",\"points\":\""
                + "A".repeat(65_540)
                + "\"}}"),
        Arguments.of(Reason.TOO_BIG, op + "\"" + "d".repeat(65_537) + "\"}"),
        // R8: nested deeper than any valid message
        Arguments.of(
            Reason.TOO_DEEP,
            "{\"type\":\"ping\",\"t\":1,\"x\":" + "[".repeat(9) + "]".repeat(9) + "}"),
        Arguments.of(
            Reason.TOO_DEEP,
            "{\"type\":\"ping\",\"t\":1,\"x\":" + "{\"a\":".repeat(20) + "1" + "}".repeat(21)));
  }

  /** An element with {@code x} as its raw JSON value. */
  private static String element(String x) {
    return "{\"id\":\"e1\",\"kind\":\"stroke\",\"x\":"
        + x
        + ",\"y\":0,\"w\":0,\"h\":0,\"points\":[],\"style\":{\"color\":\"#000000\",\"width\":2,"
        + "\"fill\":false,\"opacity\":1,\"fontSize\":20},\"z\":1,\"deleted\":false}";
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusedFrames")
  void refusedWithReasonAndCloseCode(Reason expected, String frame) {
    assertThatThrownBy(() -> codec.decodeClient(frame))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(expected);
              assertThat(e.reason().closeCode())
                  .isEqualTo(
                      expected == Reason.TOO_BIG ? CloseCodes.TOO_BIG : CloseCodes.MALFORMED);
              assertThat(e.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            });
  }

  @Test
  void everyReasonHasAFrame() {
    Set<Reason> covered = EnumSet.noneOf(Reason.class);
    refusedFrames().forEach(a -> covered.add((Reason) a.get()[0]));
    assertThat(covered).containsExactlyInAnyOrder(Reason.values());
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void wireCodesAreLowerCaseNames(Reason reason) {
    assertThat(reason.code()).isEqualTo(reason.name().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void closeCodesFollowR8AndR9() {
    for (Reason reason : Reason.values()) {
      assertThat(reason.closeCode()).isEqualTo(reason == Reason.TOO_BIG ? 4009 : 4002);
    }
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] frame = "{\"type\":\"ping\",\"t\":1,\"x\":\"??\"}".getBytes(StandardCharsets.UTF_8);
    frame[frame.length - 4] = (byte) 0xC3; // a lead byte followed by an ASCII byte
    assertThatThrownBy(() -> codec.decodeClient(frame))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON));
  }

  @Test
  void unknownFieldsAreIgnored() throws ProtocolException {
    assertThat(codec.decodeClient("{\"type\":\"ping\",\"t\":7,\"future\":{\"a\":[1,2]}}"))
        .isEqualTo(new dev.drawbridge.protocol.message.ClientMessage.Ping(7));
  }

  @Test
  void unknownFieldsWithinTheLimitsAreDroppedEverywhere() throws ProtocolException {
    String limit = "u".repeat(65_536);
    String plain =
        "{\"type\":\"op\",\"id\":\"o1\",\"op\":{\"type\":\"add\",\"element\":"
            + element("5")
            + "}}";
    String withUnknowns =
        "{\"type\":\"op\",\"id\":\"o1\",\"x\":\""
            + limit
            + "\",\"op\":{\"type\":\"add\",\"future\":{\"a\":[1,\"b\"]},\"element\":"
            + element("5").replace("\"style\":{", "\"rotation\":90,\"style\":{\"glow\":true,")
            + "}}";
    var decoded = codec.decodeClient(withUnknowns);
    assertThat(decoded).isEqualTo(codec.decodeClient(plain));
    // Nothing of them survives the record: the relay stores and forwards what it re-encodes.
    assertThat(codec.encode(decoded)).doesNotContain("future", "rotation", "glow", limit);
  }

  @Test
  void aServerFrameMayBeLargerThanAClientFrame() throws ProtocolException {
    String padded = "{\"type\":\"pong\",\"t\":1" + " ".repeat(300 * 1024) + "}";
    assertThat(codec.decodeServer(padded))
        .isEqualTo(new dev.drawbridge.protocol.message.ServerMessage.Pong(1));
    assertThatThrownBy(
            () ->
                codec.decodeOp(
                    "{\"type\":\"delete\",\"elementId\":\"e\"" + " ".repeat(300 * 1024) + "}"))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_BIG));
  }
}
