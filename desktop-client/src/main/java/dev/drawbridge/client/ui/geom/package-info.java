/**
 * Plain geometry shared by the canvas, the tools and the exporters: rectangles, hit-testing,
 * freehand smoothing, arrow heads, resize handles and the scaling they drive (text by font size,
 * freehand by points), and the grid spatial index. No JavaFX, so every rule here is unit-tested
 * without a screen.
 */
package dev.drawbridge.client.ui.geom;
