/**
 * What every screen is dressed with: {@code Messages} (every string the user reads, from the {@code
 * messages} bundles at the root of the classpath, relabelling the open UI when the language
 * changes), {@code MomentText} (when something happened, written one way on every screen) and
 * {@code Icons} (the Material Design icons, one per tool). Knows no screen.
 */
package dev.drawbridge.client.ui.common;
