package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.PastActions;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.clipboard.PastePoint;
import dev.drawbridge.client.ui.clipboard.SystemClipboard;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.history.BoardPastActions;
import dev.drawbridge.client.ui.history.HistoryPanel;
import dev.drawbridge.client.ui.history.PastPointer;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.Tool;
import dev.drawbridge.client.ui.tool.Tools;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The board screen: the canvas with floating islands ({@link ToolPicker}, {@link MainMenu}, {@link
 * StylePanel}, {@link ZoomBar}, {@link PeoplePanel}), the shortcuts sheet, a toast and the status
 * bar. It builds and wires them, binds to {@link BoardViewModel} and {@link StatusViewModel}, and
 * follows the session; tools do the drawing ({@link BoardPointer}), {@link BoardShortcuts} the keys
 * and {@link BoardFiles} saving and exporting.
 */
public final class BoardView {
  private final BoardSession session;
  private final Shell shell;
  private final Messages messages;
  private final BoardViewModel vm;
  private final StatusViewModel status;
  private final BoardCanvas canvas;
  private final Tools tools;
  private final BorderPane root = new BorderPane();
  private final StackPane stack = new StackPane();
  private final Islands islands = new Islands(stack);
  private final Pane editorLayer = new Pane();
  private final BoardToast toast = new BoardToast();
  private final PeoplePanel people;
  private final LivePresence live;
  private final Timeline ticker;
  private final Timeline autosaver;
  private final SessionListener sessionListener;
  private final InPlaceTextEditor textEditor;
  // Nothing may change the board: this user is a viewer, or the past is shown (read-only).
  private final BooleanProperty viewOnly = new SimpleBooleanProperty(false);
  private final BoardContextMenu contextMenu;
  private final BooleanProperty viewer = new SimpleBooleanProperty(false);
  private final VBox help;
  private final BoardFiles files;
  private final TimelapseAction timelapse;
  private final BoardShortcuts shortcuts;
  private final LeaveGuard leaveGuard;
  private final ImageDrop images;
  private final BoardPast past;

