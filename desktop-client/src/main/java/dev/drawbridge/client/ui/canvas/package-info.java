/**
 * The board on screen. Committed elements are painted onto a grid of tile bitmaps at whole-pixel
 * positions ({@code TiledLayer}, one {@code TileLevel} per zoom): pans move them, and tiles exposed
 * by a pan, a zoom or a rebuild are painted a budgeted few per pulse while the old pixels stay on
 * screen, so input never waits for a repaint. Zoom steps land on discrete levels ({@code
 * ZoomLevels}); recently shown levels stay in a bounded {@code LevelCache}, and while nobody
 * touches the board the levels one step in and out and the whole-board view are pre-rendered
 * ({@code ZoomPrerender}), so a zoom step or "fit" from a resting view shows sharp tiles at once. A
 * live layer ({@code LiveLayer}: {@code LiveOverlay} and {@code GrowingSprites}) holds what moves
 * every frame: strokes in progress, previews, selection, remote cursors, and others' growing
 * strokes on small canvases of their own. A grid index finds what is in a tile, and zoomed-out
 * strokes are simplified to the pixels they cover.
 *
 * <p>{@code BoardCanvas} is the public face and wires the parts. Plain Java, no JavaFX, unit
 * tested: {@code ElementLayers} (which layer paints each element), {@code BoardChanges} (the
 * board's changes passed on to the layers and the selection), {@code RepaintQueue} (what waits to
 * be painted), {@code PulseLoop} (when to paint and under which budget) and {@code Navigation} (the
 * view's pans and zooms). JavaFX: {@code FramePainter} (paints a frame), {@code LiveLayer} (what is
 * painted over the tiles) and {@code CanvasGestures} (mouse, wheel and pinch input).
 */
package dev.drawbridge.client.ui.canvas;
