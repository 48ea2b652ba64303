package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.io.BoardFileException;
import dev.drawbridge.client.io.BoardFileWriter;
import dev.drawbridge.client.io.ExportArea;
import dev.drawbridge.client.io.PdfExporter;
import dev.drawbridge.client.io.PngWriter;
import dev.drawbridge.client.io.SvgExporter;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.ui.canvas.BoardImage;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.stage.FileChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Save, open and export for one board screen; results and errors go to its toast. */
final class BoardFiles {
  /** Where short messages go. */
  interface Toast {
    void show(String message, boolean error);
  }

  private static final Logger LOG = LoggerFactory.getLogger(BoardFiles.class);
  private final BoardSession session;
  private final BoardViewModel vm;
  private final Shell shell;
  private final Messages messages;
  private final Toast toast;
  private final Parent root;
  private final Executor ui;
  private final BoardFileWriter writer;
  private Path file;
  // The name in the title and status bar: the room, or the file a local board was saved to.
  private final javafx.beans.property.ReadOnlyStringWrapper title =
      new javafx.beans.property.ReadOnlyStringWrapper();
  private boolean changed;
  // PNG exports draw pictures decoded at once at the export's resolution (BoardCanvas.pictures()).
  private dev.drawbridge.client.ui.canvas.PictureSource pictures =
      dev.drawbridge.client.ui.canvas.PictureSource.NONE;
  // An autosave handed to the writer whose result has not come back yet (it may still fail).
  private boolean autosaveUnconfirmed;
  // Whether the first change of a board kept in a file was seen (see saveAtFirstChange).
  private boolean firstChangeSaved;

  /**
   * @param ui where autosave results are reported ({@code Platform::runLater}): autosaves are
   *     written on a background thread
   */
  BoardFiles(
      BoardSession session, BoardViewModel vm, Shell shell, Parent root, Toast toast, Executor ui) {
    this.session = session;
    // The writer reads picture bytes on its thread: autosaves are of local boards, whose stores are
    // thread-safe, and an explicit save or the last one on close holds the UI thread until done.
    this.writer = new BoardFileWriter(session.blobs()::bytes, historyOf(session));
    this.ui = ui;
    this.vm = vm;
    this.shell = shell;
    this.messages = shell.messages();
    this.root = root;
    this.toast = toast;
    title.set(session.title());
    session
        .board()
        .addListener(
            new dev.drawbridge.client.model.BoardListener() {
              @Override
              public void elementsChanged(Set<String> elementIds) {
                changed = true;
                saveAtFirstChange();
              }
            });
  }

  /**
   * Saves a local board to its file if it changed since the last save, without a message: local
   * boards are kept like shared ones are journaled, so leaving or closing never loses a drawing.
   * Shared boards are kept by the sync layer and are not touched. The snapshot is taken here; the
   * file is written on the writer's thread, so a large board does not stall the UI.
   */
  void autosave() {
    if (!needsAutosave()) {
      return;
    }
    Path target = file;
    BoardSnapshot snapshot = boardSnapshot();
    long seq = snapshot.seq();
    // Later edits mark the board changed again; a failed write does too (below).
    changed = false;
    autosaveUnconfirmed = true;
    writer.saveLater(
        target,
        snapshot,
        failure ->
            ui.execute(
                () -> {
                  autosaveUnconfirmed = false;
                  if (failure == null) {
                    savedHistory(target, seq);
                    remember(target);
                  } else {
                    changed = true;
                    autosaveFailed(target, failure);
                  }
                }));
  }

  /**
   * A new local board ("Work offline") is written, and listed under recent boards, at its first
   * change rather than at the first 30 s autosave: an app killed before then would otherwise leave
   * the drawing only in the history log beside a file nobody lists. Later changes wait for the
   * autosave as usual, with the log keeping them meanwhile.
   */
  private void saveAtFirstChange() {
    if (firstChangeSaved || !isKeptInFile()) {
      return;
    }
    firstChangeSaved = true;
    if (Files.notExists(file)) {
      // After the op that changed the board has been applied everywhere it is being applied.
      ui.execute(this::autosave);
    }
  }

