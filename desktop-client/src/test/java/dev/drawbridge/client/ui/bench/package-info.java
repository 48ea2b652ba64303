/**
 * Rendering benchmarks of the board canvas in a real window (main classes, not tests): frame gaps
 * while drawing, receiving remote strokes and panning, zoom and cache-rebuild times, and the heap a
 * large board's render state takes. Run by {@code desktop-client/src/bench/render-bench.sh}.
 */
package dev.drawbridge.client.ui.bench;
