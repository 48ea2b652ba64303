/**
 * The history of a board that has no relay ("Work offline", an opened file, issue 17): every op the
 * local session confirms, with its time, kept in memory as pages in the relay's form ({@link
 * LocalHistory}) and, between saves of the board's file, in an append-only log beside that file
 * ({@link HistoryLog}), so a crash loses at most the ops whose line was not yet on disk.
 */
package dev.drawbridge.client.history.local;
