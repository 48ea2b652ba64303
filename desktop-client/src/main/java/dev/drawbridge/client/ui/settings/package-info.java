/**
 * What the app remembers per user ({@code Settings}: name, colour, theme, language, last join,
 * recent boards), its file ({@code SettingsStore}, tolerant of older and newer files) and the
 * dialog that edits it. Used by every screen; knows none of them.
 */
package dev.drawbridge.client.ui.settings;
