package dev.drawbridge.client.ui.settings;

import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.update.UpdatePreferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings rows that belong to this installation rather than to the user's profile: the daily
 * update check (client.update) and, on Linux, the UI scale. Each keeps its own small file in the
 * app's home, written when the dialog's OK is pressed.
 */
final class AppOptions {
  private static final Logger LOG = LoggerFactory.getLogger(AppOptions.class);

  /** The UI-scale choice meaning "let GTK decide". */
  private static final double AUTOMATIC = 0;

  private final Path home;
  private final CheckBox updates;
  private final ChoiceBox<Double> scale;
  private final Label scaleHint;

  AppOptions(Messages messages, Path home) {
    this.home = home;
    updates = new CheckBox(messages.get("settings.updates"));
    updates.setId("settings-updates");
    updates.setSelected(UpdatePreferences.load(UpdatePreferences.file(home)).isEnabled());
    scale = new ChoiceBox<>(FXCollections.observableArrayList(AUTOMATIC));
    scale.getItems().addAll(UiScale.CHOICES);
    scale.setId("settings-ui-scale");
    scale.setValue(UiScale.load(home).orElse(AUTOMATIC));
    scale.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Double value) {
            return value == null || value == AUTOMATIC
                ? messages.get("settings.scale.auto")
                : Math.round(value * 100) + " %";
          }

          @Override
          public Double fromString(String text) {
            return AUTOMATIC;
          }
        });
    scaleHint = new Label(messages.get("settings.scale.hint"));
    scaleHint.getStyleClass().add("section-label");
  }

  /** Whether the UI-scale row is shown (Linux only: elsewhere the system scales JavaFX). */
  boolean showsScale() {
    return UiScale.applies();
  }

  ChoiceBox<Double> scale() {
    return scale;
  }

  VBox scaleWithHint() {
    return new VBox(4, scale, scaleHint);
  }

  CheckBox updates() {
    return updates;
  }

  /** Writes both choices (OK pressed). A file that cannot be written only loses that choice. */
  void save() {
    Path file = UpdatePreferences.file(home);
    try {
      UpdatePreferences.load(file).withEnabled(updates.isSelected()).save(file);
    } catch (IOException e) {
      LOG.warn("Could not save the update-check choice: {}", e.toString());
    }
    if (showsScale()) {
      double chosen = scale.getValue() == null ? AUTOMATIC : scale.getValue();
      try {
        UiScale.save(home, chosen == AUTOMATIC ? Optional.empty() : Optional.of(chosen));
      } catch (IOException e) {
        LOG.warn("Could not save the UI scale: {}", e.toString());
      }
    }
  }
}
