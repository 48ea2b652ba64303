package dev.drawbridge.protocol.bench;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolException;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.op.Op;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Messages per second through the codec on one thread (target: decode + encode ≥ 200,000/s). The
 * relay's hot path is {@link #relayOp}: decode a client's op, re-encode it once as a broadcast.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
  private final ProtocolCodec codec = new ProtocolCodec();
  private String appendFrame;
  private String addFrame;
  private ServerMessage broadcast;

  @Setup
  public void frames() {
    Random random = new Random(7);
    appendFrame =
        codec.encode(
            new ClientMessage.SubmitOp(
                "op-3f9c2a7e-0042",
                new Op.AppendPoints("el-3f9c2a7e-0007", DrawingSession.points(random, 8))));
    addFrame =
        codec.encode(
            new ClientMessage.SubmitOp(
                "op-3f9c2a7e-0043",
                new Op.AddElement(
                    Element.freehand(
                        "el-3f9c2a7e-0008",
                        ElementKind.STROKE,
                        120,
                        80,
                        DrawingSession.points(random, 32),
                        Style.DEFAULT,
                        17))));
    broadcast = new ServerMessage.OpBroadcast(1234, "op-1", "client-1", opOf(appendFrame));
  }

  private Op opOf(String frame) {
    try {
      return ((ClientMessage.SubmitOp) codec.decodeClient(frame)).op();
    } catch (ProtocolException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decode a live-stroke append from a client and encode it as the broadcast frame. */
  @Benchmark
  public byte[] relayOp() throws ProtocolException {
    ClientMessage.SubmitOp submit = (ClientMessage.SubmitOp) codec.decodeClient(appendFrame);
    return codec.encodeToBytes(
        new ServerMessage.OpBroadcast(1234, submit.id(), "client-1", submit.op()));
  }

  /** The same for a whole 32-point stroke (a larger frame). */
  @Benchmark
  public byte[] relayAddStroke() throws ProtocolException {
    ClientMessage.SubmitOp submit = (ClientMessage.SubmitOp) codec.decodeClient(addFrame);
    return codec.encodeToBytes(
        new ServerMessage.OpBroadcast(1234, submit.id(), "client-1", submit.op()));
  }

  @Benchmark
  public ClientMessage decodeAppend() throws ProtocolException {
    return codec.decodeClient(appendFrame);
  }

  @Benchmark
  public String encodeBroadcast() {
    return codec.encode(broadcast);
  }
}
