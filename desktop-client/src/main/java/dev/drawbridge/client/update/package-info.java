/**
 * The notify-only update check (issue 20): at most daily, the app reads a small JSON notice of the
 * newest release and, when it is newer and not skipped, says so. Nothing is downloaded or
 * installed.
 */
package dev.drawbridge.client.update;
