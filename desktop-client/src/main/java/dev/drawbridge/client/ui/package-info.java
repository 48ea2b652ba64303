/**
 * The JavaFX app: the window, the start and board screens, their view-models, settings and
 * translations. View-models expose JavaFX properties and views bind to them; calls from other
 * threads arrive through the session's UI executor.
 */
package dev.drawbridge.client.ui;
