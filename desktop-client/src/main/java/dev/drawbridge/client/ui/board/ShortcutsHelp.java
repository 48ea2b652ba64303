package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.tool.ToolKind;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts card (F1 or ?), labelled in the current language. */
final class ShortcutsHelp {
  private ShortcutsHelp() {}

  private static final String[][] ACTIONS = {
    {"Ctrl+Z", "help.undo"},
    {"Ctrl+Shift+Z / Ctrl+Y", "help.redo"},
    {"Ctrl+C / X / V", "help.clipboard"},
    {"Ctrl+D", "help.duplicate"},
    {"Ctrl+A", "help.selectAll"},
    {"Del", "help.delete"},
    {"← ↑ → ↓ (Shift)", "help.nudge"},
    {"Ctrl+Shift+] / [", "help.order"},
    {"⌜ ⌟", "help.resize"},
    {"L / A ⟶ ▭", "connector.help.bind"},
    {"Shift + L / A", "connector.help.free"},
    {"● ⟶", "connector.help.rebind"},
    {"2× ⟶", "connector.help.label"},
    {"Space + drag", "help.pan"},
    {"Ctrl + wheel", "help.zoom"},
    {"Ctrl+0 / Shift+1", "help.zoomReset"},
    {"G", "help.grid"},
    {"Shift+G", "help.snap"},
    {"Alt + drag", "help.noSnap"},
    {"Alt+A / H / D", "help.alignAcross"},
    {"Alt+W / V / S", "help.alignDown"},
    {"Alt+Shift+H / V", "help.distribute"},
    {"Ctrl+S / Ctrl+O", "help.files"},
    {"Ctrl+Shift+H", "help.history"},
    {"Tab", "help.noteNext"},
    {"👥", "help.follow"},
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
      grid.addRow(row++, key(kind.key()), text(messages, "tool." + kind.name().toLowerCase()));
    }
    int col2 = 0;
    for (String[] action : ACTIONS) {
      grid.add(key(action[0]), 2, col2);
      grid.add(text(messages, action[1]), 3, col2++);
    }
    card.getChildren().addAll(title, grid);
    return card;
  }

  private static Label key(String keys) {
    Label l = new Label(keys);
    l.getStyleClass().add("help-key");
    return l;
  }

  private static Label text(Messages messages, String key) {
    Label l = new Label();
    l.textProperty().bind(messages.bind(key));
    return l;
  }
}
