package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;

/** Small controls the board screen's panels share, labelled from the message bundles. */
final class Controls {
  private Controls() {}

  static Label sectionLabel(Messages messages, String key) {
    Label l = new Label();
    l.textProperty().bind(messages.bind(key));
    l.getStyleClass().add("section-label");
    return l;
  }

  static Button iconButton(
      Messages messages, String key, org.kordamp.ikonli.Ikon icon, String id, Runnable action) {
    Button b = new Button();
    b.setGraphic(Icons.of(icon));
    b.setId(id);
    b.getStyleClass().add("icon-button");
    b.setFocusTraversable(false);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind(key));
    b.setTooltip(tip);
    b.setOnAction(e -> action.run());
    return b;
  }

  /** {@code #rrggbb} for a colour (alpha dropped). */
  static String toWeb(Color c) {
    return String.format(
        "#%02x%02x%02x",
        (int) Math.round(c.getRed() * 255),
        (int) Math.round(c.getGreen() * 255),
        (int) Math.round(c.getBlue() * 255));
  }
}
