/**
 * The history panel (issue 17): a scrubber over the board's {@code Timeline} with each change
 * marked in its author's colour and long pauses shortened, stepping and playback at 1×–64×, and the
 * past board shown read-only on the canvas ({@code BoardCanvas.showPast}) while live ops keep
 * extending the timeline. Restore and copy are carried out by a {@code PastActions} the board
 * screen gives the panel.
 */
package dev.drawbridge.client.ui.history;
