package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.board.MainMenu.item;

import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.tool.SelectTool;
import dev.drawbridge.client.ui.tool.ToolKind;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignG;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The board's right-click menu (also the keyboard's menu key): on a shape, what can be done to the
 * selection (which the click picks first, with its group); on empty board, paste, select all and
 * zoom to fit (and unlock all when something is locked); on a locked element, unlock (R127). Items
 * that change the board are greyed for a viewer; nothing opens over the past.
 */
final class BoardContextMenu {
  private final ContextMenu menu = new ContextMenu();
  private final BoardViewModel vm;
  private final BoardCanvas canvas;
  private final SelectTool select;
  private final BooleanSupplier showsPast;
  private final List<MenuItem> onSelection;
  private final List<MenuItem> onBoard;
  private final MenuItem unlock;
  private final MenuItem unlockAll;

  BoardContextMenu(
      BoardViewModel vm,
      BoardCanvas canvas,
      SelectTool select,
      Messages messages,
      String clientId,
      ObservableBooleanValue viewOnly,
      BooleanSupplier showsPast) {
    this.vm = vm;
    this.canvas = canvas;
    this.select = select;
    this.showsPast = showsPast;
    menu.setId("board-context-menu");
    // One item can sit in one menu list at a time: paste is in both, so it is made twice.
    java.util.function.Function<String, MenuItem> paste =
        id ->
            named(
                item(
                    messages,
                    "menu.paste",
                    MaterialDesignC.CONTENT_PASTE,
                    "Ctrl+V",
                    () -> vm.paste(clientId)),
                id);
    MenuItem group =
        edit(messages, "menu.group", MaterialDesignG.GROUP, "Ctrl+G", vm::group, viewOnly);
    group.setId("ctx-group");
    group.disableProperty().bind(vm.canGroupProperty().not().or(viewOnly));
    MenuItem ungroup =
        edit(
            messages,
            "menu.ungroup",
            MaterialDesignU.UNGROUP,
            "Ctrl+Shift+G",
            vm::ungroup,
            viewOnly);
    ungroup.setId("ctx-ungroup");
    ungroup.disableProperty().bind(vm.canUngroupProperty().not().or(viewOnly));
    onSelection =
        List.of(
            edit(messages, "menu.cut", MaterialDesignC.CONTENT_CUT, "Ctrl+X", vm::cut, viewOnly),
            named(
                item(messages, "menu.copy", MaterialDesignC.CONTENT_COPY, "Ctrl+C", vm::copy),
                "ctx-copy"),
            paste.apply("ctx-paste"),
            edit(
                messages,
                "menu.duplicate",
                MaterialDesignC.CONTENT_DUPLICATE,
                "Ctrl+D",
                () -> vm.duplicate(clientId),
                viewOnly),
            edit(
                messages,
                "ctx.delete",
                MaterialDesignD.DELETE_OUTLINE,
                "Del",
                vm::deleteSelection,
                viewOnly),
            new SeparatorMenuItem(),
            group,
            ungroup,
            new SeparatorMenuItem(),
            edit(
                messages,
                "ctx.front",
                MaterialDesignA.ARRANGE_BRING_TO_FRONT,
                "Ctrl+Shift+]",
                vm::bringToFront,
                viewOnly),
            edit(
                messages,
                "ctx.back",
                MaterialDesignA.ARRANGE_SEND_TO_BACK,
                "Ctrl+Shift+[",
                vm::sendToBack,
                viewOnly),
            new SeparatorMenuItem(),
            edit(
                messages,
                "ctx.lock",
                MaterialDesignL.LOCK_OUTLINE,
                "Ctrl+Shift+L",
                vm::lockSelection,
                viewOnly));
    unlock =
        edit(
            messages,
            "ctx.unlock",
            MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE,
            null,
            () -> {},
            viewOnly);
    unlockAll =
        edit(
            messages,
            "ctx.unlockAll",
            MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE,
            null,
            () -> vm.unlock(null),
            viewOnly);
    onBoard =
        List.of(
            paste.apply("ctx-paste-board"),
            named(
                item(
                    messages,
                    "ctx.selectAll",
                    MaterialDesignS.SELECT_ALL,
                    "Ctrl+A",
                    this::selectAll),
                "ctx-select-all"),
            named(
                item(
                    messages,
                    "ctx.zoomFit",
                    MaterialDesignF.FIT_TO_SCREEN_OUTLINE,
                    "Shift+1",
                    canvas::zoomToFit),
                "ctx-zoom-fit"));
  }

  /** Opens on right-clicks (and the menu key) over {@code canvas}. */
  void attach() {
    canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, this::requested);
  }

  ContextMenu menu() {
    return menu;
  }

  private void requested(ContextMenuEvent e) {
    e.consume();
    if (showsPast.getAsBoolean()) {
      return; // the past is read-only and has its own Copy from here
    }
    double x = canvas.viewport().toBoardX(e.getX());
    double y = canvas.viewport().toBoardY(e.getY());
    boolean picked = select.pickAt(x, y);
    if (picked) {
      vm.toolProperty().set(ToolKind.SELECT); // so the selection acted on is shown
      menu.getItems().setAll(onSelection);
    } else {
      // A locked element is not picked (R127); its menu offers the way out.
      dev.drawbridge.protocol.element.Element locked = select.lockedAt(x, y);
      if (locked != null) {
        unlock.setOnAction(a -> vm.unlock(List.of(locked.id())));
        menu.getItems().setAll(unlock);
      } else {
        menu.getItems().setAll(onBoard);
        menu.getItems().add(unlockAll);
        unlockAll.setVisible(vm.edits().anyLocked());
      }
    }
    menu.show(canvas, e.getScreenX(), e.getScreenY());
  }

  private void selectAll() {
    vm.toolProperty().set(ToolKind.SELECT);
    vm.selectAll();
  }

  /** An item that changes the board: greyed for a viewer. */
  private static MenuItem edit(
      Messages messages,
      String key,
      org.kordamp.ikonli.Ikon icon,
      String accel,
      Runnable action,
      ObservableBooleanValue viewOnly) {
    MenuItem item = item(messages, key, icon, accel, action);
    item.setId("ctx-" + key.substring(key.indexOf('.') + 1));
    item.disableProperty().bind(javafx.beans.binding.BooleanExpression.booleanExpression(viewOnly));
    return item;
  }

  private static MenuItem named(MenuItem item, String id) {
    item.setId(id);
    return item;
  }
}
