package dev.drawbridge.protocol.bench;

import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Confirmed ops per second through {@link BoardState#apply} (target: ≥ 1,000,000 ops/s). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BoardApplyBenchmark {
  static final int OPS = 100_000;

  private Op[] ops;
  private String[] opIds;

  @Setup
  public void generate() {
    List<Op> session = DrawingSession.ops(OPS, 42);
    ops = session.toArray(Op[]::new);
    opIds = new String[OPS];
    for (int i = 0; i < OPS; i++) {
      opIds[i] = "op-client-" + i;
    }
  }

  /** A fresh board receives a 100,000-op drawing session, op by op. */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public BoardState applyDrawingSession() {
    BoardState state = new BoardState();
    for (int i = 0; i < OPS; i++) {
      state.apply(i + 1, opIds[i], ops[i]);
    }
    return state;
  }
}