  public BoardView(BoardSession session, Shell shell) {
    this.session = session;
    this.shell = shell;
    this.messages = shell.messages();
    this.vm = new BoardViewModel(session.board());
    this.status =
        new StatusViewModel(messages, Instant::now, !(session instanceof LocalOnlySession));
    this.canvas = new BoardCanvas(session.board(), vm.selection());
    this.past =
        new BoardPast(
            session,
            shell,
            vm,
            canvas,
            toast,
            () -> root.getScene() == null ? null : root.getScene().getWindow(),
            this::pastShown);
    this.textEditor = new InPlaceTextEditor(session, vm, canvas, editorLayer);
    // Past elements selected for "Copy from here" are not this user's selection on the board.
    this.live =
        new LivePresence(session, () -> canvas.showsPast() ? List.of() : vm.selection().ordered());
    textEditor.setDraftListener(live::draft);
    BoardToolContext toolContext = new BoardToolContext(session, vm, canvas, textEditor);
    toolContext.setLivePresence(live);
    this.tools = new Tools(toolContext);
    this.contextMenu =
        new BoardContextMenu(
            vm,
            canvas,
            (dev.drawbridge.client.ui.tool.SelectTool)
                tools.get(dev.drawbridge.client.ui.tool.ToolKind.SELECT),
            messages,
            session.clientId(),
            viewOnly,
            canvas::showsPast);
    contextMenu.attach();
    this.help = ShortcutsHelp.build(messages);
    this.leaveGuard = new LeaveGuard(messages);
    this.files = new BoardFiles(session, vm, shell, root, toast, Platform::runLater);
    canvas.setBlobs(session.blobs());
    files.setPictures(canvas.pictures().now());
    this.timelapse = new TimelapseAction(files, vm, canvas, past.history(), messages, toast::show);
    this.images = new ImageDrop(session, vm, canvas, messages, toast::show, viewOnly);
    this.people = new PeoplePanel(session, shell, canvas, toast, live);
    vm.useClipboard(
        new SystemClipboard(),
        session.blobs(),
        viewOnly::get,
        session::holdsImages,
        new PastePoint(canvas),
        (error, key, args) -> toast.show(messages.get(key, args), error));
    canvas.setOnViewMoved(
        byUser -> {
          live.view(canvas.viewCentre());
          if (byUser) {
            people.follow().userMoved();
          }
        });
    this.shortcuts =
        new BoardShortcuts(
            vm,
            canvas,
            files,
            session.clientId(),
            help,
            () -> currentTool().cancel(),
            viewOnly::get);
    canvas.gridProperty().set(shell.settings().get().grid());
    canvas
        .gridProperty()
        .addListener((o, a, b) -> shell.settings().save(shell.settings().get().withGrid(b)));
    vm.snapToGridProperty().set(shell.settings().get().snapToGrid());
    vm.snapToGridProperty()
        .addListener((o, a, b) -> shell.settings().save(shell.settings().get().withSnapToGrid(b)));
    BoardPointer pointer = new BoardPointer(live, vm, canvas, tools, textEditor, viewOnly::get);
    pointer.setHoverListener(past.attribution()::hovered);
    // In the past, clicks select past elements (for Copy from here) and nothing else happens.
    canvas.setPointerHandler(new PastPointer(pointer, canvas::showsPast, canvas, vm.selection()));
    canvas.setPreviewSource(() -> currentTool().preview());
    vm.toolProperty()
        .addListener(
            (o, a, b) -> {
              textEditor.commit();
              tools.get(a).cancel();
              canvas.setToolCursor(BoardPointer.cursorFor(b));
            });
    canvas.setToolCursor(BoardPointer.cursorFor(vm.toolProperty().get()));
    vm.selection().addListener(this::selectionChanged);
    build();
    sessionListener =
        new SessionListener() {
          @Override
          public void stateChanged(ConnectionState state) {
            status.stateProperty().set(state);
            setViewOnly("viewer".equals(session.role()));
            if (state instanceof ConnectionState.Synced) {
              past.panel().connected();
            }
          }

          @Override
          public void peersChanged(Collection<Peer> peers) {
            past.peersChanged(peers);
            people.showPeers(peers);
          }

          @Override
          public void presence(ServerMessage.PresenceBroadcast p) {
            people.presence(p);
          }

          @Override
          public void pendingChanged(int pendingCount) {
            status.setPending(pendingCount);
          }

          @Override
          public void imageNotStored(String blobId, String reason) {
            showToast(ImageRefusals.text(shell.messages(), reason), true);
          }

          @Override
          public void opSequenced(HistoryOp op) {
            past.history().opSequenced(op);
          }
        };
    session.addListener(sessionListener);
    status.stateProperty().set(session.state());
    people.showPeers(session.peers());
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> status.tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    autosaver = new Timeline(new KeyFrame(Duration.seconds(30), e -> files.autosave()));
    autosaver.setCycleCount(Timeline.INDEFINITE);
    autosaver.play();
    shortcuts.setFirst(past::handleKey);
    shortcuts.attachTo(root);
  }

  /**
   * Into or out of the past (issue 17): nothing half-done carries over, a selection of past
   * elements means nothing on the present board (nor the other way round), and the past is
   * read-only.
   */
  private void pastShown(boolean inPast) {
    textEditor.commit();
    currentTool().cancel();
    vm.selection().clear();
    viewOnly.set(viewer.get() || inPast);
  }

  /**
   * Replaces what the history panel's "Restore this version" and "Copy from here" do ({@link
   * #pastActions()} by default; null greys both out with a tooltip). For tests.
   */
  void setPastActions(PastActions actions) {
    past.panel().setActions(actions);
  }

  /** The history panel (opened from the menu, the zoom bar or Ctrl+Shift+H). */
  public HistoryPanel historyPanel() {
    return past.panel();
  }

  public Parent root() {
    return root;
  }

  public BoardCanvas canvas() {
    return canvas;
  }

  public BoardViewModel model() {
    return vm;
  }

  public StatusViewModel status() {
    return status;
  }

  public BoardSession session() {
    return session;
  }

  /** This board's past (issue 17): loaded when the history panel or attribution first asks. */
  public BoardHistory history() {
    return past.history();
  }

  /** Restore and Copy of a past board, as the history panel carries them out (issue 17). */
  public BoardPastActions pastActions() {
    return past.actions();
  }

  /** Who made and last changed the element looked at, in the status bar (for tests). */
  public Label attributionLabel() {
    return past.attribution().label();
  }

  /** The file this board was opened from or last saved to, if any. */
  public Path file() {
    return files.file();
  }

  /** Names a board never saved by the message {@code key}, following the UI's language. */
  public void nameUntilSaved(String key) {
    files.nameUntilSaved(key);
  }