  /**
   * Writes the last changes and stops the writer's thread; waits for the disk, so nothing drawn is
   * lost when the board is left or the window closes. An autosave whose result has not come back is
   * written again: it may have failed.
   */
  void close() {
    try {
      if (needsAutosave() || (autosaveUnconfirmed && isKeptInFile())) {
        Path target = file;
        try {
          BoardSnapshot snapshot = boardSnapshot();
          writer.save(target, snapshot);
          changed = false;
          savedHistory(target, snapshot.seq());
          remember(target);
        } catch (BoardFileException e) {
          autosaveFailed(target, e);
        }
      }
    } finally {
      writer.close();
    }
  }

  private boolean isKeptInFile() {
    return file != null && session instanceof LocalOnlySession;
  }

  /**
   * The board to save: what the user sees, numbered with the confirmed seq (the view's own seq is
   * not kept up to date), so a file's board and its history's last op agree.
   */
  private BoardSnapshot boardSnapshot() {
    var board = session.board();
    return new BoardSnapshot(board.confirmedSeq(), board.view().snapshot().elements());
  }

  /** A local board's history goes into its file; a shared board's stays with the relay. */
  private static java.util.function.LongFunction<
          dev.drawbridge.client.history.local.LocalHistory.Record>
      historyOf(BoardSession session) {
    if (session instanceof LocalOnlySession local) {
      return local.fileHistory().history()::upTo;
    }
    return seq -> null;
  }

  /** The file holds the history up to {@code seq}: the log beside it starts again after it. */
  private void savedHistory(Path target, long seq) {
    if (session instanceof LocalOnlySession local) {
      local.fileHistory().saved(target, seq);
    }
  }

  private boolean needsAutosave() {
    if (!changed || !isKeptInFile()) {
      return false;
    }
    return !session.board().view().visibleElements().isEmpty() || java.nio.file.Files.exists(file);
  }

  private void autosaveFailed(Path target, BoardFileException e) {
    LOG.warn("Autosaving {} failed", target, e);
    toast.show(messages.get("error.save", target.getFileName()), true);
  }

  private void remember(Path target) {
    shell.settings().save(shell.settings().get().withRecent(Settings.RecentBoard.file(target)));
  }

  Path file() {
    return file;
  }

  /**
   * Whether the board is kept only in the app's folder for new boards (never saved by the user).
   */
  boolean keptInAppFolder() {
    if (file == null || !(session instanceof LocalOnlySession)) {
      return false;
    }
    Path boards = shell.settings().boards().toAbsolutePath().normalize();
    return file.toAbsolutePath().normalize().startsWith(boards);
  }

  /** The board's name as shown in the title and status bar. */
  javafx.beans.property.ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The file a local board is kept in; its history is logged beside it from now on. */
  /**
   * Names a board not saved anywhere yet by the message {@code key}, in the UI's language as it
   * switches, until it is saved under a name of its own.
   */
  void nameUntilSaved(String key) {
    title.bind(messages.bind(key));
  }

  void setFile(Path file) {
    this.file = file;
    if (file != null && session instanceof LocalOnlySession local) {
      local.fileHistory().keepIn(file);
    }
  }

  /** Ctrl+O: opening a file leaves a shared board, so the shell asks first (issue 14). */
  void chooseOpen() {
    shell.confirmLeaving(this::showOpenChooser);
  }

  private void showOpenChooser() {
    FileChooser chooser = fileChooser("menu.open", "drawbridge");
    java.io.File chosen = chooser.showOpenDialog(window());
    if (chosen != null) {
      shell.openFile(chosen.toPath());
    }
  }

  /**
   * Ctrl+S: a board never saved by the user (a new offline board, kept in the app's own folder
   * meanwhile) asks where to save it, rather than saving where no one would find it.
   */
  void save() {
    if (file == null || keptInAppFolder()) {
      saveAs();
    } else {
      saveTo(file);
    }
  }

