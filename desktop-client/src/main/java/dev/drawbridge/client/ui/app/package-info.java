/**
 * The app shell: {@code Launcher} and {@code DrawbridgeApp} start the app, and {@code AppWindow}
 * owns the one window, the open session and the hosted relay, and swaps the start screen for a
 * board and back. It is the one place that knows every screen: it implements what each screen asks
 * of it ({@code StartView.Actions}, the board's {@code Shell}), opens shared boards through a
 * {@code SessionOpener}, applies the theme and the UI's fonts for the language ({@code Theme},
 * {@code UiFonts}), and holds the hidden demo switches ({@code DemoBoard}, {@code DemoGuest}).
 * Nothing else in the app depends on this package.
 */
package dev.drawbridge.client.ui.app;
