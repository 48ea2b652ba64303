package dev.drawbridge.relay.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.drawbridge.protocol.CloseCodes;
import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.auth.Grant;
import dev.drawbridge.relay.auth.Role;
import dev.drawbridge.relay.oplog.InMemoryOpLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the relay's frame handling without the network
 * (docs/decisions/0008-fuzzing-with-jazzer.md): arbitrary text frames from one connection go
 * through the codec and into its {@link Session} as {@code RelayWebSocketServer.onMessage} sends
 * them. Nothing throws out, the connection is closed only with a documented code (docs/protocol.md
 * R5, R8, R9, R16, R22, R82, R83, rate limits), and another member of the room still gets its op
 * acked and stored afterwards.
 */
class SessionFuzzTest {
  private static final int MAX_FRAMES = 16;
  private static final int MAX_FRAME_CHARS = 4096;
  private static final Set<Integer> DOCUMENTED_CLOSES =
      Set.of(
          CloseCodes.VERSION_NOT_SUPPORTED,
          CloseCodes.MALFORMED,
          CloseCodes.FORBIDDEN,
          CloseCodes.RATE_LIMITED,
          CloseCodes.TOO_BIG,
          CloseCodes.ROOM_FULL,
          CloseCodes.REPLACED,
          CloseCodes.CLIENT_ID_TAKEN);
  private static final ProtocolCodec codec = new ProtocolCodec();

  @FuzzTest(maxDuration = "2m")
  void framesFromOneConnectionNeverStopTheRoom(FuzzedDataProvider data) {
    InMemoryOpLog log = new InMemoryOpLog();
    RoomRegistry registry = new RoomRegistry(log, RoomLimits.defaults(), new SimpleMeterRegistry());
    FakeSocket good = new FakeSocket();
    Session member = registry.open("room", good, new Grant(Role.EDITOR, null));
    member.receive(
        new ClientMessage.Hello(ProtocolVersion.CURRENT, "member", "Member", "#112233", 0), 100);

    FakeSocket fuzzed = new FakeSocket();
    Role role = data.consumeBoolean() ? Role.EDITOR : Role.VIEWER;
    Session session = registry.open("room", fuzzed, new Grant(role, null));
    int frames = data.consumeInt(1, MAX_FRAMES);
    for (int i = 0; i < frames && fuzzed.closeCode == null; i++) {
      String frame =
          i == frames - 1 ? data.consumeRemainingAsString() : data.consumeString(MAX_FRAME_CHARS);
      if (frame.length() > MAX_FRAME_CHARS) {
        frame = frame.substring(0, MAX_FRAME_CHARS);
      }
      try {
        session.receive(codec.decodeClient(frame), frame.length());
      } catch (ProtocolException e) {
        // RelayWebSocketServer.refuseFrame: error, then close with the reason's code (R8, R9).
        fuzzed.close(e.reason().closeCode(), e.reason().code());
      }
    }
    if (fuzzed.closeCode != null) {
      assertThat(fuzzed.closeCode).as(fuzzed.closeReason).isIn(DOCUMENTED_CLOSES);
    }
    session.closed();

    assertThat(good.closeCode).as("the other member stays connected").isNull();
    good.drain();
    long head = log.headSeq("room");
    member.receive(
        new ClientMessage.SubmitOp(
            "member-op",
            new Op.AddElement(
                Element.freehand(
                    "member-el", ElementKind.STROKE, 0, 0, Points.of(1, 1), Style.DEFAULT, 1))),
        100);
    assertThat(good.drain()).contains(new ServerMessage.Ack("member-op", head + 1, false));
    assertThat(log.headSeq("room")).isEqualTo(head + 1);
  }
}
