package dev.drawbridge.client.model.bench;

import dev.drawbridge.client.bench.BenchBoard;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.op.Op;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 7: "a remote op on a 10,000-element board: applied to the model in ≤ 0.1 ms (p50, JMH)".
 * {@link LocalBoard#applyRemote} on {@link BenchBoard} (10,700 elements) with nothing listening:
 * nine appends of 4 points to random strokes for every new stroke, as when others draw. Sampled per
 * call, so JMH reports the p50.
 *
 * <pre>
 * ./mvnw -q -pl desktop-client -am install -DskipTests
 * ./mvnw -pl desktop-client -Pbench test
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public class ApplyRemoteBenchmark {
  /** More ops than a 200 ms iteration applies, so none repeats within one. */
  private static final int OPS = 1 << 18;

  private LocalBoard board;
  private Op[] ops;
  private long seq;
  private int next;
  private List<Element> elements;

  @Setup(Level.Trial)
  public void generate() {
    elements = BenchBoard.elements();
    List<String> ids = elements.stream().map(Element::id).toList();
    Random r = new Random(3);
    ops = new Op[OPS];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = BenchBoard.remoteOp(i, r, ids);
    }
  }

  /** Every iteration starts from the same 10,700-element board, so strokes do not keep growing. */
  @Setup(Level.Iteration)
  public void freshBoard() {
    board = new LocalBoard();
    board.restore(new BoardSnapshot(0, elements), List.of());
    seq = 0;
    next = 0;
  }

  @Benchmark
  public LocalBoard applyRemote() {
    Op op = ops[next++ & (OPS - 1)];
    seq++;
    board.applyRemote(seq, "op" + seq, op);
    return board;
  }
}
