/**
 * A board's past (issue 17, docs/protocol.md §17, ADR 0011): the ops it was built from with their
 * authors and times, replayed into any earlier board through keyframes ({@link Timeline}), kept up
 * to date while the user looks ({@link BoardHistory}), and where those ops come from ({@link
 * HistorySource}: the relay's pages, or what a local board recorded). Pure Java (no JavaFX).
 */
package dev.drawbridge.client.history;
