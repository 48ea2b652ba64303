package dev.drawbridge.client.ui.board;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A short message floating over the board for a few seconds: save results and errors in plain
 * words, never a stack trace. A new message replaces the old and restarts the timer.
 */
final class BoardToast implements BoardFiles.Toast {
  private final Label label = new Label();
  private final PauseTransition timer = new PauseTransition(Duration.seconds(4));

  BoardToast() {
    label.getStyleClass().add("toast");
    label.setVisible(false);
    label.setId("toast");
    label.setWrapText(true);
    label.setMaxWidth(420);
    timer.setOnFinished(e -> label.setVisible(false));
  }

  Label label() {
    return label;
  }

  @Override
  public void show(String message, boolean error) {
    label.setText(message);
    label.getStyleClass().removeAll("toast-error");
    if (error) {
      label.getStyleClass().add("toast-error");
    }
    label.setVisible(true);
    timer.playFromStart();
  }
}
