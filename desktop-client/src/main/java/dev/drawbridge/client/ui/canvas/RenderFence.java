package dev.drawbridge.client.ui.canvas;

import javafx.scene.shape.Rectangle;

/**
 * Waits, on the FX thread, until the render thread has drawn every frame submitted so far: what a
 * timing that ends "when the picture is on screen" must wait for. A pulse with nothing to sync does
 * not wait for the render thread, so the pulse after a settled canvas can start while its frame is
 * still being rasterised (docs/performance.md, "Correction"). A snapshot is a render job of its
 * own, run after those frames by the one render thread, and waited for; a 1×1 node's costs 6–7 ms
 * the first time (measured alone) and well under 1 ms after.
 */
public final class RenderFence {
  private static final Rectangle NODE = new Rectangle(1, 1);

  private RenderFence() {}

  /** Returns once every frame submitted before the call is drawn. FX thread only. */
  public static void await() {
    NODE.snapshot(null, null);
  }
}
