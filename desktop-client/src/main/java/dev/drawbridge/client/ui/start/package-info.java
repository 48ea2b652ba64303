/**
 * The start screen: join a shared board ({@code JoinForm} checks what was typed and says what is
 * wrong in plain words), host one on this computer, work offline, or reopen a recent board or a
 * file. What the user picks goes to the window through {@code StartView.Actions}; the screen knows
 * neither the board screen nor how sessions are opened.
 */
package dev.drawbridge.client.ui.start;
