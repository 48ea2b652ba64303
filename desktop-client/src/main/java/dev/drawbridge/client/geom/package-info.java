/**
 * Plain geometry shared by the canvas, the tools and the exporters: rectangles, whether a point
 * touches an element ({@code Proximity}), freehand smoothing, arrow heads, resize handles and the
 * scaling they drive (text by font size, freehand by points), the viewport transform, the grid
 * spatial index, and alignment: the board grid ({@code Grid}), snapping a move or resize to the
 * grid and to other shapes' edges and centres ({@code Snapping}, {@code SnapTargets}), align and
 * distribute ({@code Alignment}). No JavaFX and no UI, so every rule here is unit-tested without a
 * screen and the exporters in {@code client.io} use it without reaching into the UI.
 */
package dev.drawbridge.client.geom;
