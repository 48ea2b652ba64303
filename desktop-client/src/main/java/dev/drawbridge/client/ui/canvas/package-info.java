/**
 * The board on screen. Two layers: a cached bitmap of the committed elements, redrawn only where
 * elements changed (or when the zoom changes or a pan leaves its margin), and a live layer for what
 * moves every frame (strokes in progress, previews, selection, remote cursors). A grid index finds
 * what is visible, and pans move the cached bitmap by whole pixels.
 */
package dev.drawbridge.client.ui.canvas;
