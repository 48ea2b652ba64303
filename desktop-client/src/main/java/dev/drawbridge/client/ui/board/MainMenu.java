package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The board's menu island (top left): files, copy and paste, exports (of the selection when there
 * is one, and named so), align and snap to grid ({@link AlignControls}), settings and leaving.
 * Shortcuts are shown next to the items that have one; {@link BoardShortcuts} handles the keys
 * themselves.
 */
final class MainMenu {
  private MainMenu() {}

  /**
   * @param viewOnly a viewer's menu offers no align commands (they would change the board)
   */
  static MenuButton build(
      Messages messages,
      BoardFiles files,
      Shell shell,
      BoardViewModel vm,
      ObservableBooleanValue viewOnly,
      String clientId,
      Runnable insertImage,
      Runnable history,
      Runnable exportTimelapse) {
    MenuButton menu = new MenuButton();
    menu.setId("main-menu");
    menu.setGraphic(Icons.of(MaterialDesignM.MENU));
    menu.getStyleClass().addAll("island", "menu-island");
    menu.setFocusTraversable(false);
    menu.getItems()
        .addAll(
            item(
                messages,
                "menu.open",
                MaterialDesignF.FOLDER_OPEN_OUTLINE,
                "Ctrl+O",
                files::chooseOpen),
            item(
                messages, "menu.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Ctrl+S", files::save),
            item(messages, "menu.saveAs", null, "Ctrl+Shift+S", files::saveAs),
            new SeparatorMenuItem(),
            editItem(
                messages, "menu.copy", MaterialDesignC.CONTENT_COPY, "Ctrl+C", vm::copy, vm, null),
            editItem(
                messages, "menu.cut", MaterialDesignC.CONTENT_CUT, "Ctrl+X", vm::cut, vm, viewOnly),
            pasteItem(messages, vm, clientId),
            editItem(
                messages,
                "menu.duplicate",
                MaterialDesignC.CONTENT_DUPLICATE,
                "Ctrl+D",
                () -> vm.duplicate(clientId),
                vm,
                viewOnly),
            groupItem(messages, vm, viewOnly, true),
            groupItem(messages, vm, viewOnly, false),
            insertImageItem(messages, viewOnly, insertImage),
            new SeparatorMenuItem(),
            exportItem(
                messages,
                vm,
                "Png",
                MaterialDesignF.FILE_IMAGE_OUTLINE,
                () -> files.chooseExport("png")),
            exportItem(
                messages,
                vm,
                "Svg",
                MaterialDesignE.EXPORT_VARIANT,
                () -> files.chooseExport("svg")),
            exportItem(
                messages, vm, "Pdf", MaterialDesignF.FILE_PDF_BOX, () -> files.chooseExport("pdf")),
            timelapseItem(messages, exportTimelapse),
            new SeparatorMenuItem(),
            AlignControls.menu(vm, messages, viewOnly),
            AlignControls.snapItem(vm, messages),
            new SeparatorMenuItem(),
            historyItem(messages, history),
            item(messages, "menu.settings", MaterialDesignC.COG_OUTLINE, null, shell::showSettings),
            item(messages, "menu.leave", MaterialDesignL.LOGOUT, null, shell::leaveBoard));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind("menu.tooltip"));
    menu.setTooltip(tip);
    return menu;
  }

  /**
   * An export item, named for what it exports: the selection when there is one ("Export selection
   * as PNG…"), the whole board otherwise.
   */
  private static MenuItem exportItem(
      Messages messages, BoardViewModel vm, String kind, Ikon icon, Runnable action) {
    MenuItem item = item(messages, "menu.export" + kind, icon, null, action);
    item.textProperty().unbind();
    item.textProperty()
        .bind(
            Bindings.when(vm.hasSelectionProperty())
                .then(messages.bind("menu.exportSelection" + kind))
                .otherwise(messages.bind("menu.export" + kind)));
    item.setId("export-" + kind.toLowerCase(java.util.Locale.ROOT));
    return item;
  }

  /**
   * An item that acts on the selection: disabled without one, and for a viewer when {@code
   * viewOnly} is given (it would change the board).
   */
  private static MenuItem editItem(
      Messages messages,
      String key,
      Ikon icon,
      String accel,
      Runnable action,
      BoardViewModel vm,
      ObservableBooleanValue viewOnly) {
    MenuItem item = item(messages, key, icon, accel, action);
    item.setId(key.replace('.', '-'));
    var disabled = vm.hasSelectionProperty().not();
    item.disableProperty().bind(viewOnly == null ? disabled : disabled.or(viewOnly));
    return item;
  }

  /** Group or Ungroup, enabled when it would change something (R122); never for a viewer. */
  private static MenuItem groupItem(
      Messages messages, BoardViewModel vm, ObservableBooleanValue viewOnly, boolean group) {
    MenuItem item =
        item(
            messages,
            group ? "menu.group" : "menu.ungroup",
            group
                ? org.kordamp.ikonli.materialdesign2.MaterialDesignG.GROUP
                : org.kordamp.ikonli.materialdesign2.MaterialDesignU.UNGROUP,
            group ? "Ctrl+G" : "Ctrl+Shift+G",
            group ? vm::group : vm::ungroup);
    item.setId(group ? "menu-group" : "menu-ungroup");
    var disabled = (group ? vm.canGroupProperty() : vm.canUngroupProperty()).not();
    item.disableProperty().bind(viewOnly == null ? disabled : disabled.or(viewOnly));
    return item;
  }

  /** Paste: always offered, since a viewer's paste is refused with a message saying why. */
  private static MenuItem pasteItem(Messages messages, BoardViewModel vm, String clientId) {
    MenuItem item =
        item(
            messages,
            "menu.paste",
            MaterialDesignC.CONTENT_PASTE,
            "Ctrl+V",
            () -> vm.paste(clientId));
    item.setId("menu-paste");
    return item;
  }

  /** "History": the board's past (issue 17), for viewers too (reading is not editing). */
  private static MenuItem historyItem(Messages messages, Runnable history) {
    MenuItem item =
        item(
            messages,
            "menu.history",
            org.kordamp.ikonli.materialdesign2.MaterialDesignH.HISTORY,
            "Ctrl+Shift+H",
            history);
    item.setId("menu-history");
    return item;
  }

  /** "Insert image…": a viewer cannot add anything. */
  private static MenuItem insertImageItem(
      Messages messages, ObservableBooleanValue viewOnly, Runnable insertImage) {
    MenuItem item =
        item(messages, "menu.insertImage", MaterialDesignI.IMAGE_PLUS, null, insertImage);
    item.setId("insert-image");
    item.disableProperty().bind(viewOnly);
    return item;
  }

  /** "Export timelapse…": the board's history played back as a GIF or a video (issue 17). */
  private static MenuItem timelapseItem(Messages messages, Runnable action) {
    MenuItem item =
        item(messages, "menu.exportTimelapse", MaterialDesignM.MOVIE_OPEN_OUTLINE, null, action);
    item.setId("export-timelapse");
    return item;
  }

  /** A translated item; {@code icon} and {@code accel} (the shortcut shown) may be null. */
  static MenuItem item(Messages messages, String key, Ikon icon, String accel, Runnable action) {
    MenuItem item = new MenuItem();
    item.textProperty()
        .bind(accel == null ? messages.bind(key) : messages.bind(key).concat("    " + accel));
    if (icon != null) {
      item.setGraphic(Icons.of(icon));
    }
    item.setOnAction(e -> action.run());
    return item;
  }
}
