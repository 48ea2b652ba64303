/**
 * The board screen: {@code BoardView} puts the canvas together with the tool picker, style and
 * people panels, zoom and status bars, menu and toasts; {@code BoardViewModel} and {@code
 * StatusViewModel} hold their state as JavaFX properties. Pointer input ({@code BoardPointer}),
 * keyboard shortcuts, the tools' view of the board ({@code BoardToolContext}), in-place text
 * editing and board files (save, open, export) each have their own class. What the screen asks of
 * the window around it (leave, open a file, show settings) goes through {@code Shell}.
 */
package dev.drawbridge.client.ui.board;
