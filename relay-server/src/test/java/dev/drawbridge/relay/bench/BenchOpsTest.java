package dev.drawbridge.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.op.Op;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The bench's workload: ops of about --op-size bytes whose ids carry their send time. */
class BenchOpsTest {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  @Test
  void anOpIsAboutTheAskedSizeAndAddsANewElementPerOp() throws Exception {
    BenchOps ops = new BenchOps(300);
    String first = ops.op(7, 0, 123_456_789L);
    assertThat(first.getBytes(StandardCharsets.UTF_8).length).isBetween(250, 350);
    ClientMessage.SubmitOp a = (ClientMessage.SubmitOp) CODEC.decodeClient(first);
    ClientMessage.SubmitOp b = (ClientMessage.SubmitOp) CODEC.decodeClient(ops.op(7, 1, 5L));
    assertThat(a.id()).isEqualTo("7.0.123456789");
    assertThat(((Op.AddElement) a.op()).element().id()).isEqualTo("e7.0");
    assertThat(((Op.AddElement) b.op()).element().id()).isEqualTo("e7.1");
  }

  @Test
  void aPensMixAddsAStrokeThenAppendsTenPointsToIt() throws Exception {
    BenchOps ops = new BenchOps(200, 16);
    for (long n = 0; n < 33; n++) {
      String frame = ops.op(3, n, 1L);
      Op op = ((ClientMessage.SubmitOp) CODEC.decodeClient(frame)).op();
      String stroke = "e3." + n / 16;
      if (n % 16 == 0) {
        assertThat(((Op.AddElement) op).element().id()).isEqualTo(stroke);
      } else {
        assertThat(((Op.AppendPoints) op).elementId()).isEqualTo(stroke);
        assertThat(((Op.AppendPoints) op).points().size()).isEqualTo(BenchOps.APPEND_POINTS);
        assertThat(frame.getBytes(StandardCharsets.UTF_8).length).isBetween(150, 260);
      }
    }
  }

  @Test
  void theSendTimeIsReadBackFromABenchIdOnly() {
    assertThat(BenchOps.sendTime("7.0.123456789")).isEqualTo(123_456_789L);
    assertThat(BenchOps.sendTime("7.0.-42")).isEqualTo(-42L);
    assertThat(BenchOps.sendTime("op-ana-0042")).isEqualTo(BenchOps.NO_TIME);
    assertThat(BenchOps.sendTime("draw.ing")).isEqualTo(BenchOps.NO_TIME);
  }

  @Test
  void helloJoinsFromTheStartAsTheClientsOwnId() throws Exception {
    ClientMessage.Hello hello = (ClientMessage.Hello) CODEC.decodeClient(BenchOps.hello(3));
    assertThat(hello.clientId()).isEqualTo("bench3");
    assertThat(hello.lastSeq()).isZero();
  }
}
