package dev.drawbridge.client.ui;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.PointerHandler;
import dev.drawbridge.client.ui.canvas.RemoteCursor;
import dev.drawbridge.client.ui.geom.Rect;
import dev.drawbridge.client.ui.tool.PointerInput;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.Tool;
import dev.drawbridge.client.ui.tool.ToolContext;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.client.ui.tool.Tools;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import dev.drawbridge.protocol.message.ServerMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board screen: the canvas with floating toolbars (tools, style, zoom, history), the people
 * panel and the status bar. It binds to {@link BoardViewModel} and {@link StatusViewModel}; tools
 * do the drawing.
 */
public final class BoardView {
  private static final Logger LOG = LoggerFactory.getLogger(BoardView.class);
  private static final long PRESENCE_NANOS = 33_000_000L;

  private final BoardSession session;
  private final Shell shell;
  private final Messages messages;
  private final BoardViewModel vm;
  private final StatusViewModel status;
  private final BoardCanvas canvas;
  private final Tools tools;
  private final BorderPane root = new BorderPane();
  private final StackPane stack = new StackPane();
  private final Pane editorLayer = new Pane();
  private final Label toast = new Label();
  private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(4));
  private final Map<String, Cursor> remoteCursors = new HashMap<>();
  private final ListView<Peer> people = new ListView<>();
  private final VBox peoplePanel = new VBox(8);
  private final Label peopleCount = new Label("1");
  private final Label shareLabel = new Label();
  private final Timeline ticker;
  private final Timeline autosaver;
  private final SessionListener sessionListener;
  private final EventHandler<KeyEvent> keyPressed = this::onKeyPressed;
  private final EventHandler<KeyEvent> keyReleased = this::onKeyReleased;

  private final InPlaceTextEditor textEditor;
  private final javafx.beans.property.BooleanProperty viewOnly =
      new javafx.beans.property.SimpleBooleanProperty(false);
  private final javafx.scene.layout.VBox help;
  private final BoardFiles files;
  private long lastPresence;

  public BoardView(BoardSession session, Shell shell) {
    this.session = session;
    this.shell = shell;
    this.messages = shell.messages();
    this.vm = new BoardViewModel(session.board());
    this.status =
        new StatusViewModel(messages, Instant::now, !(session instanceof LocalOnlySession));
    this.canvas = new BoardCanvas(session.board(), vm.selection());
    this.tools = new Tools(new Context());
    this.textEditor = new InPlaceTextEditor(session, vm, canvas, editorLayer);
    this.help = ShortcutsHelp.build(messages);
    this.files = new BoardFiles(session, vm, shell, root, this::showToast);
    canvas.gridProperty().set(shell.settings().get().grid());
    canvas
        .gridProperty()
        .addListener((o, a, b) -> shell.settings().save(shell.settings().get().withGrid(b)));
    canvas.setPointerHandler(new Pointer());
    canvas.setPreviewSource(() -> currentTool().preview());
    vm.toolProperty()
        .addListener(
            (o, a, b) -> {
              textEditor.commit();
              tools.get(a).cancel();
              canvas.setToolCursor(cursorFor(b));
            });
    canvas.setToolCursor(cursorFor(vm.toolProperty().get()));
    vm.selection().addListener(this::selectionChanged);
    build();
    sessionListener =
        new SessionListener() {
          @Override
          public void stateChanged(ConnectionState state) {
            status.stateProperty().set(state);
            setViewOnly("viewer".equals(session.role()));
          }

          @Override
          public void peersChanged(Collection<Peer> peers) {
            showPeers(peers);
          }

          @Override
          public void presence(ServerMessage.PresenceBroadcast p) {
            if (p.cursor() == null) {
              remoteCursors.remove(p.clientId());
            } else {
              remoteCursors.put(p.clientId(), p.cursor());
            }
            refreshCursors();
          }

          @Override
          public void pendingChanged(int pendingCount) {
            status.setPending(pendingCount);
          }
        };
    session.addListener(sessionListener);
    status.stateProperty().set(session.state());
    showPeers(session.peers());
    ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> status.tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
    autosaver = new Timeline(new KeyFrame(Duration.seconds(30), e -> files.autosave()));
    autosaver.setCycleCount(Timeline.INDEFINITE);
    autosaver.play();
    root.sceneProperty()
        .addListener(
            (o, oldScene, newScene) -> {
              if (oldScene != null) {
                oldScene.removeEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
                oldScene.removeEventFilter(KeyEvent.KEY_RELEASED, keyReleased);
              }
              if (newScene != null) {
                newScene.addEventFilter(KeyEvent.KEY_PRESSED, keyPressed);
                newScene.addEventFilter(KeyEvent.KEY_RELEASED, keyReleased);
              }
            });
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

  /** The file this board was opened from or last saved to, if any. */
  public Path file() {
    return files.file();
  }

  public void setFile(Path file) {
    files.setFile(file);
  }

  /** Shows where others can join (when hosting). */
  public void setShareAddress(String address) {
    shareLabel.setText(address);
    shareLabel.setVisible(address != null && !address.isBlank());
    shareLabel.setManaged(shareLabel.isVisible());
  }

  /** A viewer may look and pan but not draw: the tools and style controls are disabled. */
  void setViewOnly(boolean only) {
    viewOnly.set(only);
    status.setViewOnly(only);
    if (only) {
      currentTool().cancel();
      vm.selection().clear();
    }
  }

  /** Stops timers and listeners; the session is closed by whoever opened it. */
  public void dispose() {
    textEditor.commit();
    files.autosave();
    ticker.stop();
    autosaver.stop();
    session.removeListener(sessionListener);
  }

  // ---- layout ---------------------------------------------------------------------------

  private void build() {
    root.getStyleClass().add("board-view");
    editorLayer.setPickOnBounds(false);
    editorLayer.setManaged(true);
    stack.getChildren().addAll(canvas, editorLayer);
    HBox toolbar = toolbar();
    toolbar.disableProperty().bind(viewOnly);
    addIsland(toolbar, Pos.TOP_CENTER, new Insets(12, 0, 0, 0));
    addIsland(menu(), Pos.TOP_LEFT, new Insets(12, 0, 0, 12));
    VBox style = StylePanel.build(vm, messages);
    style.disableProperty().bind(viewOnly);
    addIsland(style, Pos.CENTER_LEFT, new Insets(0, 0, 0, 12));
    addIsland(zoomBar(), Pos.BOTTOM_LEFT, new Insets(0, 0, 12, 12));
    addIsland(peopleBar(), Pos.TOP_RIGHT, new Insets(12, 12, 0, 0));
    buildPeoplePanel();
    addIsland(peoplePanel, Pos.TOP_RIGHT, new Insets(64, 12, 0, 0));
    help.setVisible(false);
    help.setOnMouseClicked(e -> help.setVisible(false));
    addIsland(help, Pos.CENTER, Insets.EMPTY);
    toast.getStyleClass().add("toast");
    toast.setVisible(false);
    toast.setId("toast");
    toast.setWrapText(true);
    toast.setMaxWidth(420);
    addIsland(toast, Pos.BOTTOM_CENTER, new Insets(0, 0, 16, 0));
    toastTimer.setOnFinished(e -> toast.setVisible(false));
    root.setCenter(stack);
    root.setBottom(
        StatusBar.build(
            status,
            session.title(),
            messages,
            percent(),
            session::reconnectNow,
            session::goOffline));
  }

  private void addIsland(Region island, Pos pos, Insets margin) {
    island.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    island.setPickOnBounds(true);
    // Islands float over the canvas with CSS drop shadows; caching them as bitmaps spares the
    // software pipeline re-blurring every shadow on each frame of a pan (docs/performance.md).
    island.setCache(true);
    StackPane.setAlignment(island, pos);
    StackPane.setMargin(island, margin);
    stack.getChildren().add(island);
  }

  private HBox toolbar() {
    HBox bar = new HBox(2);
    bar.getStyleClass().addAll("island", "toolbar");
    bar.setId("toolbar");
    bar.setAlignment(Pos.CENTER);
    ToggleGroup group = new ToggleGroup();
    Map<ToolKind, ToggleButton> buttons = new HashMap<>();
    for (ToolKind kind : ToolKind.values()) {
      ToggleButton b = new ToggleButton();
      b.setGraphic(Icons.of(Icons.forTool(kind)));
      b.setId("tool-" + kind.name());
      b.getStyleClass().add("tool-button");
      b.setToggleGroup(group);
      b.setUserData(kind);
      b.setFocusTraversable(false);
      Tooltip tip = new Tooltip();
      tip.textProperty()
          .bind(messages.bind("tool." + kind.name().toLowerCase()).concat(" — " + kind.key()));
      b.setTooltip(tip);
      buttons.put(kind, b);
      bar.getChildren().add(b);
      if (kind == ToolKind.SELECT || kind == ToolKind.HIGHLIGHTER || kind == ToolKind.ELLIPSE) {
        bar.getChildren().add(new Separator(Orientation.VERTICAL));
      }
    }
    group
        .selectedToggleProperty()
        .addListener(
            (o, a, b) -> {
              if (b == null) {
                // Clicking the active tool again keeps it.
                group.selectToggle(a);
              } else {
                vm.toolProperty().set((ToolKind) b.getUserData());
              }
            });
    vm.toolProperty().addListener((o, a, b) -> group.selectToggle(buttons.get(b)));
    group.selectToggle(buttons.get(vm.toolProperty().get()));
    return bar;
  }

  private MenuButton menu() {
    MenuButton menu = new MenuButton();
    menu.setId("main-menu");
    menu.setGraphic(Icons.of(MaterialDesignM.MENU));
    menu.getStyleClass().addAll("island", "menu-island");
    menu.setFocusTraversable(false);
    menu.getItems()
        .addAll(
            item("menu.open", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Ctrl+O", files::chooseOpen),
            item("menu.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Ctrl+S", files::save),
            item("menu.saveAs", null, "Ctrl+Shift+S", files::saveAs),
            new SeparatorMenuItem(),
            item(
                "menu.exportPng",
                MaterialDesignF.FILE_IMAGE_OUTLINE,
                null,
                () -> files.chooseExport("png")),
            item(
                "menu.exportSvg",
                MaterialDesignE.EXPORT_VARIANT,
                null,
                () -> files.chooseExport("svg")),
            item(
                "menu.exportPdf",
                MaterialDesignF.FILE_PDF_BOX,
                null,
                () -> files.chooseExport("pdf")),
            new SeparatorMenuItem(),
            item("menu.settings", MaterialDesignC.COG_OUTLINE, null, shell::showSettings),
            item("menu.leave", MaterialDesignL.LOGOUT, null, shell::leaveBoard));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind("menu.tooltip"));
    menu.setTooltip(tip);
    return menu;
  }

  private MenuItem item(String key, org.kordamp.ikonli.Ikon icon, String accel, Runnable action) {
    MenuItem item = new MenuItem();
    item.textProperty()
        .bind(accel == null ? messages.bind(key) : messages.bind(key).concat("    " + accel));
    if (icon != null) {
      item.setGraphic(Icons.of(icon));
    }
    item.setOnAction(e -> action.run());
    return item;
  }

  private HBox zoomBar() {
    HBox bar = new HBox(2);
    bar.getStyleClass().addAll("island", "zoom-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    Button undo =
        Controls.iconButton(messages, "action.undo", MaterialDesignU.UNDO, "undo", vm::undo);
    undo.disableProperty().bind(vm.canUndoProperty().not());
    Button redo =
        Controls.iconButton(messages, "action.redo", MaterialDesignR.REDO, "redo", vm::redo);
    redo.disableProperty().bind(vm.canRedoProperty().not());
    Button out =
        Controls.iconButton(
            messages,
            "zoom.out",
            MaterialDesignM.MAGNIFY_MINUS_OUTLINE,
            "zoom-out",
            () -> canvas.zoomBy(1 / 1.2));
    Button reset = new Button();
    reset.setId("zoom-reset");
    reset.setFocusTraversable(false);
    reset.getStyleClass().add("zoom-label");
    reset.textProperty().bind(percent());
    reset.setOnAction(e -> canvas.zoomTo(1));
    Tooltip resetTip = new Tooltip();
    resetTip.textProperty().bind(messages.bind("zoom.reset"));
    reset.setTooltip(resetTip);
    Button in =
        Controls.iconButton(
            messages,
            "zoom.in",
            MaterialDesignM.MAGNIFY_PLUS_OUTLINE,
            "zoom-in",
            () -> canvas.zoomBy(1.2));
    Button helpButton =
        Controls.iconButton(
            messages,
            "help.tooltip",
            org.kordamp.ikonli.materialdesign2.MaterialDesignK.KEYBOARD_OUTLINE,
            "shortcuts",
            () -> help.setVisible(!help.isVisible()));
    Button fit =
        Controls.iconButton(
            messages,
            "zoom.fit",
            MaterialDesignF.FIT_TO_SCREEN_OUTLINE,
            "zoom-fit",
            canvas::zoomToFit);
    ToggleButton grid = new ToggleButton();
    grid.setGraphic(Icons.of(MaterialDesignG.GRID));
    grid.setId("grid");
    grid.setFocusTraversable(false);
    grid.selectedProperty().bindBidirectional(canvas.gridProperty());
    Tooltip gridTip = new Tooltip();
    gridTip.textProperty().bind(messages.bind("zoom.grid"));
    grid.setTooltip(gridTip);
    bar.getChildren()
        .addAll(
            undo, redo, new Separator(Orientation.VERTICAL), out, reset, in, fit, grid, helpButton);
    return bar;
  }

  private StringExpression percent() {
    return Bindings.createStringBinding(
        () -> Math.round(canvas.zoomProperty().get() * 100) + " %", canvas.zoomProperty());
  }

  private HBox peopleBar() {
    HBox bar = new HBox(6);
    bar.getStyleClass().addAll("island", "people-bar");
    bar.setAlignment(Pos.CENTER_RIGHT);
    shareLabel.setId("share-address");
    shareLabel.getStyleClass().add("share-address");
    shareLabel.setVisible(false);
    shareLabel.setManaged(false);
    Button copy = new Button();
    copy.setGraphic(Icons.of(MaterialDesignC.CONTENT_COPY));
    copy.getStyleClass().add("icon-button");
    copy.visibleProperty().bind(shareLabel.visibleProperty());
    copy.managedProperty().bind(shareLabel.managedProperty());
    copy.setFocusTraversable(false);
    copy.setOnAction(
        e -> {
          javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
          content.putString(shareLabel.getText());
          javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
          showToast(messages.get("share.copied"), false);
        });
    Tooltip copyTip = new Tooltip();
    copyTip.textProperty().bind(messages.bind("share.copy"));
    copy.setTooltip(copyTip);
    ToggleButton toggle = new ToggleButton();
    toggle.setId("people-toggle");
    toggle.setGraphic(Icons.of(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE));
    toggle.textProperty().bind(peopleCount.textProperty());
    toggle.setFocusTraversable(false);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind("people.title"));
    toggle.setTooltip(tip);
    peoplePanel.visibleProperty().bind(toggle.selectedProperty());
    bar.getChildren().addAll(shareLabel, copy, toggle);
    return bar;
  }

  private void buildPeoplePanel() {
    peoplePanel.getStyleClass().addAll("island", "people-panel");
    peoplePanel.setId("people-panel");
    peoplePanel.setPrefWidth(220);
    Label title = Controls.sectionLabel(messages, "people.title");
    people.setPrefHeight(200);
    people.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(Peer peer, boolean empty) {
                super.updateItem(peer, empty);
                if (empty || peer == null) {
                  setText(null);
                  setGraphic(null);
                  return;
                }
                boolean me = peer.clientId().equals(session.clientId());
                setText(peer.name() + (me ? " " + messages.get("people.you") : ""));
                Circle dot = new Circle(6, colorOf(peer.color()));
                setGraphic(dot);
              }
            });
    peoplePanel.getChildren().addAll(title, people);
  }

  // ---- people and cursors ---------------------------------------------------------------

  private void showPeers(Collection<Peer> peers) {
    List<Peer> all = new ArrayList<>();
    Settings me = shell.settings().get();
    all.add(new Peer(session.clientId(), me.name(), me.color(), "editor"));
    for (Peer p : peers) {
      if (!p.clientId().equals(session.clientId())) {
        all.add(p);
      }
    }
    people.getItems().setAll(all);
    peopleCount.setText(Integer.toString(all.size()));
    remoteCursors.keySet().retainAll(all.stream().map(Peer::clientId).toList());
    refreshCursors();
  }

  private void refreshCursors() {
    Map<String, Peer> byId = new HashMap<>();
    for (Peer p : people.getItems()) {
      byId.put(p.clientId(), p);
    }
    List<RemoteCursor> shown = new ArrayList<>();
    remoteCursors.forEach(
        (id, c) -> {
          Peer p = byId.get(id);
          shown.add(
              new RemoteCursor(
                  id, p == null ? "?" : p.name(), p == null ? "#6965db" : p.color(), c.x(), c.y()));
        });
    canvas.setRemoteCursors(shown);
  }

  private static Color colorOf(String web) {
    try {
      return Color.web(web);
    } catch (RuntimeException e) {
      return Color.GRAY;
    }
  }

  // ---- selection and text ---------------------------------------------------------------

  private void selectionChanged() {
    Selection sel = vm.selection();
    if (sel.isEmpty()) {
      return;
    }
    Element first = session.board().view().get(sel.ordered().getFirst());
    // A highlighter's wide translucent style is derived from the pen's: do not adopt it.
    if (first != null && first.kind() != dev.drawbridge.protocol.element.ElementKind.HIGHLIGHTER) {
      vm.showStyleOf(first.style());
    }
  }

  // ---- keyboard -------------------------------------------------------------------------

  private static final KeyCombination UNDO =
      new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination REDO =
      new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination REDO_Y =
      new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination SAVE =
      new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination SAVE_AS =
      new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination OPEN =
      new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination SELECT_ALL =
      new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination ZOOM_RESET =
      new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination ZOOM_FIT =
      new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination ZOOM_IN =
      new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination ZOOM_IN_PLUS =
      new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination ZOOM_OUT =
      new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination FRONT =
      new KeyCodeCombination(
          KeyCode.CLOSE_BRACKET, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination CUT =
      new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination PASTE =
      new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination DUPLICATE =
      new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination BACK =
      new KeyCodeCombination(
          KeyCode.OPEN_BRACKET, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private void onKeyPressed(KeyEvent e) {
    Scene scene = root.getScene();
    if (scene != null && scene.getFocusOwner() instanceof TextInputControl) {
      return;
    }
    if (viewOnly.get() && isEdit(e)) {
      return;
    }
    if (handleKey(e)) {
      e.consume();
    }
  }

  private void onKeyReleased(KeyEvent e) {
    if (e.getCode() == KeyCode.SPACE) {
      canvas.setSpaceDown(false);
      e.consume();
    }
  }

  /** Whether {@code e} is a shortcut that changes the board (a viewer's are ignored). */
  private static boolean isEdit(KeyEvent e) {
    return UNDO.match(e)
        || REDO.match(e)
        || REDO_Y.match(e)
        || CUT.match(e)
        || PASTE.match(e)
        || DUPLICATE.match(e)
        || FRONT.match(e)
        || BACK.match(e)
        || e.getCode() == KeyCode.DELETE
        || e.getCode() == KeyCode.BACK_SPACE
        || e.getCode().isArrowKey();
  }

  /** Runs the shortcut for {@code e}; false when it is not one. */
  boolean handleKey(KeyEvent e) {
    if (UNDO.match(e)) {
      vm.undo();
    } else if (REDO.match(e) || REDO_Y.match(e)) {
      vm.redo();
    } else if (SAVE_AS.match(e)) {
      files.saveAs();
    } else if (SAVE.match(e)) {
      files.save();
    } else if (OPEN.match(e)) {
      files.chooseOpen();
    } else if (SELECT_ALL.match(e)) {
      vm.selectAll();
    } else if (ZOOM_RESET.match(e)) {
      canvas.zoomTo(1);
    } else if (ZOOM_FIT.match(e)) {
      canvas.zoomToFit();
    } else if (ZOOM_IN.match(e) || ZOOM_IN_PLUS.match(e)) {
      canvas.zoomBy(1.2);
    } else if (ZOOM_OUT.match(e)) {
      canvas.zoomBy(1 / 1.2);
    } else if (FRONT.match(e)) {
      vm.bringToFront();
    } else if (BACK.match(e)) {
      vm.sendToBack();
    } else if (COPY.match(e)) {
      vm.copy();
    } else if (CUT.match(e)) {
      vm.cut();
    } else if (PASTE.match(e)) {
      vm.paste(session.clientId());
    } else if (DUPLICATE.match(e)) {
      vm.duplicate(session.clientId());
    } else if (e.isShortcutDown() || e.isAltDown()) {
      return false;
    } else if (e.getCode() == KeyCode.F1 || "?".equals(e.getText())) {
      help.setVisible(!help.isVisible());
    } else if (e.getCode().isArrowKey()) {
      double step = (e.isShiftDown() ? 10 : 1) / canvas.viewport().scale();
      return switch (e.getCode()) {
        case LEFT, KP_LEFT -> vm.nudge(-step, 0);
        case RIGHT, KP_RIGHT -> vm.nudge(step, 0);
        case UP, KP_UP -> vm.nudge(0, -step);
        default -> vm.nudge(0, step);
      };
    } else if (e.getCode() == KeyCode.SPACE) {
      canvas.setSpaceDown(true);
    } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
      vm.deleteSelection();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      help.setVisible(false);
      currentTool().cancel();
      vm.selection().clear();
    } else if (e.getCode() == KeyCode.G && !e.isShiftDown()) {
      canvas.gridProperty().set(!canvas.gridProperty().get());
    } else {
      ToolKind kind =
          e.getCode().isLetterKey() && !e.isShiftDown()
              ? ToolKind.forKey(e.getCode().getName())
              : null;
      if (kind == null) {
        return false;
      }
      vm.toolProperty().set(kind);
    }
    return true;
  }

  /** Saves the board to {@code target}; true when it worked (errors are shown). */
  public boolean saveTo(Path target) {
    return files.saveTo(target);
  }

  /** Exports the board (or the selection) as "png", "svg" or "pdf"; true when it worked. */
  public boolean export(String kind, Path target, boolean selectionOnly) {
    return files.export(kind, target, selectionOnly);
  }

  /** The in-place text editor while one is open (for tests). */
  TextArea textEditor() {
    return textEditor.editor();
  }

  /** Shows a short message over the board (errors in plain words, never a stack trace). */
  public void showToast(String message, boolean error) {
    toast.setText(message);
    toast.getStyleClass().removeAll("toast-error");
    if (error) {
      toast.getStyleClass().add("toast-error");
    }
    toast.setVisible(true);
    toastTimer.playFromStart();
  }

  public Label toast() {
    return toast;
  }

  // ---- tools ----------------------------------------------------------------------------

  private Tool currentTool() {
    return tools.get(vm.toolProperty().get());
  }

  private static javafx.scene.Cursor cursorFor(ToolKind kind) {
    return switch (kind) {
      case SELECT -> javafx.scene.Cursor.DEFAULT;
      case TEXT -> javafx.scene.Cursor.TEXT;
      case ERASER -> javafx.scene.Cursor.HAND;
      default -> javafx.scene.Cursor.CROSSHAIR;
    };
  }

  private final class Pointer implements PointerHandler {
    @Override
    public void pressed(PointerInput p) {
      if (viewOnly.get()) {
        return;
      }
      if (textEditor.isOpen()) {
        textEditor.commit();
        if (vm.toolProperty().get() == ToolKind.TEXT) {
          // The click that ends an edit does not start a new one.
          return;
        }
      }
      currentTool().pressed(p);
    }

    @Override
    public void dragged(PointerInput p) {
      if (!viewOnly.get()) {
        currentTool().dragged(p);
      }
    }

    @Override
    public void released(PointerInput p) {
      if (viewOnly.get()) {
        return;
      }
      currentTool().released(p);
      vm.refreshHistory();
    }

    @Override
    public void hovered(PointerInput p) {
      if (p != null && vm.toolProperty().get() == ToolKind.SELECT && !canvas.isSpaceDown()) {
        boolean grab =
            ((dev.drawbridge.client.ui.tool.SelectTool) tools.get(ToolKind.SELECT))
                .canGrab(p.x(), p.y());
        canvas.setToolCursor(grab ? javafx.scene.Cursor.MOVE : javafx.scene.Cursor.DEFAULT);
      }
      long now = System.nanoTime();
      if (p != null && now - lastPresence < PRESENCE_NANOS) {
        return;
      }
      lastPresence = now;
      session.sendPresence(p == null ? null : new Cursor(p.x(), p.y()), vm.selection().ordered());
    }
  }

  private final class Context implements ToolContext {
    @Override
    public LocalBoard board() {
      return session.board();
    }

    @Override
    public Style style() {
      return vm.style();
    }

    @Override
    public Selection selection() {
      return vm.selection();
    }

    @Override
    public double scale() {
      return canvas.viewport().scale();
    }

    @Override
    public String author() {
      return session.clientId();
    }

    @Override
    public List<String> elementsNear(Rect area) {
      return canvas.elementsNear(area);
    }

    @Override
    public void showLive(Set<String> ids, double dx, double dy) {
      canvas.showLive(ids, dx, dy);
    }

    @Override
    public void clearLive() {
      canvas.clearLive();
    }

    @Override
    public void hide(Set<String> ids) {
      canvas.hide(ids);
    }

    @Override
    public void previewChanged() {
      canvas.requestLive();
    }

    @Override
    public void editText(Element existing, double x, double y) {
      textEditor.start(existing, x, y);
    }
  }
}
