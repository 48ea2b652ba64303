package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.PeerNames;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.common.MomentText;
import dev.drawbridge.client.ui.history.AttributionText;
import dev.drawbridge.client.ui.history.AttributionView;
import dev.drawbridge.client.ui.history.AuthorColours;
import dev.drawbridge.client.ui.history.BoardPastActions;
import dev.drawbridge.client.ui.history.HistoryModel;
import dev.drawbridge.client.ui.history.HistoryPanel;
import dev.drawbridge.client.ui.history.PastView;
import dev.drawbridge.client.ui.history.RestoreConfirmation;
import dev.drawbridge.protocol.message.Peer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * The board's past on the board screen (issue 17): its {@link BoardHistory}, the history panel that
 * shows a past board on the canvas, "Restore" and "Copy" of a past board, who made and last changed
 * what ({@link AttributionView}), and the names of the people seen, kept in the app's home. {@link
 * BoardView} places the panel and the label and tells this what the session says.
 */
final class BoardPast {
  /** Names of the people seen on boards, by client id (in the app's home). */
  static final String NAMES_FILE = "people-names.properties";

  private static final KeyCombination HISTORY_KEY =
      new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private final BoardHistory history;
  private final PeerNames names;
  private final Path namesFile;
  private final AttributionView attribution;
  private final BoardPastActions actions;
  private final HistoryPanel panel;

  /**
   * @param window the board's window, for the restore question (null before it is shown)
   * @param pastShown told when the canvas goes into the past (true) or back to now (false)
   */
  BoardPast(
      BoardSession session,
      Shell shell,
      BoardViewModel vm,
      BoardCanvas canvas,
      BoardToast toast,
      Supplier<Window> window,
      Consumer<Boolean> pastShown) {
    Messages messages = shell.messages();
    this.history =
        new BoardHistory(
            session.history(), () -> session.board().confirmed().snapshot(), Platform::runLater);
    this.namesFile = shell.settings().home().resolve(NAMES_FILE);
    this.names = PeerNames.read(namesFile);
    // One way of writing times for the status bar and the history panel.
    MomentText moments = new MomentText(messages, ZoneId.systemDefault(), Instant::now);
    this.attribution =
        new AttributionView(
            history,
            session.board(),
            new AttributionText(messages, names, session.clientId(), moments));
    this.actions =
        new BoardPastActions(
            session,
            vm::copyElements,
            RestoreConfirmation.alert(messages, window),
            (error, key, args) -> toast.show(messages.get(key, args), error));
    HistoryModel model = new HistoryModel(history, PastView.Screen.of(canvas));
    this.panel =
        new HistoryPanel(
            model,
            authorColours(session, shell),
            new HistoryPanel.Context(
                messages,
                session.clientId(),
                () -> shell.settings().get().name(),
                !(session instanceof LocalOnlySession),
                () -> vm.selection().ordered(),
                names::nameOf,
                () -> session.board().view().hash(),
                moments));
    panel.setActions(actions);
    model.inPastProperty().addListener((o, was, past) -> pastShown.accept(past));
    peersChanged(session.peers());
  }

  private static AuthorColours authorColours(BoardSession session, Shell shell) {
    AuthorColours authors = new AuthorColours();
    authors.learn(session.peers());
    // This user's own changes in their own colour.
    var me = shell.settings().get();
    try {
      authors.learn(List.of(new Peer(session.clientId(), me.name(), me.color(), "editor")));
    } catch (RuntimeException e) {
      // A name or colour the protocol would refuse: the marks take a colour from the id.
    }
    return authors;
  }

  BoardHistory history() {
    return history;
  }

  HistoryPanel panel() {
    return panel;
  }

  BoardPastActions actions() {
    return actions;
  }

  AttributionView attribution() {
    return attribution;
  }

  /** Ctrl+Shift+H opens or closes the panel; the open panel takes its own keys first. */
  boolean handleKey(KeyEvent e) {
    if (HISTORY_KEY.match(e)) {
      panel.toggle();
      return true;
    }
    return panel.handleKey(e);
  }

  /** Remembers who is on the board by name, also for next time (who drew what). */
  void peersChanged(Collection<Peer> peers) {
    panel.peersChanged(peers);
    if (names.learn(peers)) {
      Map<String, String> copy = names.snapshot();
      // Best effort, off the UI thread: a name not written is learnt again when its owner is back.
      CompletableFuture.runAsync(() -> PeerNames.write(copy, namesFile)).exceptionally(e -> null);
    }
  }
}
