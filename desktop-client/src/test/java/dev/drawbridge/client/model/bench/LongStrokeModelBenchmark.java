package dev.drawbridge.client.model.bench;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 19, client model: appending 10 points to a stroke of {@code points} points costs the same
 * for 10 and 5,000 (target within 1.5×). {@code remote}: another member's appends arrive ({@link
 * LocalBoard#applyRemote}); {@code own}: this user draws (pending on the view) and the relay acks
 * each append a few appends later, as on a real connection. Each invocation starts from a fresh
 * stroke of that length and grows it by {@link #APPENDS} appends.
 *
 * <pre>
 * ./mvnw -q -pl desktop-client -am install -DskipTests
 * ./mvnw -pl desktop-client -Pbench test -Djmh.args="-f 1 -wi 4 -i 5 LongStrokeModel"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LongStrokeModelBenchmark {
  static final int APPENDS = 1000;

  /** Appends in flight between submit and ack. */
  static final int IN_FLIGHT = 4;

  @Param({"10", "5000"})
  public int points;

  private Op.AppendPoints[] appends;
  private LocalBoard board;
  private long seq;

  @Setup(Level.Trial)
  public void ops() {
    appends = new Op.AppendPoints[APPENDS];
    for (int i = 0; i < APPENDS; i++) {
      float[] c = new float[20];
      for (int j = 0; j < 20; j++) {
        c[j] = i % 500 + j * 0.5f;
      }
      appends[i] = new Op.AppendPoints("el-long", Points.of(c));
    }
  }

  @Setup(Level.Invocation)
  public void freshStroke() {
    float[] c = new float[2 * points];
    for (int i = 0; i < c.length; i++) {
      c[i] = i % 997;
    }
    Element stroke =
        Element.freehand("el-long", ElementKind.STROKE, 0, 0, Points.of(c), Style.DEFAULT, 1);
    board = new LocalBoard();
    board.restore(new BoardSnapshot(1, List.of(stroke)), List.of());
    seq = 1;
  }

  @Benchmark
  @OperationsPerInvocation(APPENDS)
  public LocalBoard remote() {
    for (Op.AppendPoints append : appends) {
      seq++;
      board.applyRemote(seq, "op-" + seq, append);
    }
    return board;
  }

  @Benchmark
  @OperationsPerInvocation(APPENDS)
  public LocalBoard own() {
    List<String> sent = new ArrayList<>();
    for (Op.AppendPoints append : appends) {
      sent.add(board.submit(append));
      if (sent.size() > IN_FLIGHT) {
        seq++;
        board.acknowledge(sent.removeFirst(), seq);
      }
    }
    return board;
  }
}
