/**
 * The board as the user sees it: the confirmed board plus pending local ops, rebased when remote
 * ops arrive, and the user's own undo and redo. Pure Java (no JavaFX), so every rule here is
 * unit-tested without a screen.
 */
package dev.drawbridge.client.model;
