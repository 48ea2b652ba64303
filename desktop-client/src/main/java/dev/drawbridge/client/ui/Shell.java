package dev.drawbridge.client.ui;

import java.nio.file.Path;

/** What a screen may ask of the window around it (navigation, dialogs). */
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
