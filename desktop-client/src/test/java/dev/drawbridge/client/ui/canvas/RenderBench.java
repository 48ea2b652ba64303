package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendering figures for the canvas (not a test: run by hand, see docs in the class). Each figure is
 * the median of 15 runs of "paint what is pending, then force the canvases to rasterise" (a 1x1
 * snapshot), on whatever prism pipeline the JVM was started with.
 *
 * <pre>
 * java -Dglass.platform=Headless -Dprism.order=sw -cp ... dev.drawbridge.client.ui.canvas.RenderBench
 * DISPLAY=:99 java -Dprism.order=sw -cp ... dev.drawbridge.client.ui.canvas.RenderBench 10000 1920 1080
 * </pre>
 */
public final class RenderBench {
  private static final Logger LOG = LoggerFactory.getLogger(RenderBench.class);

  private RenderBench() {}

  public static void main(String[] args) throws Exception {
    int strokes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int height = args.length > 2 ? Integer.parseInt(args[2]) : size;
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    CompletableFuture<String> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(run(strokes, size, height));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    LOG.info("{}", result.get());
    Platform.exit();
  }

  private static String run(int strokes, int size, int height) {
    Random random = new Random(7);
    // The board spans 4.5x the view each way: about 5 % of it is visible at 100 %.
    double span = size * 4.5;
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < strokes; i++) {
      elements.add(stroke("s" + i, random, span, i + 1));
    }
    LocalBoard board = new LocalBoard();
    board.restore(new BoardSnapshot(0, elements), List.of());
    BoardCanvas canvas = new BoardCanvas(board, new Selection());
    Stage stage = new Stage();
    stage.setScene(new Scene(new StackPane(canvas), size, height));
    stage.show();
    canvas.applyCss();
    canvas.layout();
    canvas.gridProperty().set(false);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d strokes, %dx%d view%n", strokes, size, height));

    canvas.viewport().set(1, 0, 0);
    canvas.flush();
    out.append(figure("nothing to paint (the measuring snapshot alone)", () -> canvas));
    out.append(
        figure(
            "full repaint, 100 % (~5 % of the board visible)",
            () -> {
              canvas.zoomTo(canvas.viewport().scale() == 1 ? 1.0000001 : 1);
              return canvas;
            }));
    canvas.zoomTo(1);
    canvas.flush();
    int[] n = {0};
    out.append(
        figure(
            "one new stroke (cached layer, its region only)",
            () -> {
              board.submit(new Op.AddElement(stroke("new" + n[0]++, random, size, 1e6 + n[0])));
              return canvas;
            }));
    int[] step = {0};
    out.append(
        figure(
            "pan 7 px (within the cached margin)",
            () -> {
              canvas.viewport().panBy(step[0]++ % 2 == 0 ? 7 : -7, 0);
              canvas.zoomTo(1);
              return canvas;
            }));
    Element live = stroke("live", random, size, 2e6);
    board.submit(new Op.AddElement(live));
    canvas.showLive(java.util.Set.of("live"), 0, 0);
    canvas.flush();
    out.append(
        figure(
            "live stroke grows by 4 points (live layer only)",
            () -> {
              board.submit(new Op.AppendPoints("live", Points.of(1, 1, 2, 2, 3, 3, 4, 4)));
              return canvas;
            }));
    canvas.clearLive();
    canvas.flush();
    out.append(
        figure(
            "full repaint, whole board visible (zoomed out)",
            () -> {
              canvas.zoomTo(canvas.viewport().scale() == 0.2 ? 0.2000001 : 0.2);
              return canvas;
            }));
    stage.close();
    return out.toString();
  }

  private static String figure(String name, Supplier<BoardCanvas> action) {
    double[] ms = new double[15];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      BoardCanvas c = action.get();
      c.flush();
      SnapshotParameters params = new SnapshotParameters();
      params.setViewport(new Rectangle2D(0, 0, 1, 1));
      c.snapshot(params, null);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    java.util.Arrays.sort(ms);
    return String.format(Locale.ROOT, "  %-55s %8.1f ms%n", name, ms[ms.length / 2]);
  }

  private static Element stroke(String id, Random random, double span, double z) {
    int n = 40;
    float[] pts = new float[n * 2];
    double x = 0;
    double y = 0;
    for (int i = 0; i < n; i++) {
      x += random.nextGaussian() * 6;
      y += random.nextGaussian() * 6;
      pts[2 * i] = (float) x;
      pts[2 * i + 1] = (float) y;
    }
    return Element.freehand(
        id,
        ElementKind.STROKE,
        random.nextDouble() * span,
        random.nextDouble() * span,
        Points.of(pts),
        Style.DEFAULT,
        z);
  }
}
