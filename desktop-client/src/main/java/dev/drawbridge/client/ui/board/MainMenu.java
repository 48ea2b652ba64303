package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The board's menu island (top left): files, exports, settings and leaving. Shortcuts are shown
 * next to the items that have one; {@link BoardShortcuts} handles the keys themselves.
 */
final class MainMenu {
  private MainMenu() {}

  static MenuButton build(Messages messages, BoardFiles files, Shell shell) {
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
            item(
                messages,
                "menu.exportPng",
                MaterialDesignF.FILE_IMAGE_OUTLINE,
                null,
                () -> files.chooseExport("png")),
            item(
                messages,
                "menu.exportSvg",
                MaterialDesignE.EXPORT_VARIANT,
                null,
                () -> files.chooseExport("svg")),
            item(
                messages,
                "menu.exportPdf",
                MaterialDesignF.FILE_PDF_BOX,
                null,
                () -> files.chooseExport("pdf")),
            new SeparatorMenuItem(),
            item(messages, "menu.settings", MaterialDesignC.COG_OUTLINE, null, shell::showSettings),
            item(messages, "menu.leave", MaterialDesignL.LOGOUT, null, shell::leaveBoard));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind("menu.tooltip"));
    menu.setTooltip(tip);
    return menu;
  }

  /** A translated item; {@code icon} and {@code accel} (the shortcut shown) may be null. */
  private static MenuItem item(
      Messages messages, String key, Ikon icon, String accel, Runnable action) {
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
