/**
 * The JavaFX app, one package per screen or feature: {@code ui.app} is the shell (the window, the
 * launcher, opening sessions) and the only package that knows every screen; {@code ui.start} and
 * {@code ui.board} are the two screens, which never import each other; {@code ui.settings} and
 * {@code ui.common} (messages, icons) serve every screen; {@code ui.canvas} and {@code ui.tool} are
 * the board's drawing surface and tools and know no screen. View-models expose JavaFX properties
 * and views bind to them; calls from other threads arrive through the session's UI executor.
 */
package dev.drawbridge.client.ui;
