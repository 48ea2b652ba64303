package dev.drawbridge.client.ui.canvas;

import java.util.function.LongSupplier;

/**
 * When the canvas paints and how much: while anything is pending, each pulse paints a frame under a
 * budget (small while the user interacts, large when nobody does); once the frame is settled and
 * nobody touches the board, the zoom levels nearby are pre-rendered under a small budget; when both
 * are done the loop stops until the next change. The pulses come from outside (an animation timer
 * started through {@code start}, stopped when {@link #pulse} returns false).
 */
final class PulseLoop {
  /**
   * Per-pulse painting budget of the tiled layer, in {@link ElementPainter} cost units (about a
   * path segment each): small while the user is drawing or panning so frames stay short, larger
   * when nobody is touching the board so a rebuild finishes sooner.
   *
   * <p>Idle, the budget covers the whole view of the 10,700-element benchmark board at 100–120 %
   * (~150,000 units, ~30 ms of rasterising) in one pulse. Spread over several pulses the same work
   * took three to five times longer to come sharp: on the software pipeline each pulse waits for
   * the render thread and re-composites the whole window (docs/performance.md, "Idle budget").
   * Input that arrives meanwhile waits for that one pulse; from the next one on the budget is the
   * small one.
   */
  static final long BUDGET_INTERACTING = 800;

  static final long BUDGET_IDLE = 400_000;

  /**
   * Per-pulse budget of the zoom pre-render (idle pulses only, after the view's own tiles): small
   * enough that a pulse it runs in stays short, so input arriving meanwhile waits little.
   */
  static final long BUDGET_PRERENDER = 10_000;

  /** Input this recent counts as interacting. */
  static final long INTERACTION_NANOS = 100_000_000L;

  /** The picture the loop paints. */
  interface Frame {
    /** Paints what is pending, spending at most {@code budget} on tiles. */
    void paint(long budget);

    /** Nothing is waiting to be painted in view (see {@link BoardCanvas#isSettled}). */
    boolean settled();

    /** Tiles in the view's margin (or a zoom's) still wait for a later pulse. */
    boolean tilesWaiting();

    /** The last paint painted no tile. */
    boolean paintedNothing();

    /** Something moves every frame (strokes being drawn or growing): painting counts as busy. */
    boolean busy();

    /** Pre-renders the views nearby under {@code budget}; true while some of it is left. */
    boolean prerender(long budget);
  }

  private final Frame frame;
  private final LongSupplier clock;
  private final Runnable start;
  private boolean running;
  private long lastInput;
  private boolean prerenderOn = true;
  private boolean prerenderPending = true;

  PulseLoop(Frame frame, LongSupplier clock, Runnable start) {
    this.frame = frame;
    this.clock = clock;
    this.start = start;
  }

  /** Something changed: pulses run until it is painted, and the pre-render is due again. */
  void schedule() {
    prerenderPending = true;
    if (!running) {
      running = true;
      start.run();
    }
  }

  /** The user touched the board: the next pulses paint under the small budget. */
  void input() {
    lastInput = clock.getAsLong();
  }

  /** Turns the idle pre-render on or off (off: {@link #idle} does not wait for it). */
  void setPrerender(boolean on) {
    prerenderOn = on;
  }

  /** One pulse. Returns false when the loop stops (the pulses must stop until the next change). */
  boolean pulse() {
    boolean interacting = clock.getAsLong() - lastInput < INTERACTION_NANOS || frame.busy();
    frame.paint(interacting ? BUDGET_INTERACTING : BUDGET_IDLE);
    if (!interacting && !frame.tilesWaiting() && frame.settled() && frame.paintedNothing()) {
      prerender(BUDGET_PRERENDER);
    }
    if (idle()) {
      running = false;
      return false;
    }
    return true;
  }

  /** Runs the pre-render, if on and due, under {@code budget}. */
  void prerender(long budget) {
    if (prerenderOn && prerenderPending) {
      prerenderPending = frame.prerender(budget);
    }
  }

  /** The frame is settled and the pre-render, if on, is done. */
  boolean idle() {
    return frame.settled() && !frame.tilesWaiting() && !(prerenderOn && prerenderPending);
  }
}
