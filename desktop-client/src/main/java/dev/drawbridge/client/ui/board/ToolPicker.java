package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.tool.ToolKind;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The tool island at the top of the board: one toggle per tool, kept in step with the view-model's
 * tool both ways (a click picks the tool; a shortcut moves the highlight).
 */
final class ToolPicker {
  private ToolPicker() {}

  static HBox build(BoardViewModel vm, Messages messages) {
    HBox bar = new HBox(2);
    bar.getStyleClass().addAll("island", "toolbar");
    bar.setId("toolbar");
    bar.setAlignment(Pos.CENTER);
    ToggleGroup group = new ToggleGroup();
    Map<ToolKind, ToggleButton> buttons = new EnumMap<>(ToolKind.class);
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
      // Groups: select | pens | shapes | text and eraser.
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
}
