package dev.drawbridge.client.ui.settings;

import dev.drawbridge.client.ui.common.Messages;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Name, colour, theme and language. */
public final class SettingsDialog {
  private SettingsDialog() {}

  /** Shows the dialog; the edited settings, or empty when cancelled. */
  public static Optional<Settings> show(Window owner, Messages messages, Settings current) {
    Dialog<Settings> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(messages.get("settings.title"));
    dialog.setHeaderText(messages.get("settings.header"));
    TextField name = new TextField(current.name());
    name.setId("settings-name");
    ColorPicker color = new ColorPicker(Color.web(current.color()));
    ChoiceBox<String> theme = new ChoiceBox<>(FXCollections.observableArrayList("light", "dark"));
    theme.setValue(current.theme());
    theme.setConverter(converter(messages, "settings.theme."));
    ChoiceBox<String> language =
        new ChoiceBox<>(FXCollections.observableArrayList(Messages.LANGUAGES));
    language.setValue(current.language());
    language.setConverter(converter(messages, "settings.language."));
    GridPane grid = new GridPane(12, 10);
    grid.addRow(0, new Label(messages.get("settings.name")), name);
    grid.addRow(1, new Label(messages.get("settings.color")), color);
    grid.addRow(2, new Label(messages.get("settings.theme")), theme);
    grid.addRow(3, new Label(messages.get("settings.language")), language);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(
        button ->
            button == ButtonType.OK
                ? current.withProfile(
                    name.getText().trim(),
                    String.format(
                        "#%02x%02x%02x",
                        (int) Math.round(color.getValue().getRed() * 255),
                        (int) Math.round(color.getValue().getGreen() * 255),
                        (int) Math.round(color.getValue().getBlue() * 255)),
                    theme.getValue(),
                    language.getValue())
                : null);
    return dialog.showAndWait();
  }

  private static StringConverter<String> converter(Messages messages, String prefix) {
    return new StringConverter<>() {
      @Override
      public String toString(String value) {
        return value == null ? "" : messages.get(prefix + value);
      }

      @Override
      public String fromString(String text) {
        return text;
      }
    };
  }
}
