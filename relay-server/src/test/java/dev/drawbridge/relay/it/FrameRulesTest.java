package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Role;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 framing rules (R71, R72): raw frame bytes on a real socket after a real handshake, the
 * close code the client receives, and the room still serving its honest members afterwards.
 */
class FrameRulesTest extends WriterAndObserver {
  static final String ROOM = "frames";
  static final int TEXT = 0x81;
  static final int CLOSE = 0x88;
  static final int PING = 0x89;

  FrameRulesTest() {
    super(ROOM);
  }

  /** Writes {@code frames} (each already framed) as one write and returns the close code. */
  int send(byte[]... frames) throws Exception {
    try (Socket s =
        RawHttp.openWebSocket(
            fx.relay.port(), "/v1/rooms/" + ROOM, RelayFixture.token(ROOM, Role.EDITOR))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (byte[] f : frames) {
        bytes.write(f);
      }
      s.getOutputStream().write(bytes.toByteArray());
      s.getOutputStream().flush();
      return RawHttp.closeCode(s);
    }
  }

  static byte[] masked(int firstByte, byte[] payload) {
    return RawHttp.clientFrame(firstByte, true, payload);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A masked text frame header with a 64-bit length of 1 MiB and no payload yet. */
  static byte[] oneMebibyteHeader() {
    return new byte[] {(byte) TEXT, (byte) (0x80 | 127), 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4};
  }

  static Arguments attack(String name, int closeCode, byte[]... frames) {
    return Arguments.of(name, closeCode, frames);
  }

  static Stream<Arguments> attacks() {
    byte[] notUtf8 = {(byte) 0xC3, (byte) 0x28};
    List<Arguments> a = new ArrayList<>();
    a.add(
        attack(
            "R72 close reason not UTF-8",
            1007,
            masked(CLOSE, RawHttp.closePayload(1000, notUtf8))));
    a.add(
        attack(
            "R72 close reason not UTF-8, many times",
            1007,
            Stream.generate(() -> masked(CLOSE, RawHttp.closePayload(1001, notUtf8)))
                .limit(50)
                .toArray(byte[][]::new)));
    a.add(attack("R71 unmasked text frame", 1002, RawHttp.clientFrame(TEXT, false, utf8("{}"))));
    a.add(
        attack(
            "R71 unmasked close frame",
            1002,
            RawHttp.clientFrame(CLOSE, false, RawHttp.closePayload(1000))));
    a.add(attack("R71 close payload of one byte", 1002, masked(CLOSE, new byte[] {3})));
    for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535}) {
      a.add(attack("R71 close code " + code, 1002, masked(CLOSE, RawHttp.closePayload(code))));
    }
    a.add(attack("R71 ping of 126 bytes", 1002, masked(PING, new byte[126])));
    a.add(attack("R71 fragmented ping", 1002, masked(0x09, utf8("x"))));
    a.add(attack("R71 fragmented close", 1002, masked(0x08, RawHttp.closePayload(1000))));
    for (int rsv : new int[] {0x40, 0x20, 0x10}) {
      a.add(
          attack(
              "R71 reserved bit " + Integer.toHexString(rsv),
              1002,
              masked(TEXT | rsv, utf8("{}"))));
    }
    a.add(attack("R71 reserved bit on a ping", 1002, masked(PING | 0x40, new byte[0])));
    for (int opcode : new int[] {0x3, 0x7, 0xB, 0xF}) {
      a.add(attack("R71 opcode " + opcode, 1002, masked(0x80 | opcode, utf8("{}"))));
    }
    a.add(attack("R71 continuation without a message", 1002, masked(0x80, utf8("{}"))));
    a.add(
        attack(
            "R71 new message before the last one ended",
            1002,
            masked(0x01, utf8("{\"ty")),
            masked(TEXT, utf8("{}"))));
    a.add(attack("R9 header announcing 1 MiB", 4009, oneMebibyteHeader()));
    // Unchanged: a proper close is echoed, a text frame that is not UTF-8 stays 4002 (R7).
    a.add(
        attack(
            "close 1000 with a reason",
            1000,
            masked(CLOSE, RawHttp.closePayload(1000, utf8("bye ✓")))));
    a.add(attack("close without a payload", 1000, masked(CLOSE, new byte[0])));
    a.add(attack("close 4999", 4999, masked(CLOSE, RawHttp.closePayload(4999))));
    a.add(attack("R7 text not UTF-8", 4002, masked(TEXT, notUtf8)));
    a.add(attack("R7 first fragment not UTF-8", 4002, masked(0x01, notUtf8)));
    return a.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void frameIsRefusedAndTheRoomCarriesOn(String name, int closeCode, byte[][] frames)
      throws Exception {
    assertThat(send(frames)).as(name).isEqualTo(closeCode);
    String opId = "w" + Integer.toHexString(name.hashCode());
    writer.submitStroke(opId, "e" + opId);
    assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo(opId);
    assertThat(observer.nextOf(ServerMessage.OpBroadcast.class).clientId())
        .isEqualTo(writer.clientId);
  }
}
