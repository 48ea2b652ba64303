/**
 * The drawing tools: each turns pointer input (already in board units) into ops on the {@code
 * LocalBoard}, and says what to preview on the live layer. No JavaFX here, so every tool is tested
 * by feeding it pointer input and reading the board.
 */
package dev.drawbridge.client.ui.tool;
