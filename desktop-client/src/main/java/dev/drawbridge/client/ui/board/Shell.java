package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.SettingsStore;
import java.nio.file.Path;

/** What the board screen may ask of the window around it (navigation, files, settings). */
public interface Shell {
  Messages messages();

  SettingsStore settings();

  /** Closes the open board and shows the start screen. */
  void leaveBoard();

  /** Opens a board file in place of the current board (errors shown in plain words). */
  void openFile(Path file);

  /** Shows the settings dialog. */
  void showSettings();
}
