package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The card over the board while its connection waits for the user (never connected, invitation
 * needed, host ended the board…): the problem in plain words, Retry and Back. The board stays
 * usable under it; what is drawn is kept on this computer.
 */
final class ConnectionProblem {
  private ConnectionProblem() {}

  static VBox build(StatusViewModel status, Messages messages, Runnable retry, Runnable back) {
    Label text = new Label();
    text.setId("problem-text");
    text.setWrapText(true);
    text.setMaxWidth(420);
    text.textProperty().bind(status.problemProperty());
    text.setGraphic(Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
    Button retryButton = new Button();
    retryButton.setId("problem-retry");
    retryButton.textProperty().bind(messages.bind("problem.retry"));
    retryButton.setGraphic(Icons.of(MaterialDesignR.REFRESH));
    retryButton.getStyleClass().add("accent");
    retryButton.setOnAction(e -> retry.run());
    Button backButton = new Button();
    backButton.setId("problem-back");
    backButton.textProperty().bind(messages.bind("problem.back"));
    backButton.setGraphic(Icons.of(MaterialDesignA.ARROW_LEFT));
    backButton.setOnAction(e -> back.run());
    HBox buttons = new HBox(8, backButton, retryButton);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox card = new VBox(10, text, buttons);
    card.setId("connection-problem");
    card.getStyleClass().addAll("island", "connection-problem");
    card.setFillWidth(true);
    card.visibleProperty().bind(status.problemProperty().isNotEmpty());
    card.managedProperty().bind(card.visibleProperty());
    return card;
  }
}
