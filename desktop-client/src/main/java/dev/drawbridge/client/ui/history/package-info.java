/**
 * The board's past on screen (issue 17): restoring a past board and copying from it ({@link
 * dev.drawbridge.client.ui.history.BoardPastActions}, which the history panel calls), and saying
 * who made and last changed an element ({@link dev.drawbridge.client.ui.history.AttributionView}).
 * The board screen builds them and hands them what they need; they know no screen.
 */
package dev.drawbridge.client.ui.history;
