package dev.drawbridge.protocol.bench;

import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
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
 * {@link BoardState#hash()} of a 10,000-element board (target: ≤ 5 ms): 70 % strokes of 50 points,
 * 20 % shapes, 10 % text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BoardHashBenchmark {
  static final int ELEMENTS = 10_000;

  private BoardState board;
  private BoardSnapshot snapshot;
  private long edits;

  @Setup
  public void build() {
    Random random = new Random(11);
    board = new BoardState();
    for (int i = 0; i < ELEMENTS; i++) {
      String id = "el-" + i;
      int roll = random.nextInt(10);
      Element e =
          roll < 7
              ? Element.freehand(
                  id,
                  ElementKind.STROKE,
                  i % 100,
                  i / 100,
                  DrawingSession.points(random, 50),
                  Style.DEFAULT,
                  i)
              : roll < 9
                  ? Element.shape(
                      id, ElementKind.ELLIPSE, i % 100, i / 100, 40, 30, Style.DEFAULT, i)
                  : Element.text(id, i % 100, i / 100, "Note number " + i, Style.DEFAULT, i);
      board.apply(i + 1, "op-" + i, new Op.AddElement(e));
    }
    board.hash();
    snapshot = board.snapshot();
  }

  /** Every element digest already cached (the usual case: hash after each batch of ops). */
  @Benchmark
  public String hashCached() {
    return board.hash();
  }

  /** One element moved since the last hash: one digest to recompute. */
  @Benchmark
  public String hashAfterOneEdit() {
    board.applyOp(
        new Op.UpdateElement("el-" + (edits % ELEMENTS), ElementPatch.move(edits++ % 500, 1)));
    return board.hash();
  }

  /** A board just loaded from a snapshot: every element digest computed from scratch. */
  @Benchmark
  public String hashAfterLoad() {
    return BoardState.fromSnapshot(snapshot).hash();
  }
}
