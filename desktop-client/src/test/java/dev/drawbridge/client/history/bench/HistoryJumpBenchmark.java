package dev.drawbridge.client.history.bench;

import dev.drawbridge.client.bench.BenchBoard;
import dev.drawbridge.client.bench.BenchHistory;
import dev.drawbridge.client.geom.DrawnConnectors;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SpatialIndex;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.op.Op;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
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
 * Issue 17: "on a 100,000-op board any jump ≤ 150 ms". The history is {@link BenchHistory}'s:
 * {@link BenchBoard}'s 10,700 elements added, then 89,300 ops of others drawing.
 *
 * <ul>
 *   <li>{@code jump}: {@link Timeline#boardAt} at a random point (the nearest keyframe plus fewer
 *       than 1,000 applies);
 *   <li>{@code jumpAndIndex}: that plus what the canvas then does before it paints: index every
 *       visible element's painted bounds (as {@code ElementLayers.reset} does on {@code
 *       BoardCanvas.showPast} with a far jump). Painting the view is the render benchmark's figure;
 *   <li>{@code playbackFrame}: one playback frame at 64× on a fast board: the next 64 ops applied
 *       in place to the past board shown, their elements named and re-indexed (what {@code
 *       PastView} and {@code ElementLayers.elementsChanged} do before the region repaints).
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl desktop-client -am install -DskipTests
 * ./mvnw -pl desktop-client -Pbench test -Djmh.args="-f 1 -wi 3 -i 5 HistoryJump"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class HistoryJumpBenchmark {
  static final int OPS = 100_000;
  private static final int FRAME_OPS = 64;

  private Timeline timeline;
  private final Random random = new Random(5);
  private BoardState playing;
  private SpatialIndex playingIndex;
  private int playingAt;

  /** The 100,000-op history, built once (not measured). */
  @Setup(Level.Trial)
  public void build() {
    timeline = new Timeline(null);
    timeline.appendAll(BenchHistory.ops(OPS));
  }

  /** Playback starts a third of the way in, shown and indexed. */
  @Setup(Level.Iteration)
  public void startPlayback() {
    playingAt = OPS / 3;
    playing = timeline.boardAt(playingAt);
    playingIndex = index(playing);
  }

  private static SpatialIndex index(BoardState board) {
    SpatialIndex index = new SpatialIndex(256);
    for (Element e : board.visibleElements()) {
      index.put(e.id(), DrawnConnectors.paintedBounds(DrawnConnectors.drawn(e, board::get)));
    }
    return index;
  }

  @Benchmark
  public BoardState jump() {
    return timeline.boardAt(random.nextInt(OPS + 1));
  }

  @Benchmark
  public SpatialIndex jumpAndIndex() {
    return index(timeline.boardAt(random.nextInt(OPS + 1)));
  }

  @Benchmark
  public Set<String> playbackFrame() {
    if (playingAt + FRAME_OPS > OPS) {
      startPlayback();
    }
    Set<String> changed = new HashSet<>();
    for (int i = playingAt; i < playingAt + FRAME_OPS; i++) {
      Op op = timeline.op(i).op();
      playing.applyOp(op);
      changed.add(op.elementId());
    }
    playingAt += FRAME_OPS;
    for (String id : changed) {
      Element e = playing.get(id);
      Rect r =
          e == null || e.deleted()
              ? null
              : DrawnConnectors.paintedBounds(DrawnConnectors.drawn(e, playing::get));
      playingIndex.put(id, r);
    }
    return changed;
  }
}
