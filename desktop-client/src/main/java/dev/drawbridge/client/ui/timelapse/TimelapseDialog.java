package dev.drawbridge.client.ui.timelapse;

import dev.drawbridge.client.ui.common.Messages;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Asks what the timelapse covers, how long it plays and in which format. */
public final class TimelapseDialog {
  /** What part of the board the frames show. */
  public enum Scope {
    WHOLE,
    VIEW,
    SELECTION
  }

  /** What the user chose; {@code format} is "gif" or "mp4". */
  public record Choice(Scope scope, int seconds, String format) {}

  /** The length offered first. */
  public static final int DEFAULT_SECONDS = 10;

  private TimelapseDialog() {}

  /**
   * Shows the dialog; empty when cancelled.
   *
   * @param hasSelection whether "Selection" is offered (and chosen first)
   */
  public static Optional<Choice> show(Window owner, Messages messages, boolean hasSelection) {
    Dialog<Choice> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(messages.get("timelapse.title"));
    dialog.setHeaderText(messages.get("timelapse.header"));
    List<Scope> scopes =
        hasSelection
            ? List.of(Scope.WHOLE, Scope.VIEW, Scope.SELECTION)
            : List.of(Scope.WHOLE, Scope.VIEW);
    ChoiceBox<Scope> scope = new ChoiceBox<>(FXCollections.observableArrayList(scopes));
    scope.setId("timelapse-scope");
    scope.setValue(hasSelection ? Scope.SELECTION : Scope.WHOLE);
    scope.setConverter(
        named(messages, "timelapse.scope.", s -> s.name().toLowerCase(java.util.Locale.ROOT)));
    Spinner<Integer> seconds = new Spinner<>(1, 120, DEFAULT_SECONDS);
    seconds.setId("timelapse-seconds");
    seconds.setEditable(true);
    ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("gif", "mp4"));
    format.setId("timelapse-format");
    format.setValue("gif");
    format.setConverter(named(messages, "timelapse.format.", f -> f));
    GridPane grid = new GridPane(12, 10);
    grid.addRow(0, new Label(messages.get("timelapse.scope")), scope);
    grid.addRow(1, new Label(messages.get("timelapse.seconds")), seconds);
    grid.addRow(2, new Label(messages.get("timelapse.format")), format);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.setResultConverter(
        button ->
            button == ButtonType.OK
                ? new Choice(scope.getValue(), seconds.getValue(), format.getValue())
                : null);
    return dialog.showAndWait();
  }

  private static <T> StringConverter<T> named(
      Messages messages, String prefix, java.util.function.Function<T, String> key) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : messages.get(prefix + key.apply(value));
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
