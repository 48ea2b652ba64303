/**
 * Copy, cut and paste through the system clipboard: {@link
 * dev.drawbridge.client.ui.clipboard.BoardClipboard} turns the selection into the Drawbridge format
 * plus SVG and PNG for other applications, and clipboard content (Drawbridge elements, plain text)
 * into one undoable paste at the pointer; {@link dev.drawbridge.client.ui.clipboard.ClipboardPort}
 * is the clipboard it talks to ({@link dev.drawbridge.client.ui.clipboard.SystemClipboard} in the
 * app, an in-memory one for view-model tests), and {@link
 * dev.drawbridge.client.ui.clipboard.PastePoint} where on the board a paste lands. The format and
 * the placing rules, which need no screen, are {@code client.clipboard}'s.
 */
package dev.drawbridge.client.ui.clipboard;
