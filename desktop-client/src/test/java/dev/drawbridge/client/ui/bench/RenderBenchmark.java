package dev.drawbridge.client.ui.bench;

import dev.drawbridge.client.bench.BenchBoard;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.ui.app.AppWindow;
import dev.drawbridge.client.ui.board.BoardView;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.RenderFence;
import dev.drawbridge.client.ui.settings.SettingsStore;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

/**
 * Rendering figures for issue 7 in a real 1920×1080 window (not a test: run it, read the numbers).
 * Opens the app's own board view ({@link AppWindow#showBoard} with a {@link LocalOnlySession}) on a
 * generated board of 10,000 freehand strokes (50 points each), 500 shapes and 200 texts, then runs
 * each scenario and prints the gaps between pulses.
 *
 * <pre>
 * desktop-client/src/bench/render-bench.sh        (starts Xvfb :97 at 1920x1080, -Dprism.order=sw)
 * BENCH_JAVA_OPTS="-Dbench.only=zoom,fit -Dbench.coldOnly=true" desktop-client/src/bench/render-bench.sh
 * </pre>
 *
 * <p>The zoom and fit scenarios report warm rows (the level was cached or pre-rendered while the
 * board was idle) and cold rows (the level cache and pre-render off, {@code
 * BoardCanvas.setZoomCache(false)}: a level never painted, as after quick repeated steps or right
 * after a change); {@code -Dbench.coldOnly=true} runs only the cold rows.
 *
 * <p>A frame time here is the gap between two pulses, recorded by an AnimationTimer, with pulses
 * unthrottled ({@code -Djavafx.animation.fullspeed=true}, set by this class unless given): the next
 * pulse starts only when the FX thread has done its work and the render thread has rasterised the
 * previous frame, so the gap is what one frame really costs, not the time of the draw calls. Mouse
 * input goes through the platform ({@link Robot} → X server → glass → the scene's event dispatch),
 * one pointer move per pulse.
 *
 * <p>{@code -Dbench.only=photos} runs only the picture scenario of issue 15 ({@link
 * PhotoScenario}), in a JVM of its own so that its RSS figure is the photo board's alone.
 *
 * <p>"Until settled" figures (zoom, rebuild, history jumps) run from the change to the moment the
 * render thread has finished the frame in which the canvas reported nothing pending: at the next
 * pulse the benchmark waits for every frame submitted so far (a render fence, {@link RenderFence}),
 * so they include up to one idle frame. Before 2026-12-04 they ended at that next pulse, which on
 * the software pipeline need not wait for the render thread (docs/performance.md, "Correction").
 */
public final class RenderBenchmark {
  private static final int STROKES = BenchBoard.STROKES;
  private static final int POINTS = BenchBoard.POINTS;
  private static final int SHAPES = BenchBoard.SHAPES;
  private static final int TEXTS = BenchBoard.TEXTS;
  private static final double BOARD_W = BenchBoard.WIDTH;
  private static final double BOARD_H = BenchBoard.HEIGHT;

  private final Random random = new Random(7);
  private Stage stage;
  private AppWindow window;
  private BoardView view;
  private BoardCanvas canvas;
  private Robot robot;
  private long seq;
  private final List<Long> layoutStamps = new ArrayList<>();
  private final java.util.Map<String, Integer> events = new java.util.TreeMap<>();
  private int remoteCount;

  private RenderBenchmark() {}

  /** Shows {@code session}'s board in the benchmark's window (the photo scenario's board). */
  BoardCanvas show(LocalOnlySession session) throws Exception {
    onFx(
        () -> {
          view = window.showBoard(session);
          canvas = view.canvas();
          return null;
        });
    return canvas;
  }

  public static void main(String[] args) throws Exception {
    if (System.getProperty("javafx.animation.fullspeed") == null) {
      System.setProperty("javafx.animation.fullspeed", "true");
    }
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    int code = 0;
    try {
      new RenderBenchmark().run();
    } catch (Throwable t) {
      t.printStackTrace();
      code = 1;
    }
    Platform.exit();
    System.exit(code);
  }

  /** {@code -Dbench.only=pan,remote}: run only scenarios whose name contains one of these. */
  private static boolean wanted(String name) {
    String only = System.getProperty("bench.only", "");
    if (only.isBlank()) {
      return true;
    }
    for (String w : only.split(",")) {
      if (name.contains(w.trim())) {
        return true;
      }
    }
    return false;
  }

