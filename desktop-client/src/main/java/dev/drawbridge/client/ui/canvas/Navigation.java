package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.geometry.Insets;

/**
 * Where the view is on the board and how it moves: pans, zoom steps that land on {@link
 * ZoomLevels}, the wheel's and a pinch's zoom, "fit", the first placement, and the views one step
 * away that are worth painting ahead. Every move is reported to {@code moved}.
 */
final class Navigation {
  /**
   * While the wheel or a pinch keeps zooming, the tiles are scaled instead of repainted; the
   * repaint at the new zoom follows once zooming pauses this long.
   */
  static final long ZOOM_SETTLE_NANOS = 150_000_000L;

  /**
   * A zoom step (toolbar, keyboard) this soon after the previous one belongs to a burst: the user
   * steps faster than a level not in the cache can be rasterised (~30–40 ms for a 1920×1080 view of
   * the benchmark board on these machines), so the level it lands on is likely left before anyone
   * sees it sharp. Its painting waits one pulse ({@link #takeBurstStep}); key repeat (25–40 ms) and
   * the benchmark's one step a pulse are bursts, separate clicks are not.
   */
  static final long STEP_BURST_NANOS = 50_000_000L;

  /** A wheel pause this long drops the part of a step the wheel had gathered. */
  private static final long WHEEL_RESET_NANOS = 500_000_000L;

  private final Viewport viewport;
  private final DoubleSupplier width;
  private final DoubleSupplier height;
  private final Supplier<Rect> content;
  private final LongSupplier clock;
  private final Runnable moved;
  private long lastWheelZoom;
  private long lastStep = Long.MIN_VALUE;
  private boolean burstStep;
  private long burstSince;
  private double wheelSteps;
  private boolean placed;
  private Rect knownContent;
  private boolean contentKnown;
  private Supplier<Insets> covered = () -> Insets.EMPTY;

  /**
   * @param width the view's width in pixels, read on every move
   * @param content the bounds of every visible element, or null for an empty board
   */
  Navigation(
      Viewport viewport,
      DoubleSupplier width,
      DoubleSupplier height,
      Supplier<Rect> content,
      LongSupplier clock,
      Runnable moved) {
    this.viewport = viewport;
    this.width = width;
    this.height = height;
    this.content = content;
    this.clock = clock;
    this.moved = moved;
  }

  Viewport viewport() {
    return viewport;
  }

  /** Board units of the area the view shows. */
  Rect visibleArea() {
    return viewport.visible(width.getAsDouble(), height.getAsDouble());
  }

  /** Board units of the part of the view no panel covers ({@link #freeArea()}). */
  Rect freeVisibleArea() {
    Rect free = freeArea();
    return new Rect(
        viewport.toBoardX(free.minX()),
        viewport.toBoardY(free.minY()),
        viewport.toBoardX(free.maxX()),
        viewport.toBoardY(free.maxY()));
  }

  /** The view in device pixels at the current zoom (board point p is at p * scale there). */
  Rect viewDevice() {
    double ox = viewport.offsetX();
    double oy = viewport.offsetY();
    return new Rect(
        -ox, -oy, -ox + Math.ceil(width.getAsDouble()), -oy + Math.ceil(height.getAsDouble()));
  }

  /** The first real size: shows the whole board, or its origin in the middle when empty. */
  void placeOnce(BooleanSupplier boardEmpty) {
    if (placed || width.getAsDouble() <= 0 || height.getAsDouble() <= 0) {
      return;
    }
    placed = true;
    if (boardEmpty.getAsBoolean()) {
      centreOrigin();
    } else {
      zoomToFit();
    }
  }

  /** Where panels float over the view's edges: "fit" keeps the content out from under them. */
  void setCovered(Supplier<Insets> covered) {
    this.covered = covered;
  }

  void zoomToFit() {
    viewport.fitInto(content.get(), freeArea(), ZoomPrerender.FIT_MARGIN);
    moved.run();
  }

  /**
   * The part of the view (in its pixels) no panel covers; the whole view when what is left would be
   * too small to show anything (a window made very small).
   */
  Rect freeArea() {
    double w = width.getAsDouble();
    double h = height.getAsDouble();
    Insets in = covered.get();
    Rect free = new Rect(in.getLeft(), in.getTop(), w - in.getRight(), h - in.getBottom());
    return free.width() < 160 || free.height() < 160 ? new Rect(0, 0, w, h) : free;
  }

