package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Zoom levels kept in the cache and pre-rendered while idle show the same pixels as a fresh render
 * (a second canvas on the same board with the cache off), also after changes made while another
 * level was on screen, and the cache stays within its bound.
 */
@ExtendWith(ApplicationExtension.class)
class ZoomCacheFxTest {
  /** The system's clock, or held still and moved by hand for a timing-sensitive sequence. */
  private static final class HeldClock implements java.util.function.LongSupplier {
    private volatile long held = -1;
    // Never back in time after a release, whatever the hand-moved time reached.
    private volatile long floor;

    @Override
    public long getAsLong() {
      long h = held;
      return h >= 0 ? h : Math.max(System.nanoTime(), floor);
    }

    void hold() {
      held = System.nanoTime();
    }

    void advanceMillis(long ms) {
      held += ms * 1_000_000L;
    }

    /** Back to the system's clock (never earlier than the time held last). */
    void release() {
      floor = held;
      held = -1;
    }
  }

  private final HeldClock clock = new HeldClock();

  private static final double W = 450;
  private static final double H = 400;

  private final LocalBoard board = new LocalBoard();
  private BoardCanvas canvas;
  private BoardCanvas fresh;

  @Start
  void start(Stage stage) {
    Random r = new Random(5);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      float[] pts = new float[16];
      for (int p = 0; p < 8; p++) {
        pts[2 * p] = p * 12 + (float) r.nextGaussian() * 3;
        pts[2 * p + 1] = (float) r.nextGaussian() * 10;
      }
      elements.add(
          Element.freehand(
              "s" + i,
              ElementKind.STROKE,
              r.nextDouble() * 3000,
              r.nextDouble() * 2000,
              Points.of(pts),
              Style.DEFAULT.withWidth(4),
              i + 1));
    }
    board.restore(new BoardSnapshot(0, elements), List.of());
    canvas = new BoardCanvas(board, new Selection(), clock);
    fresh = new BoardCanvas(board, new Selection());
    fresh.setZoomCache(false);
    for (BoardCanvas c : List.of(canvas, fresh)) {
      c.setMinSize(W, H);
      c.setPrefSize(W, H);
      c.setMaxSize(W, H);
    }
    stage.setScene(new Scene(new HBox(canvas, fresh), 2 * W, H));
    stage.show();
  }

  @Test
  void zoomStepsLandOnDiscreteLevels() {
    onFx(
        () -> {
          canvas.zoomTo(1);
          canvas.zoomBy(1.25);
        });
    assertThat(fx(() -> canvas.viewport().scale())).isEqualTo(1.2);
    onFx(() -> canvas.zoomBy(0.8));
    assertThat(fx(() -> canvas.viewport().scale())).isEqualTo(1.0);
    onFx(canvas::zoomToFit);
    double fit = fx(() -> canvas.viewport().scale());
    onFx(() -> canvas.zoomBy(1.2));
    double above = fx(() -> canvas.viewport().scale());
    assertThat(above).isGreaterThan(fit).isEqualTo(ZoomLevels.step(above, 0));
  }

  @Test
  void preRenderedLevelsShowAtOnceAndMatchAFreshRender() {
    onFx(
        () -> {
          restAtHundredPercentPrerendered();
        });
    assertThat(fx(canvas::isIdle)).isTrue();
    double fit = fx(() -> fitScale());
    assertThat(fx(canvas::cachedScales)).contains(1.2, ZoomLevels.step(1, -1), fit);
    // One step in around a corner of the window: every tile it needs is there already.
    assertThat(
            fx(
                () -> {
                  canvas.viewport().setScaleAt(1.2, W - 10, 10);
                  canvas.zoomTo(1.2);
                  return paintCostOfNextPulse();
                }))
        .isZero();
    assertSameAsFresh();
    // Back to the resting view's level, then one step out around the other corner.
    assertThat(
            fx(
                () -> {
                  restAtHundredPercentPrerendered();
                  canvas.viewport().setScaleAt(ZoomLevels.step(1, -1), 5, H - 5);
                  canvas.zoomTo(canvas.viewport().scale());
                  return paintCostOfNextPulse();
                }))
        .isZero();
    assertSameAsFresh();
    assertThat(
            fx(
                () -> {
                  restAtHundredPercentPrerendered();
                  canvas.zoomToFit();
                  return paintCostOfNextPulse();
                }))
        .isZero();
    assertSameAsFresh();
  }

  @Test
  void aChangeMadeAtAnotherLevelShowsWhenTheCachedLevelComesBack() {
    onFx(
        () -> {
          canvas.viewport().set(1, -1000, -600);
          canvas.zoomTo(1);
          canvas.flush();
          canvas.zoomBy(1.2);
          canvas.flush();
        });
    assertThat(fx(canvas::cachedScales)).contains(1.0);
    // While at 120 %: a move, a delete, a stroke finished on top, a remote add; then back to 100 %
    // in the same FX call (no idle pulse in between that would pre-render the cached level).
    long cost =
        fx(
            () -> {
              board.submit(new Op.UpdateElement(visibleId(0), ElementPatch.move(40, 30)));
              board.submit(new Op.DeleteElement(visibleId(1)));
              double cx = canvas.visibleArea().minX() + 50;
              double cy = canvas.visibleArea().minY() + 50;
              board.submit(
                  new Op.AddElement(
                      Element.freehand(
                          "mine",
                          ElementKind.STROKE,
                          cx,
                          cy,
                          Points.of(0, 0, 60, 20, 120, 0),
                          Style.DEFAULT.withWidth(6),
                          10_000)));
              canvas.showLive(Set.of("mine"), 0, 0);
              canvas.flush();
              canvas.clearLive();
              canvas.flush();
              addTheirStroke(cx + 30, cy + 80, 6, 0, 0, 100, 0);
              canvas.flush();
              canvas.zoomBy(1 / 1.2);
              return paintCostOfNextPulse();
            });
    // The cached level knew what changed: its tiles in view were repainted when it was shown.
    assertThat(cost).isPositive();
    assertThat(fx(canvas::isSettled)).isTrue();
    assertSameAsFresh();
    // A grid toggle while at another level: the cached level is repainted whole when shown.
    onFx(
        () -> {
          canvas.zoomBy(1.2);
          canvas.flush();
          canvas.gridProperty().set(false);
          fresh.gridProperty().set(false);
          canvas.flush();
          canvas.zoomBy(1 / 1.2);
          canvas.flush();
        });
    assertSameAsFresh();
  }

  @Test
  void aBurstOfStepsPaintsOnlyTheLevelItEndsOnAndKeepsThePictureMeanwhile() {
    double[] tileScales =
        fx(
            () -> {
              canvas.viewport().set(1, -1000, -600);
              canvas.zoomTo(1);
              canvas.flush();
              // Three steps in, one a pulse 16 ms apart (as quick key presses or the benchmark's
              // quick steps), on a clock held still between them: a loaded machine's slow
              // pulses must not end the burst.
              clock.hold();
              double[] seen = new double[5];
              canvas.zoomBy(1.2);
              canvas.pulseNow();
              seen[0] = canvas.tileScale();
              WritableImage before = canvas.snapshot(null, null);
              clock.advanceMillis(16);
              canvas.zoomBy(1.2);
              canvas.pulseNow();
              seen[1] = canvas.tileScale();
              seen[4] = differingPixels(before, canvas.snapshot(null, null));
              // Someone else's stroke arrives in the middle of the burst.
              double cx = canvas.visibleArea().minX() + 60;
              double cy = canvas.visibleArea().minY() + 60;
              addTheirStroke(cx, cy, 8, 0, 0, 80, 10, 160, 0);
              clock.advanceMillis(16);
              canvas.zoomBy(1.2);
              canvas.pulseNow();
              seen[2] = canvas.tileScale();
              // The first pulse without a new step paints the level the burst ended on.
              clock.advanceMillis(16);
              canvas.pulseNow();
              seen[3] = canvas.tileScale();
              clock.release();
              return seen;
            });
    double l1 = ZoomLevels.step(1, 1);
    double l2 = ZoomLevels.step(1, 2);
    double l3 = ZoomLevels.step(1, 3);
    assertThat(tileScales[0]).as("a first step is painted at once").isEqualTo(l1);
    assertThat(tileScales[1]).as("the old level stands in").isEqualTo(l1);
    assertThat(tileScales[4]).as("pixels changed while the burst is young").isZero();
    assertThat(tileScales[2]).isEqualTo(l1);
    assertThat(tileScales[3]).isEqualTo(l3);
    assertThat(fx(canvas::cachedScales))
        .as("the level passed through was never made")
        .doesNotContain(l2);
    // The final level, and their stroke (still growing: on its own sprite until it rests), as a
    // canvas without cache or burst shows them.
    assertSameAsFresh();
  }

  @Test
  void theCacheStaysWithinItsBound() {
    onFx(
        () -> {
          canvas.viewport().set(1, -1000, -600);
          canvas.zoomTo(1);
          canvas.flush();
        });
    for (int i = 0; i < 24; i++) {
      int step = i < 12 ? 1 : -1;
      onFx(
          () -> {
            canvas.zoomBy(step > 0 ? 1.2 : 1 / 1.2);
            canvas.flush();
            canvas.prerenderNow();
          });
      assertThat(fx(canvas::cachedTiles)).isBetween(1, TiledLayer.MAX_CACHED_TILES);
    }
    onFx(() -> canvas.setZoomCache(false));
    assertThat(fx(canvas::cachedTiles)).isZero();
  }

  /** Someone else's stroke "theirs" at {@code (x, y)}, as the relay sends it. */
  private void addTheirStroke(double x, double y, double width, float... points) {
    board.applyRemote(
        1,
        "remote",
        new Op.AddElement(
            Element.freehand(
                "theirs",
                ElementKind.STROKE,
                x,
                y,
                Points.of(points),
                Style.DEFAULT.withWidth(width),
                10_001)));
  }

  private String visibleId(int n) {
    return canvas.elementsNear(canvas.visibleArea()).get(n);
  }

  private double fitScale() {
    dev.drawbridge.client.geom.Viewport v = new dev.drawbridge.client.geom.Viewport();
    v.fit(canvas.contentBounds(), W, H, ZoomPrerender.FIT_MARGIN);
    return v.scale();
  }

  /** Paints what a pulse would with an unlimited budget; returns what it spent in view. */
  private long paintCostOfNextPulse() {
    canvas.flush();
    return canvas.lastPaintCost();
  }

  /** The canvas shows what a canvas with no cache shows at the same view (within antialiasing). */
  private void assertSameAsFresh() {
    int[] result =
        fx(
            () -> {
              fresh.viewport().set(canvas.viewport().scale(), 0, 0);
              fresh.zoomTo(canvas.viewport().scale());
              fresh
                  .viewport()
                  .set(
                      canvas.viewport().scale(),
                      canvas.viewport().offsetX(),
                      canvas.viewport().offsetY());
              fresh.zoomTo(canvas.viewport().scale());
              fresh.flush();
              canvas.flush();
              WritableImage a = canvas.snapshot(null, null);
              WritableImage b = fresh.snapshot(null, null);
              PixelReader ra = a.getPixelReader();
              PixelReader rb = b.getPixelReader();
              int differ = 0;
              int dark = 0;
              for (int y = 0; y < (int) H; y++) {
                for (int x = 0; x < (int) W; x++) {
                  int pa = ra.getArgb(x, y);
                  int pb = rb.getArgb(x, y);
                  if (channelDiff(pa, pb) > 64) {
                    differ++;
                  }
                  if ((pb & 0xff) < 128) {
                    dark++;
                  }
                }
              }
              return new int[] {differ, dark};
            });
    assertThat(result[1]).as("the view shows strokes").isGreaterThan(200);
    assertThat(result[0]).as("pixels that differ from a fresh render").isLessThan(20);
  }

  /**
   * The resting view at 100 %, painted, with the levels around it pre-rendered (on the FX thread).
   */
  private void restAtHundredPercentPrerendered() {
    canvas.viewport().set(1, -1000, -600);
    canvas.zoomTo(1);
    canvas.flush();
    canvas.prerenderNow();
  }

  private static int differingPixels(WritableImage a, WritableImage b) {
    int differ = 0;
    for (int y = 0; y < (int) H; y++) {
      for (int x = 0; x < (int) W; x++) {
        if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
          differ++;
        }
      }
    }
    return differ;
  }

  private static int channelDiff(int a, int b) {
    int max = 0;
    for (int shift = 0; shift < 32; shift += 8) {
      max = Math.max(max, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
    }
    return max;
  }
}
