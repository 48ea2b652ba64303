package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.SettingsStore;
import java.nio.file.Path;

/** What the board screen may ask of the window around it (navigation, files, settings). */
public interface Shell {
  Messages messages();

  SettingsStore settings();

  /**
   * Closes the open board and shows the start screen; asks first when hosting it with guests
   * connected (leaving ends the board for them).
   */
  void leaveBoard();

  /**
   * Runs {@code leave}, an action that leaves this board (opening a file), once the user agreed: a
   * shared board asks first; a local one runs it at once.
   */
  default void confirmLeaving(Runnable leave) {
    leave.run();
  }

  /** Opens a board file in place of the current board (errors shown in plain words). */
  void openFile(Path file);

  /** Shows the settings dialog. */
  void showSettings();
}
