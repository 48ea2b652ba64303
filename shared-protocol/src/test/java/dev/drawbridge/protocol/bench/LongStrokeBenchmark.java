package dev.drawbridge.protocol.bench;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
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
 * Issue 19: "appending to a stroke costs the same whatever its length": one append of 10 points to
 * a stroke that already has {@code points} points, through the reducer as the relay applies ops
 * ({@link BoardState#applyOp}) and as a client applies confirmed ones ({@link BoardState#apply}).
 * Each invocation starts from a fresh stroke of that length (set up outside the timing) and grows
 * it by {@link #APPENDS} appends, as a pen does. Target: 5,000 points within 1.5× of 10.
 *
 * <pre>
 * ./mvnw -pl shared-protocol -Pbench test -Djmh.args="-f 1 -wi 5 -i 5 LongStroke"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LongStrokeBenchmark {
  static final int APPENDS = 1000;

  @Param({"10", "5000"})
  public int points;

  private Op.AppendPoints[] appends;
  private BoardState board;
  private long seq;

  @Setup(Level.Trial)
  public void ops() {
    appends = new Op.AppendPoints[APPENDS];
    for (int i = 0; i < APPENDS; i++) {
      float[] c = new float[20];
      for (int j = 0; j < 20; j++) {
        c[j] = i + j * 0.5f;
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
    // From a snapshot: an add carries at most 4,096 points (R31), a stroke holds up to 20,000.
    Element stroke =
        Element.freehand("el-long", ElementKind.STROKE, 0, 0, Points.of(c), Style.DEFAULT, 1);
    board = BoardState.fromSnapshot(new BoardSnapshot(0, List.of(stroke)));
    seq = 0;
  }

  /** As the relay's room applies each op it sequences. */
  @Benchmark
  @OperationsPerInvocation(APPENDS)
  public BoardState relayAppend() {
    for (Op.AppendPoints append : appends) {
      board.applyOp(append);
    }
    return board;
  }

  /** As a client applies confirmed ops (seq and op-id bookkeeping included). */
  @Benchmark
  @OperationsPerInvocation(APPENDS)
  public BoardState confirmedAppend() {
    for (Op.AppendPoints append : appends) {
      seq++;
      board.apply(seq, "op-" + seq, append);
    }
    return board;
  }
}
