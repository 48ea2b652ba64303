package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.tool.ToolKind;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The keyboard shortcuts card (F1 or ?), labelled in the current language. Keys that are words
 * ("Space + drag") come from the bundles too; the people panel is shown by its button's icon (an
 * emoji had no glyph in the UI font). In a window too small for it the card scrolls; no cell is
 * ever cut to "…".
 */
final class ShortcutsHelp {
  private ShortcutsHelp() {}

  /** The row whose key is the people button's icon. */
  private static final String PEOPLE = "#people";

  private static final String[][] ACTIONS = {
    {"Ctrl+Z", "help.undo"},
    {"Ctrl+Shift+Z / Ctrl+Y", "help.redo"},
    {"Ctrl+C / X / V", "help.clipboard"},
    {"Ctrl+D", "help.duplicate"},
    {"Ctrl+G / Ctrl+Shift+G", "help.group"},
    {"Ctrl+Shift+L", "help.lock"},
    {"Ctrl+A", "help.selectAll"},
    {"Del", "help.delete"},
    {"← ↑ → ↓ (Shift)", "help.nudge"},
    {"Ctrl+Shift+] / [", "help.order"},
    {"⌜ ⌟", "help.resize"},
    {"L / A ⟶ ▭", "connector.help.bind"},
    {"Shift + L / A", "connector.help.free"},
    {"● ⟶", "connector.help.rebind"},
    {"2× ⟶", "connector.help.label"},
    {"@help.key.spaceDrag", "help.pan"},
    {"@help.key.ctrlWheel", "help.zoom"},
    {"Ctrl+= / Ctrl+-", "help.zoomKeys"},
    {"Ctrl+0 / Shift+1", "help.zoomReset"},
    {"G", "help.grid"},
    {"Shift+G", "help.snap"},
    {"@help.key.altDrag", "help.noSnap"},
    {"Alt+A / H / D", "help.alignAcross"},
    {"Alt+W / V / S", "help.alignDown"},
    {"Alt+Shift+H / V", "help.distribute"},
    {"Ctrl+S / Ctrl+O", "help.files"},
    {"Ctrl+Shift+H", "help.history"},
    {"Tab", "help.noteNext"},
    {PEOPLE, "help.follow"},
  };

  static VBox build(Messages messages) {
    VBox card = new VBox(10);
    card.setId("shortcuts-help");
    card.getStyleClass().addAll("island", "shortcuts-help");
    Label title = Controls.sectionLabel(messages, "help.title");
    title.getStyleClass().add("help-title");
    GridPane grid = new GridPane(24, 6);
    int row = 0;
    for (ToolKind kind : ToolKind.values()) {
      grid.addRow(
          row++, key(messages, kind.key()), text(messages, "tool." + kind.name().toLowerCase()));
    }
    int col2 = 0;
    for (String[] action : ACTIONS) {
      grid.add(key(messages, action[0]), 2, col2);
      grid.add(text(messages, action[1]), 3, col2++);
    }
    ScrollPane scroll = new ScrollPane(grid);
    scroll.getStyleClass().add("shortcuts-scroll");
    scroll.setMinSize(0, 0);
    card.setMinSize(0, 0);
    card.getChildren().addAll(title, scroll);
    return card;
  }

  /** A key as printed, a bundle key after "@" for keys that are words, or the people icon. */
  private static Label key(Messages messages, String keys) {
    Label l = new Label();
    if (keys.equals(PEOPLE)) {
      l.setGraphic(Icons.of(MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE));
    } else if (keys.startsWith("@")) {
      l.textProperty().bind(messages.bind(keys.substring(1)));
    } else {
      l.setText(keys);
    }
    // "monospace": the fixed-width font for the language (Theme sets it with the UI's fonts).
    l.getStyleClass().addAll("help-key", "monospace");
    return whole(l);
  }

  private static Label text(Messages messages, String key) {
    Label l = new Label();
    l.textProperty().bind(messages.bind(key));
    return whole(l);
  }

  /** Never narrower than its text: the card scrolls instead of cutting it. */
  private static Label whole(Label l) {
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }
}
