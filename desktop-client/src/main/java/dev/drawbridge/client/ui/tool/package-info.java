/**
 * The drawing tools: each turns pointer input (already in board units) into ops on the {@code
 * LocalBoard}, and says what to preview on the live layer. Moves, resizes and new shapes snap
 * through {@code GestureSnapping} (the math is in {@code client.geom}); edits of the whole
 * selection, align and distribute among them, are {@code SelectionEdits}, each one undo step. No
 * JavaFX here, so every tool is tested by feeding it pointer input and reading the board.
 */
package dev.drawbridge.client.ui.tool;