  private void run() throws Exception {
    System.out.printf(
        Locale.ROOT,
        "java %s, %d cpus, prism.order=%s, fullspeed=%s, max heap %d MB%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("prism.order"),
        System.getProperty("javafx.animation.fullspeed"),
        Runtime.getRuntime().maxMemory() >> 20);
    Path home = Files.createTempDirectory("drawbridge-render-bench");
    onFx(
        () -> {
          stage = new Stage();
          stage.setX(0);
          stage.setY(0);
          window = new AppWindow(stage, new SettingsStore(home), 1920, 1080);
          stage.show();
          robot = new Robot();
          stage
              .getScene()
              .addPostLayoutPulseListener(
                  () -> {
                    synchronized (layoutStamps) {
                      if (layoutStamps.size() < 100_000) {
                        layoutStamps.add(System.nanoTime());
                      }
                    }
                  });
          stage
              .getScene()
              .addEventFilter(
                  javafx.scene.input.MouseEvent.ANY,
                  e -> {
                    if (e.getEventType() != javafx.scene.input.MouseEvent.MOUSE_MOVED) {
                      events.merge(
                          e.getEventType()
                              + " "
                              + e.getButton()
                              + (e.getEventType() == javafx.scene.input.MouseEvent.MOUSE_PRESSED
                                  ? " on " + e.getTarget()
                                  : ""),
                          1,
                          Integer::sum);
                    }
                  });
          return null;
        });
    idleFrames(30);
    if (PhotoScenario.ONLY) {
      new PhotoScenario(this).run(home);
      onFx(
          () -> {
            stage.close();
            return null;
          });
      return;
    }
    long heapEmpty = heapAfterGc();
    List<Element> elements = BenchBoard.elements();
    LocalBoard board = new LocalBoard();
    board.restore(new BoardSnapshot(0, elements), List.of());
    seq = board.confirmedSeq();
    long heapModel = heapAfterGc();
    long direct0 = directBytes();
    long t0 = System.nanoTime();
    onFx(
        () -> {
          view = window.showBoard(new LocalOnlySession(board, "bench", "bench"));
          canvas = view.canvas();
          return null;
        });
    double open = untilSettled(null);
    System.out.printf(
        Locale.ROOT,
        "board: %d strokes x %d points, %d shapes, %d texts; canvas %.0fx%.0f; opened and"
            + " painted in %.0f ms (%.0f ms from showBoard)%n",
        STROKES,
        POINTS,
        SHAPES,
        TEXTS,
        fx(canvas::getWidth),
        fx(canvas::getHeight),
        open,
        (System.nanoTime() - t0) / 1e6);
    // The heap figure includes the zoom levels pre-rendered around the opening (fit) view.
    untilIdle();
    idleFrames(30);
    long heapView = heapAfterGc();
    long direct1 = directBytes();
    System.out.printf(
        Locale.ROOT,
        "heap after GC: start screen %.1f MB; + board model %.1f MB; board shown %.1f MB%n"
            + "  model %.1f MB, render state (board view, index, tiles, live layer, zoom levels"
            + " pre-rendered) %.1f MB heap"
            + " + %.1f MB direct%n",
        heapEmpty / 1e6,
        heapModel / 1e6,
        heapView / 1e6,
        (heapModel - heapEmpty) / 1e6,
        (heapView - heapModel) / 1e6,
        (direct1 - direct0) / 1e6);

    // 100 %, centred on the board: about 5 % of it in view.
    onFx(
        () -> {
          canvas.viewport().set(1, 0, 0);
          canvas.zoomTo(1);
          canvas.viewport().set(1, -(BOARD_W - 1920) / 2, -(BOARD_H - 1080) / 2);
          canvas.zoomTo(1);
          return null;
        });
    untilSettled(null);
    // What a pulse costs while the zoom levels around this view are pre-rendered (nobody touching
    // the board): input arriving meanwhile waits for at most one of these.
    List<Double> prerenderPulses = frames(null, 100_000, f -> !canvas.isIdle());
    report("pulses while the idle zoom pre-render runs (until done)", prerenderPulses);
    idleFrames(30);
    if (wanted("idle")) {
      frames("idle (nothing changes)", 120, f -> true);
    }
    if (wanted("floor")) {
      // The least a changing frame costs here: a 2x2 square changes colour each pulse.
      javafx.scene.shape.Rectangle dot = new javafx.scene.shape.Rectangle(2, 2);
      onFx(
          () -> {
            dot.setManaged(false);
            dot.relocate(600, 400);
            canvas.getChildren().add(dot);
            return null;
          });
      frames(
          "floor: a 2x2 px node changes each pulse",
          240,
          f -> {
            dot.setFill(f % 2 == 0 ? javafx.scene.paint.Color.RED : javafx.scene.paint.Color.BLUE);
            return true;
          });
      onFx(
          () -> {
            canvas.getChildren().remove(dot);
            return null;
          });
    }
    if (wanted("draw")) {
      drawStrokes("draw a stroke (robot drags, pen)", 3, 200);
    }
    if (wanted("pan")) {
      pan("pan (middle-button drag, 6 px a pulse)", 480);
    }
    if (wanted("pan")) {
      // Back and forth within the tiles already painted: moving bitmaps only.
      List<Double> gaps =
          frames(
              null,
              242,
              f -> {
                int k = Math.min(f, 240) % 40;
                double x = 400 + 6 * (k < 20 ? k : 40 - k);
                robot.mouseMove(onCanvas(x, 400));
                if (f == 0) {
                  robot.mousePress(MouseButton.MIDDLE);
                } else if (f == 241) {
                  robot.mouseRelease(MouseButton.MIDDLE);
                }
                return true;
              });
      report("pan to and fro within painted tiles (±60 px)", gaps);
      untilSettled(null);
    }
    // -Dbench.coldOnly=true: the zoom and fit scenarios skip their warm rows (quicker A/B runs of
    // the cold case: a level neither cached nor pre-rendered, BoardCanvas.setZoomCache(false)).
    boolean warm = !Boolean.getBoolean("bench.coldOnly");
    if (wanted("zoom")) {
      // Warm: from a resting view, after the idle pre-render of the neighbouring levels is done.
      List<Double> zoomSteps = new ArrayList<>();
      List<Double> prerender = new ArrayList<>();
      for (int i = 0; i < (warm ? 8 : 0); i++) {
        double factor = i % 2 == 0 ? 1.2 : 1 / 1.2;
        prerender.add(untilIdle());
        zoomSteps.add(untilSettled(() -> canvas.zoomBy(factor)));
      }
      if (warm) {
        report("zoom step at 100 % (x1.2 / /1.2), warm: after the idle pre-render", zoomSteps);
        report("  idle pre-render finished this long after the previous step settled", prerender);
      }
      // Quick steps: three steps in, one a pulse, from a resting view; the third level was
      // neither shown nor pre-rendered.
      report("three quick steps in (x1.73, a level not pre-rendered), cold", quickSteps(false));
      // The same with the level cache emptied before each burst (then the idle pre-render fills
      // it again): above, a later burst may find the levels an earlier one painted still cached,
      // so only its first sample is sure to be cold.
      report("  the same, level cache emptied before each (then pre-rendered)", quickSteps(true));
      // Cold: the level cache and the pre-render off, as the canvas was before.
      onFx(
          () -> {
            canvas.setZoomCache(false);
            return null;
          });
      List<Double> cold = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        double factor = i % 2 == 0 ? 1.2 : 1 / 1.2;
        idleFrames(5);
        cold.add(untilSettled(() -> canvas.zoomBy(factor)));
      }
      report("zoom step at 100 % (x1.2 / /1.2), cold: level cache off", cold);
      onFx(
          () -> {
            canvas.setZoomCache(true);
            return null;
          });
      untilIdle();
    }
    if (wanted("fit")) {
      List<Double> fit = new ArrayList<>();
      List<Double> back = new ArrayList<>();
      List<Double> prerender = new ArrayList<>();
      for (int i = 0; i < (warm ? 4 : 0); i++) {
        prerender.add(untilIdle());
        fit.add(untilSettled(canvas::zoomToFit));
        untilIdle();
        back.add(untilSettled(() -> canvas.zoomTo(1)));
      }
      if (warm) {
        report("zoom out to the whole board (fit), warm: after the idle pre-render", fit);
        report("  idle pre-render at 100 % finished this long after the view settled", prerender);
        report("back to 100 % from fit (the level left), warm", back);
      }
      onFx(
          () -> {
            canvas.setZoomCache(false);
            return null;
          });
      List<Double> cold = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        idleFrames(5);
        cold.add(untilSettled(canvas::zoomToFit));
        idleFrames(5);
        untilSettled(() -> canvas.zoomTo(1));
      }
      report("zoom out to the whole board (fit), cold: level cache off", cold);
      onFx(
          () -> {
            canvas.setZoomCache(true);
            return null;
          });
      untilIdle();
    }
    if (wanted("zoom") || wanted("fit")) {
      // The level cache is full of pre-rendered and recently shown levels now.
      untilSettled(canvas::zoomToFit);
      untilIdle();
      untilSettled(() -> canvas.zoomTo(1));
      untilIdle();
      long heapCache = heapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "render state with the zoom-level cache filled (after fit, back, pre-render): %.1f MB"
              + " heap%n",
          (heapCache - heapModel) / 1e6);
    }
    if (wanted("rebuild")) {
      untilSettled(canvas::zoomToFit);
      idleFrames(10);
      List<Double> rebuildFit = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rebuildFit.add(untilSettled(() -> canvas.gridProperty().set(!canvas.gridProperty().get())));
        idleFrames(5);
      }
      report("rebuild the cached layer, whole board in view (grid toggled)", rebuildFit);
      List<Double> fxOnly = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        fxOnly.add(
            fx(
                () -> {
                  long t = System.nanoTime();
                  canvas.gridProperty().set(!canvas.gridProperty().get());
                  canvas.flush();
                  return (System.nanoTime() - t) / 1e6;
                }));
        untilSettled(null);
      }
      report("  FX-thread part of that rebuild (flush(), commands only)", fxOnly);
      drawStrokes("draw a stroke, whole board in view", 2, 200);
      drawDuringRebuild("draw while the cached layer rebuilds (whole board)", 200);

      untilSettled(() -> canvas.zoomTo(1));
      idleFrames(10);
      List<Double> rebuild = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rebuild.add(untilSettled(() -> canvas.gridProperty().set(!canvas.gridProperty().get())));
        idleFrames(5);
      }
      report("rebuild the cached layer at 100 % (grid toggled)", rebuild);
    }
    if (wanted("remote")) {
      // Last: LocalOnlySession numbers its own acks from the seq it started with, so local
      // strokes drawn after remote ops would be acked below the head and dropped.
      remoteStrokes("remote strokes arrive (add + 4-point appends)", 400);
    }
    if (wanted("history")) {
      new HistoryScenario(this, canvas).run();
    }
    if (System.getProperty("bench.shot") != null) {
      // Hold the window for a screenshot, a few elements in view selected.
      onFx(
          () -> {
            String zoomProp = System.getProperty("bench.shotZoom", "1.5");
            if (zoomProp.equals("fit")) {
              canvas.zoomToFit();
            } else {
              canvas.zoomTo(Double.parseDouble(zoomProp));
            }
            view.model()
                .selection()
                .set(canvas.elementsNear(canvas.visibleArea()).stream().limit(3).toList());
            return null;
          });
      untilSettled(null);
      System.out.println("ready for a screenshot");
      Files.writeString(home.resolve("ready"), "ready");
      System.out.println("marker " + home.resolve("ready"));
      idleFrames(60);
      Thread.sleep(Long.getLong("bench.shot"));
    }

    applyRemoteModel();
    onFx(
        () -> {
          stage.close();
          return null;
        });
  }

  // ---- scenarios --------------------------------------------------------------------------

  private void drawStrokes(String name, int strokes, int framesPerStroke) throws Exception {
    onFx(
        () -> {
          view.model().toolProperty().set(ToolKind.PEN);
          return null;
        });
    int before = fx(() -> view.session().board().view().visibleElements().size());
    List<Double> gaps = new ArrayList<>();
    for (int s = 0; s < strokes; s++) {
      double cx = 500 + 400 * s;
      double cy = 500;
      gaps.addAll(
          frames(
              null,
              framesPerStroke + 2,
              f -> {
                Point2D p = onCanvas(cx + 300 * Math.sin(f * 0.05), cy + 200 * Math.sin(f * 0.11));
                robot.mouseMove(p);
                if (f == 0) {
                  robot.mousePress(MouseButton.PRIMARY);
                } else if (f == framesPerStroke + 1) {
                  robot.mouseRelease(MouseButton.PRIMARY);
                }
                return true;
              }));
      idleFrames(10);
    }
    int after = fx(() -> view.session().board().view().visibleElements().size());
    report(name + " [" + (after - before) + " strokes reached the board]", gaps);
    if (after - before != strokes) {
      System.out.println("  mouse events seen: " + fx(() -> new java.util.TreeMap<>(events)));
    }
    onFx(
        () -> {
          events.clear();
          return null;
        });
  }

  private void drawDuringRebuild(String name, int frameCount) throws Exception {
    List<Double> gaps =
        frames(
            null,
            frameCount + 2,
            f -> {
              Point2D p = onCanvas(800 + 300 * Math.sin(f * 0.05), 500 + 200 * Math.sin(f * 0.11));
              robot.mouseMove(p);
              if (f == 0) {
                robot.mousePress(MouseButton.PRIMARY);
              } else if (f == 3) {
                canvas.gridProperty().set(!canvas.gridProperty().get());
              } else if (f == frameCount + 1) {
                robot.mouseRelease(MouseButton.PRIMARY);
              }
              return true;
            });
    report(name, gaps);
    untilSettled(null);
  }

  private void remoteStrokes(String name, int frameCount) throws Exception {
    LocalBoard board = fx(() -> view.session().board());
    List<Double> applyMs = new ArrayList<>();
    String[] current = {null};
    List<Double> gaps =
        frames(
            null,
            frameCount,
            f -> {
              Op op;
              if (f % 50 == 0) {
                Rect v = canvas.visibleArea();
                current[0] = "remote-" + remoteCount++;
                op =
                    new Op.AddElement(
                        Element.freehand(
                            current[0],
                            ElementKind.STROKE,
                            v.minX() + random.nextDouble() * v.width(),
                            v.minY() + random.nextDouble() * v.height(),
                            Points.of(0, 0),
                            Style.DEFAULT,
                            board.view().topZ() + 1));
              } else {
                float[] pts = new float[8];
                for (int i = 0; i < 4; i++) {
                  pts[2 * i] = (float) (f % 50 * 4 + i) * 2;
                  pts[2 * i + 1] = (float) (40 * Math.sin((f % 50 * 4 + i) * 0.1));
                }
                op = new Op.AppendPoints(current[0], Points.of(pts));
              }
              long t = System.nanoTime();
              board.applyRemote(++seq, "op-" + seq, op);
              applyMs.add((System.nanoTime() - t) / 1e6);
              return true;
            });
    report(name, gaps);
    report("  applyRemote with the canvas listening (per op)", applyMs);
  }

  void pan(String name, int frameCount) throws Exception {
    int leg = frameCount / 4;
    List<Double> gaps =
        frames(
            null,
            frameCount + 2,
            f -> {
              int g = Math.min(f, frameCount);
              // A square: right, down, left, up; 6 px a pulse, the pointer kept on the canvas by
              // starting it away from the edge it moves towards.
              double x;
              double y;
              int k = g % leg;
              switch (g / leg) {
                case 0 -> {
                  x = 200 + 6 * k;
                  y = 300;
                }
                case 1 -> {
                  x = 200 + 6 * leg;
                  y = 300 + 6 * k * 0.5;
                }
                case 2 -> {
                  x = 200 + 6 * (leg - k);
                  y = 300 + 3 * leg;
                }
                default -> {
                  x = 200;
                  y = 300 + 3 * (leg - k);
                }
              }
              robot.mouseMove(onCanvas(x, y));
              if (f == 0) {
                robot.mousePress(MouseButton.MIDDLE);
              } else if (f == frameCount + 1) {
                robot.mouseRelease(MouseButton.MIDDLE);
              }
              return true;
            });
    report(name, gaps);
    untilSettled(null);
  }

  /** LocalBoard.applyRemote on a 10,700-element board with nothing listening: the model alone. */
  private void applyRemoteModel() {
    LocalBoard board = new LocalBoard();
    board.restore(new BoardSnapshot(0, BenchBoard.elements()), List.of());
    List<String> ids = board.view().visibleElements().stream().map(Element::id).toList();
    long s = 0;
    int n = 60_000;
    double[] us = new double[n];
    Random r = new Random(3);
    for (int i = 0; i < n + 20_000; i++) {
      Op op = BenchBoard.remoteOp(i, r, ids);
      long t = System.nanoTime();
      board.applyRemote(++s, "op" + i, op);
      long d = System.nanoTime() - t;
      if (i >= 20_000) {
        us[i - 20_000] = d / 1e3;
      }
    }
    Arrays.sort(us);
    System.out.printf(
        Locale.ROOT,
        "%-66s p50 %7.4f ms  p90 %7.4f  p99 %7.4f  (%d ops after 20,000 warm-up)%n",
        "LocalBoard.applyRemote, 10,700-element board, model only",
        us[n / 2] / 1e3,
        us[n * 9 / 10] / 1e3,
        us[n * 99 / 100] / 1e3,
        n);
  }

  // ---- machinery --------------------------------------------------------------------------

  interface Step {
    /** Called once a pulse with the frame number; false ends the scenario early. */
    boolean step(int frame);
  }

  /** Runs {@code step} once a pulse for {@code count} pulses; returns the gaps (ms). */
  List<Double> frames(String name, int count, Step step) throws Exception {
    synchronized (layoutStamps) {
      layoutStamps.clear();
    }
    CompletableFuture<long[]> done = new CompletableFuture<>();
    onFx(
        () -> {
          long[] stamps = new long[count + 1];
          new AnimationTimer() {
            int frame;

            @Override
            public void handle(long now) {
              stamps[frame] = System.nanoTime();
              try {
                if (frame == count || !step.step(frame)) {
                  stop();
                  done.complete(Arrays.copyOf(stamps, frame + 1));
                  return;
                }
              } catch (RuntimeException e) {
                stop();
                done.completeExceptionally(e);
                return;
              }
              frame++;
            }
          }.start();
          return null;
        });
    long[] stamps = done.get(5, TimeUnit.MINUTES);
    List<Double> gaps = new ArrayList<>();
    for (int i = 2; i < stamps.length; i++) {
      gaps.add((stamps[i] - stamps[i - 1]) / 1e6);
    }
    if (Boolean.getBoolean("bench.split")) {
      List<Double> fxPart = new ArrayList<>();
      synchronized (layoutStamps) {
        for (int i = 2; i < stamps.length - 1; i++) {
          for (long l : layoutStamps) {
            if (l > stamps[i] && l < stamps[i + 1]) {
              fxPart.add((l - stamps[i]) / 1e6);
              break;
            }
          }
        }
        layoutStamps.clear();
      }
      report("  (timers + css + layout part of those pulses)", fxPart);
    }
    if (name != null) {
      report(name, gaps);
    }
    return gaps;
  }

  private void idleFrames(int count) throws Exception {
    frames(null, count, f -> true);
  }

  /**
   * Runs {@code change} in a pulse, then waits for the canvas to settle; returns ms from that pulse
   * to the first pulse after the settled frame was rendered.
   */
  double untilSettled(Runnable change) throws Exception {
    return until(
        change == null ? new Runnable[0] : new Runnable[] {change}, () -> canvas.isSettled());
  }

  /** Runs the changes in consecutive pulses, then waits as {@link #untilSettled(Runnable)}. */
  private double untilSettledSteps(Runnable... changes) throws Exception {
    return until(changes, () -> canvas.isSettled());
  }

  /**
   * Four bursts of three steps in, one a pulse, each from a resting view at 100 % (with the level
   * cache emptied first if {@code emptyCache}); ms of each until settled.
   */
  private List<Double> quickSteps(boolean emptyCache) throws Exception {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if (emptyCache) {
        onFx(
            () -> {
              canvas.setZoomCache(false);
              canvas.setZoomCache(true);
              return null;
            });
      }
      untilIdle();
      Runnable in = () -> canvas.zoomBy(1.2);
      samples.add(untilSettledSteps(in, in, in));
      untilSettled(() -> canvas.zoomTo(1));
    }
    untilIdle();
    return samples;
  }

  /** Ms until the canvas is settled and its idle pre-render of zoom levels is done too. */
  private double untilIdle() throws Exception {
    return until(new Runnable[0], () -> canvas.isIdle());
  }

  /** -Dbench.pulses=true prints the gaps between the pulses of each timed zoom, fit or rebuild. */
  private static final boolean PULSES = Boolean.getBoolean("bench.pulses");

  /**
   * Zoom steps, fits and rebuilds are made between pulses, as a key press or click is, and timed
   * from then; -Dbench.inPulse=true makes them inside the pulse and times from its start (how this
   * benchmark measured before 2026-12-04: an idle canvas then paints one pulse late).
   */
  private static final boolean BETWEEN_PULSES = !Boolean.getBoolean("bench.inPulse");

  /**
   * Whether "until settled" waits, at the pulse after the one that saw the canvas settled, for the
   * render thread to finish the frames submitted so far (default). Without it a figure could end
   * before the settled frame was rasterised: when the canvas's paint loop was already running (its
   * margin tiles from the previous step) it painted before this class's timer in the same pulse,
   * and a pulse with nothing to sync does not wait for the render thread; a cold zoom step then
   * read ~15 ms while the render thread rasterised its tiles for ~65 ms after (2026-12-04, traced
   * with the scene's rendered-frame hook). {@code -Dbench.renderFence=false}: the old end.
   */
  private static final boolean RENDER_FENCE =
      Boolean.parseBoolean(System.getProperty("bench.renderFence", "true"));

  private double until(Runnable[] changes, java.util.function.BooleanSupplier ready)
      throws Exception {
    CompletableFuture<Double> done = new CompletableFuture<>();
    onFx(
        () -> {
          new AnimationTimer() {
            long start;
            int ran;
            boolean settledSeen;
            long last;
            long gcStart;
            final StringBuilder gaps = new StringBuilder();

            @Override
            public void handle(long now) {
              long t = System.nanoTime();
              if (Boolean.getBoolean("canvas.trace")) {
                System.out.printf("    bench pulse t=%.1f%n", (t / 1e6) % 100000);
              }
              if (PULSES && last != 0) {
                gaps.append(String.format(Locale.ROOT, " %.1f", (t - last) / 1e6));
              }
              last = t;
              if (start == 0) {
                start = t;
                gcStart = gcMillis();
                if (changes.length == 0) {
                  return;
                }
              }
              if (ran < changes.length) {
                // As an input event is: handled between two pulses, not inside one (a change made
                // inside a pulse restarts an idle canvas's paint loop one pulse late). The clock
                // starts when the first change is made.
                Runnable change = changes[ran];
                boolean first = ran == 0;
                ran++;
                if (!BETWEEN_PULSES) {
                  change.run();
                  return;
                }
                Platform.runLater(
                    () -> {
                      if (first) {
                        start = System.nanoTime();
                      }
                      change.run();
                    });
                return;
              }
              if (settledSeen) {
                if (RENDER_FENCE) {
                  // The frame the canvas settled in has been submitted by now: wait for it.
                  RenderFence.await();
                  t = System.nanoTime();
                }
                stop();
                if (PULSES && changes.length > 0) {
                  System.out.println(
                      "    pulse gaps (ms):" + gaps + "; GC " + (gcMillis() - gcStart) + " ms");
                }
                done.complete((t - start) / 1e6);
              } else if (canvas != null && ready.getAsBoolean()) {
                settledSeen = true;
              }
            }
          }.start();
          return null;
        });
    return done.get(5, TimeUnit.MINUTES);
  }

  private Point2D onCanvas(double x, double y) {
    return canvas.localToScreen(x, y);
  }

  static void report(String name, List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      System.out.printf(Locale.ROOT, "%-66s (no samples)%n", name);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-66s p50 %7.2f ms  p90 %7.2f  p99 %7.2f  max %7.2f  (n=%d)%n",
        name,
        v[v.length / 2],
        v[Math.min(v.length - 1, v.length * 9 / 10)],
        v[Math.min(v.length - 1, v.length * 99 / 100)],
        v[v.length - 1],
        v.length);
    if (Boolean.getBoolean("bench.values") && values.size() <= 16) {
      System.out.println(
          "    in order: "
              + values.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList());
    }
  }

  static long heapAfterGc() throws Exception {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      Runtime rt = Runtime.getRuntime();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  private static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static long directBytes() {
    long total = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      total += pool.getMemoryUsed();
    }
    return total;
  }

  static <T> T fx(Callable<T> call) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(call.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    return result.get(5, TimeUnit.MINUTES);
  }

  static void onFx(Callable<Void> call) throws Exception {
    fx(call);
  }
}
