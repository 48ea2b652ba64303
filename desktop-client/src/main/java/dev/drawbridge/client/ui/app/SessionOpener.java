package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;

/** Opens a shared board for the join form (the sync layer's networked session). */
@FunctionalInterface
public interface SessionOpener {
  /**
   * Opens the board; returns at once while it connects in the background.
   *
   * @throws IllegalArgumentException with plain words when the address or room is not usable
   * @throws UnsupportedOperationException when this build cannot join shared boards
   */
  BoardSession open(JoinForm form, Settings settings);

  /** For builds without the networked session. */
  SessionOpener UNAVAILABLE =
      (form, settings) -> {
        throw new UnsupportedOperationException("no networked session in this build");
      };
}
