package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import org.junit.jupiter.api.Test;

class CodecSmokeTest {
  private final ProtocolCodec codec = new ProtocolCodec();

  @Test
  void opRoundTrips() throws Exception {
    Element stroke =
        Element.freehand("e1", ElementKind.STROKE, 10, 20, Points.of(0, 0, 1, 2), Style.DEFAULT, 1);
    ClientMessage m = new ClientMessage.SubmitOp("op1", new Op.AddElement(stroke));
    String json = codec.encode(m);
    assertThat(codec.decodeClient(json)).isEqualTo(m);
    ServerMessage w =
        new ServerMessage.Welcome("s1", 0, "editor", java.util.List.of(), null, false);
    assertThat(codec.decodeServer(codec.encode(w))).isEqualTo(w);
  }

  @Test
  void badInputIsProtocolException() {
    assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"nope\"}"))
        .isInstanceOf(ProtocolException.class)
        .extracting(e -> ((ProtocolException) e).reason())
        .isEqualTo(ProtocolException.Reason.UNKNOWN_TYPE);
    try {
      codec.decodeClient("{\"type\":\"hello\",\"protocolVersion\":1}");
    } catch (ProtocolException e) {
      e.printStackTrace();
    }
    assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"hello\",\"protocolVersion\":1}"))
        .isInstanceOf(ProtocolException.class)
        .extracting(e -> ((ProtocolException) e).reason())
        .isEqualTo(ProtocolException.Reason.MISSING_FIELD);
    assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"ping\",\"t\":\"1\"}"))
        .isInstanceOf(ProtocolException.class)
        .extracting(e -> ((ProtocolException) e).reason())
        .isEqualTo(ProtocolException.Reason.WRONG_TYPE);
    try {
      codec.decodeClient(
          "{\"type\":\"ping\",\"t\":1,\"x\":" + "{\"a\":".repeat(20) + "1" + "}".repeat(21));
    } catch (ProtocolException e) {
      System.err.println("DBG " + e.getCause());
    }
    assertThatThrownBy(
            () ->
                codec.decodeClient(
                    "{\"type\":\"ping\",\"t\":1,\"x\":"
                        + "{\"a\":".repeat(20)
                        + "1"
                        + "}".repeat(21)))
        .isInstanceOf(ProtocolException.class)
        .extracting(e -> ((ProtocolException) e).reason())
        .isEqualTo(ProtocolException.Reason.TOO_DEEP);
  }
}