  public void setFile(Path file) {
    files.setFile(file);
  }

  /** The right-click menu (for tests). */
  BoardContextMenu contextMenu() {
    return contextMenu;
  }

  /** The board's name in the title and status bar: the room, or the file it was saved to. */
  public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
    return files.titleProperty();
  }

  /** Whether Ctrl+S asks where to save (the board was never saved by the user). */
  boolean saveAsksWhere() {
    return files.file() == null || files.keptInAppFolder();
  }

  /** The settings changed (name, colour): this user's entry in the people list follows. */
  public void settingsChanged() {
    people.showPeers(session.peers());
  }

  /**
   * Offers "Copy invite link" and "Copy view-only link" (when hosting).
   *
   * @param openToNetwork the board is announced to anyone on the local network as well
   */
  public void setInvites(String editorLink, String viewerLink, boolean openToNetwork) {
    people.setInvites(editorLink, viewerLink, openToNetwork);
  }

  /** The invite link "Copy invite link" copies, or null. */
  public String editorLink() {
    return people.editorLink();
  }

  /** The link "Copy view-only link" copies, or null. */
  public String viewerLink() {
    return people.viewerLink();
  }

  /**
   * Asks {@code question} over the board; {@code leave} runs only if the user picks {@code
   * confirmLabel} (the window decides what is at stake, see {@link Shell#confirmLeaving}).
   */
  public void askBeforeLeaving(String question, String confirmLabel, Runnable leave) {
    leaveGuard.ask(question, confirmLabel, leave);
  }

  /** Whether the leave question is showing (for tests and the window's close request). */
  public boolean isAskingBeforeLeaving() {
    return leaveGuard.isShowing();
  }

  /** A viewer may look and pan but not draw: the tools and style controls are disabled. */
  void setViewOnly(boolean only) {
    viewer.set(only);
    viewOnly.set(only || canvas.showsPast());
    status.setViewOnly(only);
    if (only) {
      currentTool().cancel();
      vm.selection().clear();
    }
  }

  /** Stops timers and listeners; the session is closed by whoever opened it. */
  public void dispose() {
    textEditor.commit();
    timelapse.cancel();
    files.close();
    past.panel().close();
    ticker.stop();
    autosaver.stop();
    session.removeListener(sessionListener);
  }

  /** What the 30-second timer does: a local board's changes go to its file in the background. */
  void autosave() {
    files.autosave();
  }

  /** Saves the board to {@code target}; true when it worked (errors are shown). */
  public boolean saveTo(Path target) {
    return files.saveTo(target);
  }

  /** Exports the board (or the selection) as "png", "svg" or "pdf"; true when it worked. */
  public boolean export(String kind, Path target, boolean selectionOnly) {
    return files.export(kind, target, selectionOnly);
  }

  /** Putting pictures on this board: the chooser, drops and pastes (for tests). */
  ImageDrop images() {
    return images;
  }

  /** Following others' views and presenting (for tests). */
  FollowMode follow() {
    return people.follow();
  }

  /** The in-place text editor while one is open (for tests). */
  TextArea textEditor() {
    return textEditor.editor();
  }

  /** Shows a short message over the board (errors in plain words, never a stack trace). */
  public void showToast(String message, boolean error) {
    toast.show(message, error);
  }

  public Label toast() {
    return toast.label();
  }

  // ---- layout ---------------------------------------------------------------------------

  private void build() {
    root.getStyleClass().add("board-view");
    editorLayer.setPickOnBounds(false);
    editorLayer.setManaged(true);
    stack.getChildren().addAll(canvas, editorLayer);
    HBox toolbar = ToolPicker.build(vm, messages);
    toolbar.getChildren().addAll(images.toolbarButton());
    toolbar.disableProperty().bind(viewOnly);
    islands.add(toolbar, Pos.TOP_CENTER, new Insets(12, 0, 0, 0));
    // Why the tools are greyed out, in words: a viewer otherwise sees a board that ignores them.
    Label viewOnlyBanner = new Label();
    viewOnlyBanner.setId("view-only-banner");
    viewOnlyBanner.getStyleClass().addAll("island", "view-only-banner");
    viewOnlyBanner.textProperty().bind(messages.bind("board.viewOnly.banner"));
    viewOnlyBanner.setWrapText(true);
    viewOnlyBanner.setMaxWidth(520);
    // The past's own banner says read-only there (same place): one banner at a time.
    viewOnlyBanner.visibleProperty().bind(viewer.and(past.panel().model().inPastProperty().not()));
    viewOnlyBanner.setMouseTransparent(true);
    islands.add(viewOnlyBanner, Pos.TOP_CENTER, new Insets(64, 0, 0, 0));
    Region menu =
        MainMenu.build(
            messages,
            files,
            shell,
            vm,
            viewOnly,
            session.clientId(),
            images::chooseAndInsert,
            past.panel()::toggle,
            timelapse::choose);
    islands.add(menu, Pos.TOP_LEFT, new Insets(12, 0, 0, 12));
    Region style = StylePanel.scrolling(StylePanel.build(vm, messages, canvas.darkProperty()));
    style.disableProperty().bind(viewOnly);
    // Between the top row and the zoom bar; in a short window it scrolls rather than covering them.
    islands.add(style, Pos.CENTER_LEFT, new Insets(64, 0, 64, 12));
    Region zoomBar =
        ZoomBar.build(vm, canvas, messages, shortcuts::toggleHelp, viewOnly, past.panel()::toggle);
    islands.add(zoomBar, Pos.BOTTOM_LEFT, new Insets(0, 0, 12, 12));
    islands.add(people.bar(), Pos.TOP_RIGHT, new Insets(12, 12, 0, 0));
    islands.add(people.panel(), Pos.TOP_RIGHT, new Insets(64, 12, 0, 0));
    TopBars.keepApart(stack, menu, toolbar, people.bar(), people.compactProperty());
    canvas.setCoveredEdges(
        () ->
            islands.coveredEdges(
                canvas, List.of(menu, toolbar, people.bar()), style, zoomBar, people.panel()));
    help.setVisible(false);
    // A click closes the sheet, except one on its scroll bars (a small window scrolls it).
    help.setOnMouseClicked(
        e -> {
          for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n instanceof ScrollBar) {
              return;
            }
          }
          help.setVisible(false);
        });
    islands.add(help, Pos.CENTER, Insets.EMPTY);
    islands.add(toast.label(), Pos.BOTTOM_CENTER, new Insets(0, 0, 16, 0));
    islands.keepClear(toast.label(), zoomBar, List.of(past.panel().panel(), people.follow().bar()));
    islands.add(people.follow().bar(), Pos.BOTTOM_CENTER, new Insets(0, 0, 60, 0));
    // Above the zoom bar's row, so a narrow window does not put one over the other.
    islands.add(past.panel().panel(), Pos.BOTTOM_CENTER, new Insets(0, 0, 64, 0));
    islands.add(past.panel().banner(), Pos.TOP_CENTER, new Insets(64, 0, 0, 0));
    islands.add(
        ConnectionProblem.build(status, messages, session::reconnectNow, shell::leaveBoard),
        Pos.TOP_CENTER,
        new Insets(72, 0, 0, 0));
    islands.add(leaveGuard.card(), Pos.CENTER, Insets.EMPTY);
    // The islands' own minimum sizes (the shortcuts sheet is ~690 px tall) must not set the
    // window's: a short window would push the status bar, with the connection state, out of it
    // (found by hand at 800 x 600). What does not fit is cut at the board's edge instead.
    stack.setMinSize(0, 0);
    Rectangle stackClip = new Rectangle();
    stackClip.widthProperty().bind(stack.widthProperty());
    stackClip.heightProperty().bind(stack.heightProperty());
    stack.setClip(stackClip);
    root.setCenter(stack);
    HBox statusBar =
        StatusBar.build(
            status,
            files.titleProperty(),
            messages,
            ZoomBar.percent(canvas),
            session::reconnectNow,
            session::goOffline);
    // Right-aligned, before the zoom: who made what is looked at (issue 17).
    statusBar.getChildren().add(statusBar.getChildren().size() - 1, past.attribution().label());
    root.setBottom(statusBar);
  }

  // ---- selection and tools --------------------------------------------------------------

  private void selectionChanged() {
    live.selectionChanged();
    Selection sel = vm.selection();
    past.attribution().selectionChanged(sel.ordered());
    if (sel.isEmpty()) {
      return;
    }
    vm.styleControls().showSelection(session.board().view(), sel.ordered());
  }

  private Tool currentTool() {
    return tools.get(vm.toolProperty().get());
  }
}
