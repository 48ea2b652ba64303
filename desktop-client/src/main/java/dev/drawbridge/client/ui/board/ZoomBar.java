package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The island at the bottom left: undo and redo, then the view controls (zoom out, the zoom level
 * that resets to 100 %, zoom in, fit, grid, snap to grid) and the shortcuts sheet.
 */
final class ZoomBar {
  private ZoomBar() {}

  /**
   * @param viewOnly undo and redo are off while the board may not be changed (a viewer, the past)
   * @param history opens or closes the history panel
   */
  static HBox build(
      BoardViewModel vm,
      BoardCanvas canvas,
      Messages messages,
      Runnable toggleShortcutsHelp,
      javafx.beans.value.ObservableBooleanValue viewOnly,
      Runnable history) {
    HBox bar = new HBox(2);
    bar.getStyleClass().addAll("island", "zoom-bar");
    bar.setAlignment(Pos.CENTER_LEFT);
    Button undo =
        Controls.iconButton(messages, "action.undo", MaterialDesignU.UNDO, "undo", vm::undo);
    undo.disableProperty().bind(vm.canUndoProperty().not().or(viewOnly));
    Button redo =
        Controls.iconButton(messages, "action.redo", MaterialDesignR.REDO, "redo", vm::redo);
    redo.disableProperty().bind(vm.canRedoProperty().not().or(viewOnly));
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
    reset.textProperty().bind(percent(canvas));
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
            MaterialDesignK.KEYBOARD_OUTLINE,
            "shortcuts",
            toggleShortcutsHelp);
    Button fit =
        Controls.iconButton(
            messages,
            "zoom.fit",
            MaterialDesignF.FIT_TO_SCREEN_OUTLINE,
            "zoom-fit",
            canvas::zoomToFit);
    ToggleButton grid =
        toggle(messages, "zoom.grid", MaterialDesignG.GRID, "grid", canvas.gridProperty());
    ToggleButton snap =
        toggle(
            messages,
            "align.snap.tooltip",
            MaterialDesignM.MAGNET,
            "snap",
            vm.snapToGridProperty());
    Button historyButton =
        Controls.iconButton(
            messages,
            "history.tooltip",
            org.kordamp.ikonli.materialdesign2.MaterialDesignH.HISTORY,
            "history-button",
            history);
    bar.getChildren()
        .addAll(
            undo,
            redo,
            new Separator(Orientation.VERTICAL),
            out,
            reset,
            in,
            fit,
            grid,
            snap,
            historyButton,
            helpButton);
    return bar;
  }

  /** An icon toggle bound both ways to {@code on}, with a translated tooltip. */
  private static ToggleButton toggle(
      Messages messages, String key, Ikon icon, String id, BooleanProperty on) {
    ToggleButton b = new ToggleButton();
    b.setGraphic(Icons.of(icon));
    b.setId(id);
    b.setFocusTraversable(false);
    b.selectedProperty().bindBidirectional(on);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind(key));
    b.setTooltip(tip);
    return b;
  }

  /** The canvas zoom as "150 %" (also shown in the status bar). */
  static StringExpression percent(BoardCanvas canvas) {
    return Bindings.createStringBinding(
        () -> Math.round(canvas.zoomProperty().get() * 100) + " %", canvas.zoomProperty());
  }
}
