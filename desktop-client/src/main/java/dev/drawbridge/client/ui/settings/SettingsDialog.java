package dev.drawbridge.client.ui.settings;

import dev.drawbridge.client.diag.Diagnostics;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.protocol.BuildInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Name, colour, theme and language. The colour is one of {@link PeoplePalette}'s (a colour from an
 * older version that is not in it stays offered until another is chosen). Its OK and Cancel are
 * JavaFX's own button types, which speak the app's language because the app shell makes it the
 * JVM's default locale.
 */
public final class SettingsDialog {
  private SettingsDialog() {}

  private static HBox about(Messages messages, Path logDir) {
    Label version = new Label(messages.get("settings.about", BuildInfo.version()));
    version.setId("settings-version");
    version.getStyleClass().add("section-label");
    Label copied = new Label();
    copied.setId("diagnostics-copied");
    copied.setWrapText(true);
    copied.setMaxWidth(360);
    copied.getStyleClass().add("section-label");
    Button copy = new Button(messages.get("settings.diagnostics"));
    copy.setId("copy-diagnostics");
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(Diagnostics.report(logDir));
          Clipboard.getSystemClipboard().setContent(content);
          copied.setText(messages.get("settings.diagnostics.copied"));
        });
    HBox row = new HBox(12, version, copy, copied);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(8, 0, 0, 0));
    return row;
  }

  /**
   * Shows the dialog; the edited settings, or empty when cancelled. Its foot names the app's
   * version and offers "Copy diagnostics" (the report of {@link Diagnostics}, from the log in
   * {@code logDir}).
   */
  public static Optional<Settings> show(
      Window owner, Messages messages, Settings current, Path logDir, Path home) {
    Dialog<Settings> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(messages.get("settings.title"));
    dialog.setHeaderText(messages.get("settings.header"));
    if (owner != null && owner.getScene() != null) {
      // The app's own styles (swatches) apply in the dialog too.
      dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    TextField name = new TextField(current.name());
    name.setId("settings-name");
    ToggleGroup color = new ToggleGroup();
    FlowPane colors = colorChoices(color, current.color());
    ChoiceBox<String> theme = new ChoiceBox<>(FXCollections.observableArrayList("light", "dark"));
    theme.setValue(current.theme());
    theme.setConverter(converter(messages, "settings.theme."));
    ChoiceBox<String> language =
        new ChoiceBox<>(FXCollections.observableArrayList(Messages.LANGUAGES));
    language.setValue(current.language());
    language.setConverter(converter(messages, "settings.language."));
    GridPane grid = new GridPane(12, 10);
    grid.addRow(0, new Label(messages.get("settings.name")), name);
    Label colorHint = new Label(messages.get("settings.color.hint"));
    colorHint.getStyleClass().add("section-label");
    grid.addRow(1, new Label(messages.get("settings.color")), new VBox(4, colors, colorHint));
    grid.addRow(2, new Label(messages.get("settings.theme")), theme);
    grid.addRow(3, new Label(messages.get("settings.language")), language);
    AppOptions options = new AppOptions(messages, home);
    int row = 4;
    if (options.showsScale()) {
      grid.addRow(row++, new Label(messages.get("settings.scale")), options.scaleWithHint());
    }
    grid.add(options.updates(), 1, row++);
    grid.add(about(messages, logDir), 0, row, 2, 1);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(
        button -> {
          if (button == ButtonType.OK) {
            options.save();
          }
          return button == ButtonType.OK
              ? current.withProfile(
                  name.getText().trim(),
                  color.getSelectedToggle() == null
                      ? current.color()
                      : (String) color.getSelectedToggle().getUserData(),
                  theme.getValue(),
                  language.getValue())
              : null;
        });
    return dialog.showAndWait();
  }

  /** One round swatch per palette colour (id {@code settings-color-rrggbb}); one stays chosen. */
  private static FlowPane colorChoices(ToggleGroup group, String currentColor) {
    FlowPane row = new FlowPane(4, 4);
    row.setId("settings-colors");
    row.setPrefWrapLength(260);
    List<String> offered = new ArrayList<>(PeoplePalette.COLORS);
    if (!PeoplePalette.contains(currentColor)) {
      offered.addFirst(currentColor.toLowerCase(Locale.ROOT));
    }
    for (String c : offered) {
      ToggleButton swatch = new ToggleButton();
      swatch.setId("settings-color-" + c.substring(1));
      swatch.setGraphic(new Circle(9, Color.web(c)));
      swatch.getStyleClass().add("swatch");
      swatch.setUserData(c);
      swatch.setToggleGroup(group);
      swatch.setTooltip(new Tooltip(c));
      if (c.equalsIgnoreCase(currentColor)) {
        swatch.setSelected(true);
      }
      row.getChildren().add(swatch);
    }
    // A click on the chosen swatch would clear the choice: keep one chosen.
    group
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now == null && was != null) {
                group.selectToggle(was);
              }
            });
    return row;
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