  /** Sets the zoom (1 = 100 %) around the centre of the view. */
  void zoomTo(double scale) {
    viewport.setScaleAt(scale, width.getAsDouble() / 2, height.getAsDouble() / 2);
    moved.run();
  }

  /** Zooms around the centre by the whole number of steps nearest to {@code factor}. */
  void zoomBy(double factor) {
    long now = clock.getAsLong();
    burstStep = lastStep != Long.MIN_VALUE && now - lastStep < STEP_BURST_NANOS;
    if (!burstStep) {
      burstSince = now;
    }
    lastStep = now;
    int steps = ZoomLevels.stepsFor(factor);
    viewport.setScaleAt(
        ZoomLevels.step(viewport.scale(), steps),
        width.getAsDouble() / 2,
        height.getAsDouble() / 2);
    moved.run();
  }

  /** Shows board point (0, 0) at the centre of the view. */
  void centreOrigin() {
    viewport.set(
        viewport.scale(),
        Math.round(width.getAsDouble() / 2),
        Math.round(height.getAsDouble() / 2));
    moved.run();
  }

  void panBy(double dx, double dy) {
    viewport.panBy(dx, dy);
    moved.run();
  }

  /**
   * Whole zoom levels around (x, y): a wheel notch (40) is about one step; a touchpad's small
   * deltas add up until they make one.
   */
  void wheelZoom(double deltaY, double x, double y) {
    long now = clock.getAsLong();
    if (now - lastWheelZoom > WHEEL_RESET_NANOS) {
      wheelSteps = 0;
    }
    lastWheelZoom = now;
    wheelSteps += deltaY * 0.004 / Math.log(ZoomLevels.STEP);
    int steps = (int) Math.round(wheelSteps);
    if (steps != 0) {
      wheelSteps -= steps;
      viewport.setScaleAt(ZoomLevels.step(viewport.scale(), steps), x, y);
    }
    moved.run();
  }

  /** A pinch zooms smoothly around (x, y); {@link #pinchEnded} settles it on a level. */
  void pinch(double factor, double x, double y) {
    lastWheelZoom = clock.getAsLong();
    viewport.zoomAt(factor, x, y);
    moved.run();
  }

  /** Where a pinch ends, it settles on the nearest level (cacheable). */
  void pinchEnded(double x, double y) {
    viewport.setScaleAt(ZoomLevels.nearest(viewport.scale()), x, y);
    moved.run();
  }

  /** The wheel or a pinch zoomed within the last {@link #ZOOM_SETTLE_NANOS} before {@code now}. */
  boolean zooming(long now) {
    return now - lastWheelZoom < ZOOM_SETTLE_NANOS;
  }

  /**
   * True after a zoom step that came within {@link #STEP_BURST_NANOS} of the one before, until
   * taken: the frame painter then keeps the previous level (still, or scaled) for this pulse
   * instead of rasterising a level the next step would leave, and paints the level in the first
   * pulse without a new step.
   */
  boolean burstStepPending() {
    return burstStep;
  }

  /**
   * A burst of steps started less than {@link #STEP_BURST_NANOS} before {@code now}: the picture
   * may stay as it is (not even scaled) until the burst ends, a few frames at most; a longer burst
   * shows the old level scaled, as a wheel zoom does.
   */
  boolean burstYoung(long now) {
    return now - burstSince < STEP_BURST_NANOS;
  }

  /** As {@link #burstStepPending}, and clears it. */
  boolean takeBurstStep() {
    boolean b = burstStep;
    burstStep = false;
    return b;
  }

  /** The board's content changed: the fit view is computed again when next needed. */
  void contentChanged() {
    contentKnown = false;
  }

  /** The levels one step in and out of this view, and the fit view ({@link ZoomPrerender}). */
  List<PrerenderTarget> viewsNearby() {
    if (!contentKnown) {
      knownContent = content.get();
      contentKnown = true;
    }
    return ZoomPrerender.targets(
        viewport, width.getAsDouble(), height.getAsDouble(), knownContent, freeArea());
  }
}
