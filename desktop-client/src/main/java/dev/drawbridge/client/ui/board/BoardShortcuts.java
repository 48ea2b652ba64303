package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.Alignment;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.tool.ToolKind;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The board's keyboard shortcuts (the list {@link ShortcutsHelp} shows). They are a filter on the
 * whole scene, so they work wherever the focus is, except while the user types into a text field; a
 * viewer's shortcuts that would change the board are ignored.
 */
final class BoardShortcuts {
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

  private static final KeyCombination GROUP =
      new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination UNGROUP =
      new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private static final KeyCombination LOCK =
      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

  private static final KeyCombination SNAP =
      new KeyCodeCombination(KeyCode.G, KeyCombination.SHIFT_DOWN);
  private static final Map<KeyCombination, Alignment.Edge> ALIGN =
      Map.of(
          alt(KeyCode.A), Alignment.Edge.LEFT,
          alt(KeyCode.H), Alignment.Edge.CENTRE,
          alt(KeyCode.D), Alignment.Edge.RIGHT,
          alt(KeyCode.W), Alignment.Edge.TOP,
          alt(KeyCode.V), Alignment.Edge.MIDDLE,
          alt(KeyCode.S), Alignment.Edge.BOTTOM);
  private static final KeyCombination DISTRIBUTE_H =
      new KeyCodeCombination(KeyCode.H, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination DISTRIBUTE_V =
      new KeyCodeCombination(KeyCode.V, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);

  private final BoardViewModel vm;
  private final BoardCanvas canvas;
  private final BoardFiles files;
  private final String clientId;
  private final Node help;
  private final Runnable cancelTool;
  private final BooleanSupplier viewOnly;
  private final EventHandler<KeyEvent> keyPressed = this::onKeyPressed;
  private final EventHandler<KeyEvent> keyReleased = this::onKeyReleased;
  private Node root;
  private java.util.function.Predicate<KeyEvent> first = e -> false;

  /**
   * @param help the shortcuts sheet, toggled by F1 or "?"
   * @param cancelTool drops what the current tool is doing (Escape)
   */
  BoardShortcuts(
      BoardViewModel vm,
      BoardCanvas canvas,
      BoardFiles files,
      String clientId,
      Node help,
      Runnable cancelTool,
      BooleanSupplier viewOnly) {
    this.vm = vm;
    this.canvas = canvas;
    this.files = files;
    this.clientId = clientId;
    this.help = help;
    this.cancelTool = cancelTool;
    this.viewOnly = viewOnly;
  }

  /** Listens on whatever scene {@code root} is in, moving along when it changes scene. */
  void attachTo(Node root) {
    this.root = root;
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

  private static KeyCombination alt(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.ALT_DOWN);
  }

  /** The edge an align shortcut aligns on, or null when {@code e} is none. */
  private static Alignment.Edge alignEdge(KeyEvent e) {
    for (Map.Entry<KeyCombination, Alignment.Edge> entry : ALIGN.entrySet()) {
      if (entry.getKey().match(e)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Keys another part of the screen handles before the board's own (the history panel: its
   * shortcut, Esc back to now, arrows while it has the focus); it returns whether it took one.
   */
  void setFirst(java.util.function.Predicate<KeyEvent> handler) {
    first = handler;
  }

  void toggleHelp() {
    help.setVisible(!help.isVisible());
  }

  private void onKeyPressed(KeyEvent e) {
    Scene scene = root.getScene();
    if (scene != null && scene.getFocusOwner() instanceof TextInputControl) {
      return;
    }
    if (first.test(e)) {
      e.consume();
      return;
    }
    if (viewOnly.getAsBoolean() && isEdit(e)) {
      // A viewer's paste is refused with a message rather than ignored: it says why nothing came.
      if (PASTE.match(e)) {
        vm.paste(clientId);
        e.consume();
      }
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
        || alignEdge(e) != null
        || DISTRIBUTE_H.match(e)
        || DISTRIBUTE_V.match(e)
        || GROUP.match(e)
        || UNGROUP.match(e)
        || LOCK.match(e)
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
      vm.paste(clientId);
    } else if (DUPLICATE.match(e)) {
      vm.duplicate(clientId);
    } else if (alignEdge(e) != null) {
      return vm.align(alignEdge(e));
    } else if (DISTRIBUTE_H.match(e)) {
      return vm.distribute(Alignment.Axis.HORIZONTAL);
    } else if (DISTRIBUTE_V.match(e)) {
      return vm.distribute(Alignment.Axis.VERTICAL);
    } else if (GROUP.match(e)) {
      return vm.group();
    } else if (UNGROUP.match(e)) {
      return vm.ungroup();
    } else if (LOCK.match(e)) {
      return vm.lockSelection();
    } else if (SNAP.match(e)) {
      vm.snapToGridProperty().set(!vm.snapToGridProperty().get());
    } else if (e.isShortcutDown() || e.isAltDown()) {
      return false;
    } else if (e.getCode() == KeyCode.F1 || "?".equals(e.getText())) {
      toggleHelp();
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
      cancelTool.run();
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
}
