package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Rect;

/**
 * A zoom level to pre-render and the part of it (device pixels at that scale) to cover. Plain data,
 * so the parts that choose targets ({@link ZoomPrerender}, {@link Navigation}) need no JavaFX.
 */
record PrerenderTarget(double scale, Rect areaDevice) {}
