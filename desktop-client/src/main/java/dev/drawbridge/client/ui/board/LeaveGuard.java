package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The question asked over the board before an action leaves a shared board (or ends a hosted one
 * with guests): what is at stake in plain words, "Stay" and the action itself. A card in the
 * board's own scene rather than a modal dialog, so the window's close request can be answered later
 * and the tests find it like any other control.
 */
final class LeaveGuard {
  private final Label text = new Label();
  private final Button confirm = new Button();
  private final Button stay = new Button();
  private final VBox card;
  private Runnable onConfirm = () -> {};

  LeaveGuard(Messages messages) {
    text.setId("leave-text");
    text.setWrapText(true);
    text.setMaxWidth(420);
    confirm.setId("leave-confirm");
    confirm.getStyleClass().add("danger");
    confirm.setOnAction(
        e -> {
          Runnable action = onConfirm;
          hide();
          action.run();
        });
    stay.setId("leave-stay");
    stay.textProperty().bind(messages.bind("leave.stay"));
    stay.setDefaultButton(true);
    stay.setOnAction(e -> hide());
    HBox buttons = new HBox(8, stay, confirm);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    card = new VBox(12, text, buttons);
    card.setId("leave-guard");
    card.getStyleClass().addAll("island", "leave-guard");
    card.setVisible(false);
  }

  VBox card() {
    return card;
  }

  boolean isShowing() {
    return card.isVisible();
  }

  /** Asks {@code question}; {@code action} runs only if the user picks {@code confirmLabel}. */
  void ask(String question, String confirmLabel, Runnable action) {
    text.setText(question);
    confirm.setText(confirmLabel);
    onConfirm = action;
    card.setVisible(true);
    stay.requestFocus();
  }

  void hide() {
    card.setVisible(false);
    onConfirm = () -> {};
  }
}
