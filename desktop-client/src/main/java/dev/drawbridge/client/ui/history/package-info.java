/**
 * The board's past on screen (issue 17): the history panel ({@link
 * dev.drawbridge.client.ui.history.HistoryPanel}: a scrubber over the board's {@code Timeline} with
 * each change marked in its author's colour and long pauses shortened, stepping and playback at
 * 1×–64×, and the past board shown read-only on the canvas through {@code BoardCanvas.showPast}
 * while live ops keep extending the timeline); restoring a past board and copying from it ({@link
 * dev.drawbridge.client.ui.history.BoardPastActions}, which the panel calls), and saying who made
 * and last changed an element ({@link dev.drawbridge.client.ui.history.AttributionView}). The board
 * screen builds them and hands them what they need; they know no screen.
 */
package dev.drawbridge.client.ui.history;
