/**
 * The board on screen. Committed elements are painted onto a grid of tile bitmaps at whole-pixel
 * positions ({@code TiledLayer}): pans move them, and tiles exposed by a pan, a zoom or a rebuild
 * are painted a budgeted few per pulse while the old pixels stay on screen, so input never waits
 * for a repaint. A live layer holds what moves every frame (strokes in progress, previews,
 * selection, remote cursors) and others' growing strokes get small canvases of their own. A grid
 * index finds what is in a tile, and zoomed-out strokes are simplified to the pixels they cover.
 */
package dev.drawbridge.client.ui.canvas;
