package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.blob.BlobStore;
import dev.drawbridge.client.history.local.HistoryLog;
import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.io.BoardFileException;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.ui.board.BoardView;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boards without a relay, opened in a window: a new offline board (kept in the app's folder until
 * saved elsewhere) and a {@code .drawbridge} file with the history kept beside it. Called on the UI
 * thread.
 */
final class OfflineBoards {
  private static final Logger LOG = LoggerFactory.getLogger(OfflineBoards.class);

  private final AppWindow window;
  private final SettingsStore settings;
  private final Messages messages;

  OfflineBoards(AppWindow window) {
    this.window = window;
    this.settings = window.settings();
    this.messages = window.messages();
  }

  /** Shows a new, empty offline board (the demo board's strokes with {@code -Ddrawbridge.demo}). */
  void startNew() {
    LocalBoard board = new LocalBoard();
    if (Boolean.getBoolean("drawbridge.demo")) {
      DemoBoard.populate(board, settings.get().clientId());
    }
    BoardView view = window.showBoard(session(board, messages.get("board.offline")));
    // Kept in the app's folder (and listed under recent boards) until saved elsewhere; called
    // "Offline board" in the UI's language until then.
    view.setFile(newBoardFile(settings.boards()));
    view.nameUntilSaved("board.offline");
  }

  /**
   * A file name for a new offline board, by the time it was started: one no board has yet (two
   * boards started within a second must not share a file, nor a history log beside it).
   */
  static Path newBoardFile(Path boards) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss"));
    Path file = boards.resolve("board-" + stamp + BoardFile.EXTENSION);
    for (int n = 2; Files.exists(file) || Files.exists(HistoryLog.beside(file)); n++) {
      file = boards.resolve("board-" + stamp + "-" + n + BoardFile.EXTENSION);
    }
    return file;
  }

  /**
   * A board without a relay, keeping its pictures in the app's store on disk like shared boards
   * (one place, so no local board is opened with the in-memory default by mistake).
   */
  private LocalOnlySession session(LocalBoard board, String title) {
    return new LocalOnlySession(
        board, title, settings.get().clientId(), BlobStore.in(settings.home()));
  }

  /** Shows the board in {@code file}, or says in the window why it cannot be opened. */
  void open(Path file) {
    long started = System.nanoTime();
    long readNanos;
    LocalBoard board = new LocalBoard();
    LocalOnlySession opened = session(board, file.getFileName().toString());
    BoardFile.Opened read;
    try {
      // The file's pictures go to the session's store as they are read (each one checked).
      read = new BoardFile().open(file, opened.blobs()::put);
      readNanos = System.nanoTime() - started;
    } catch (BoardFileException e) {
      LOG.info("Could not open {}: {}", file, e.getMessage());
      opened.close();
      window.showError(
          switch (e.reason()) {
            case NOT_A_BOARD -> messages.get("error.notABoard", file.getFileName());
            case DAMAGED -> messages.get("error.damagedBoard", file.getFileName());
            case TOO_NEW -> messages.get("error.tooNew", file.getFileName());
            case IO -> messages.get("error.read", file.getFileName());
          });
      return;
    }
    // The file's history, and the ops the log beside it holds since the file's last save (an app
    // killed between autosaves): they come back to the board too.
    board.restore(opened.fileHistory().open(file, read.snapshot(), read.history()), List.of());
    long restoredNanos = System.nanoTime() - started;
    BoardView view = window.showBoard(opened);
    // Where opening a big board's time goes (issue 19: a 10,000-element board in ≤ 1.5 s).
    LOG.info(
        "Opened {}: {} elements; read {} ms, board {} ms, screen {} ms",
        file.getFileName(),
        read.snapshot().elements().size(),
        readNanos / 1_000_000,
        (restoredNanos - readNanos) / 1_000_000,
        (System.nanoTime() - started - restoredNanos) / 1_000_000);
    if (read.skippedPictures() > 0) {
      view.showToast(
          messages.get("file.picturesSkipped", read.skippedPictures(), file.getFileName()), true);
    }
    view.setFile(file);
    settings.save(settings.get().withRecent(Settings.RecentBoard.file(file)));
  }
}