  void saveAs() {
    FileChooser chooser = fileChooser("menu.saveAs", "drawbridge");
    chooser.setInitialFileName(safeName(title()) + BoardFile.EXTENSION);
    java.io.File chosen = chooser.showSaveDialog(window());
    if (chosen != null) {
      Path target = chosen.toPath();
      if (!target.getFileName().toString().endsWith(BoardFile.EXTENSION)) {
        target = target.resolveSibling(target.getFileName() + BoardFile.EXTENSION);
      }
      saveTo(target);
    }
  }

  /** Saves the board to {@code target}; true when it worked (errors are shown). */
  public boolean saveTo(Path target) {
    try {
      BoardSnapshot snapshot = boardSnapshot();
      writer.save(target, snapshot);
      file = target;
      changed = false;
      savedHistory(target, snapshot.seq());
      remember(target);
      if (session instanceof LocalOnlySession) {
        title.unbind();
        title.set(target.getFileName().toString());
      }
      toast.show(messages.get("file.saved", target.getFileName()), false);
      return true;
    } catch (BoardFileException e) {
      LOG.warn("Saving {} failed", target, e);
      toast.show(messages.get("error.save", target.getFileName()), true);
      return false;
    }
  }

  /** Where PNG exports get pictures: one that decodes at once ({@code Pictures.now()}). */
  void setPictures(dev.drawbridge.client.ui.canvas.PictureSource source) {
    pictures = source;
  }

  void chooseExport(String kind) {
    FileChooser chooser = fileChooser("menu.export", kind);
    chooser.setInitialFileName(safeName(title()) + "." + kind);
    java.io.File chosen = chooser.showSaveDialog(window());
    if (chosen != null) {
      export(kind, chosen.toPath(), !vm.selection().isEmpty());
    }
  }

  /**
   * Exports the board, or only the selection, as "png", "svg" or "pdf". True when it worked (errors
   * are shown).
   */
  public boolean export(String kind, Path target, boolean selectionOnly) {
    List<Element> elements = exportedElements(selectionOnly);
    try {
      switch (kind) {
        case "png" -> {
          Rect area = ExportArea.of(elements);
          new PngWriter().write(BoardImage.render(elements, area, 2, pictures), target);
        }
        case "svg" -> new SvgExporter().export(elements, session.blobs()::bytes, target);
        case "pdf" -> new PdfExporter().export(elements, session.blobs()::bytes, target);
        default -> throw new IllegalArgumentException("unknown export kind " + kind);
      }
      toast.show(messages.get("file.exported", target.getFileName()), false);
      return true;
    } catch (BoardFileException e) {
      LOG.warn("Export to {} failed", target, e);
      toast.show(messages.get("error.export", target.getFileName()), true);
      return false;
    }
  }

  List<Element> exportedElements(boolean selectionOnly) {
    var view = session.board().view();
    // Connectors are exported where the board draws them, at their targets (R102), even when
    // only the connector is selected.
    List<Element> all =
        view.visibleElements().stream()
            .map(e -> dev.drawbridge.client.geom.DrawnConnectors.drawn(e, view::get))
            .toList();
    if (!selectionOnly) {
      return all;
    }
    Set<String> ids = vm.selection().ids();
    return all.stream().filter(e -> ids.contains(e.id())).toList();
  }

  FileChooser fileChooser(String titleKey, String kind) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(messages.get(titleKey));
    String pattern = "*." + kind;
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(messages.get("file.kind." + kind), pattern));
    // Not the app's own folder of new boards: Save as would suggest saving in it.
    if (file != null && file.toAbsolutePath().getParent() != null && !keptInAppFolder()) {
      chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
    }
    return chooser;
  }

  /** The board's title, for the names of exported files. */
  String title() {
    return title.get();
  }

  /**
   * A file name (without extension) for the board called {@code title}: an opened file's title is
   * its file name, so "plan.drawbridge" suggests "plan.png", not "plandrawbridge.png".
   */
  static String safeName(String title) {
    String name = title == null ? "" : title;
    if (name.endsWith(BoardFile.EXTENSION)) {
      name = name.substring(0, name.length() - BoardFile.EXTENSION.length());
    }
    String cleaned = name.replaceAll("[^\\p{L}\\p{N}._ -]", "").replaceAll("^[. ]+", "").trim();
    return cleaned.isEmpty() ? "board" : cleaned;
  }

  javafx.stage.Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }
}
