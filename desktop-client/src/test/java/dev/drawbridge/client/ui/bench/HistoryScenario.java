package dev.drawbridge.client.ui.bench;

import static dev.drawbridge.client.ui.bench.RenderBenchmark.onFx;

import dev.drawbridge.client.bench.BenchHistory;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.history.PastView;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * History figures of issue 17 in the render benchmark's window ({@code -Dbench.only=history}): a
 * 100,000-op history ({@link BenchHistory}) shown on the canvas through {@link PastView}, as the
 * history panel does.
 *
 * <ul>
 *   <li>jump: from the pulse that asks for a random point to the first pulse after the canvas
 *       settled (the board replayed from its keyframe, indexed, the view's tiles painted), at 100 %
 *       and with the whole board in view;
 *   <li>playback: frame gaps while each pulse moves on by 64 ops (64× on a board where someone
 *       draws ~60 ops a second) from the middle of the history.
 * </ul>
 *
 * <pre>
 * BENCH_JAVA_OPTS="-Dbench.only=history" desktop-client/src/bench/render-bench.sh
 * </pre>
 */
final class HistoryScenario {
  private static final int OPS = 100_000;
  private static final int JUMPS = 12;

  private final RenderBenchmark bench;
  private final BoardCanvas canvas;
  private final Random random = new Random(9);

  HistoryScenario(RenderBenchmark bench, BoardCanvas canvas) {
    this.bench = bench;
    this.canvas = canvas;
  }

  void run() throws Exception {
    Timeline timeline = new Timeline(null);
    timeline.appendAll(BenchHistory.ops(OPS));
    PastView past = new PastView(PastView.Screen.of(canvas));
    jumps("history jump to a random point, at 100 %, until settled", timeline, past);
    onFx(
        () -> {
          canvas.zoomToFit();
          return null;
        });
    bench.untilSettled(null);
    jumps("history jump to a random point, whole board in view, until settled", timeline, past);
    int[] at = {OPS / 2};
    onFx(
        () -> {
          past.show(timeline, at[0]);
          return null;
        });
    bench.untilSettled(null);
    bench.frames(
        "history playback, 64 ops a frame, whole board in view",
        300,
        f -> {
          at[0] = Math.min(OPS, at[0] + 64);
          past.show(timeline, at[0]);
          return true;
        });
    onFx(
        () -> {
          past.present();
          return null;
        });
    bench.untilSettled(null);
  }

  private void jumps(String name, Timeline timeline, PastView past) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < JUMPS; i++) {
      int target = random.nextInt(OPS + 1);
      ms.add(bench.untilSettled(() -> past.show(timeline, target)));
    }
    RenderBenchmark.report(name, ms);
  }
}
