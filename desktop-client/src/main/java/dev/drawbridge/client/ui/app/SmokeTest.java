package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.ui.board.BoardView;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.RenderFence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --smoke-test}: ends the app once its window has rendered a pulse, or, with a board file to
 * open, once that board is on screen and painted, so that timing the whole process measures opening
 * a board from the file manager (issue 19).
 *
 * <p>With {@code -Ddrawbridge.smokeZoom=true} it first zooms the opened board the way people do: a
 * burst of three steps in, two steps out, then "fit", each waiting until the canvas has painted,
 * and logs how long each took: the first zoom of a session, timed in the installed app image
 * (docs/performance.md). With {@code =idle} it first waits until the canvas's idle pre-render of
 * the neighbouring zoom levels is done, as when someone looks at the board before zooming. Zooming
 * this way in the AOT training run did not make the first zoom faster (measured), so the training
 * run does not.
 */
final class SmokeTest extends AnimationTimer {
  static final String ZOOM_PROPERTY = "drawbridge.smokeZoom";
  private static final boolean WAIT_FOR_IDLE = "idle".equals(System.getProperty(ZOOM_PROPERTY));
  private static final Logger LOG = LoggerFactory.getLogger(SmokeTest.class);

  private final Supplier<BoardView> board;
  private final Queue<Burst> zooms = new ArrayDeque<>();
  private List<Consumer<BoardCanvas>> steps = List.of();
  private Burst burst;
  private long burstStart;
  private boolean settledPulse;
  // When the settled state was first seen (System.nanoTime): where the times used to stop.
  private long settledSeen;

  /** Zoom steps made one a pulse, then waited on until the canvas has painted. */
  private record Burst(String name, List<Consumer<BoardCanvas>> steps) {}

  SmokeTest(Supplier<BoardView> board) {
    this.board = board;
    if (Boolean.getBoolean(ZOOM_PROPERTY) || WAIT_FOR_IDLE) {
      Consumer<BoardCanvas> in = c -> c.zoomBy(1.25);
      Consumer<BoardCanvas> out = c -> c.zoomBy(0.8);
      zooms.add(new Burst("three steps in", List.of(in, in, in)));
      zooms.add(new Burst("two steps out", List.of(out, out)));
      zooms.add(new Burst("fit", List.of(BoardCanvas::zoomToFit)));
    }
  }

  @Override
  public void handle(long now) {
    BoardView view = board.get();
    if (view != null && !steps.isEmpty()) {
      steps.getFirst().accept(view.canvas()); // one step a pulse, as key repeat does
      steps = steps.subList(1, steps.size());
      return;
    }
    if (view != null && !view.canvas().isSettled()) {
      settledPulse = false;
      return;
    }
    if (!rendered()) {
      return;
    }
    if (burst != null) {
      LOG.info(
          "Smoke test: zoom {} painted {} ms after its first step (settled at {} ms)",
          burst.name(),
          (System.nanoTime() - burstStart) / 1_000_000,
          (settledSeen - burstStart) / 1_000_000);
      burst = null;
    }
    if (view != null && !zooms.isEmpty() && WAIT_FOR_IDLE && !view.canvas().isIdle()) {
      return; // as someone who looks at the board first: the idle pre-render has run
    }
    if (view != null && !zooms.isEmpty()) {
      if (burstStart == 0) {
        LOG.info("Smoke test: zooming {} ms after the process started", sinceStart());
      }
      burst = zooms.poll();
      steps = burst.steps();
      burstStart = System.nanoTime();
      handle(now);
      return;
    }
    stop();
    LOG.info(
        "Smoke test: {}, {} ms after the process started (settled {} ms before)",
        view == null
            ? "the main window rendered its first pulse"
            : "the board was opened and painted",
        sinceStart(),
        (System.nanoTime() - settledSeen) / 1_000_000);
    Platform.exit();
  }

  /**
   * False at the first pulse that finds the window settled; true at the next, once the render
   * thread has drawn every frame submitted so far ({@link RenderFence}): the frame the canvas
   * settled in may be submitted only at the end of the pulse that saw it.
   */
  private boolean rendered() {
    if (!settledPulse) {
      settledPulse = true;
      settledSeen = System.nanoTime();
      return false;
    }
    settledPulse = false;
    RenderFence.await();
    return true;
  }

  private static long sinceStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(t -> Duration.between(t, Instant.now()).toMillis())
        .orElse(-1L);
  }
}
