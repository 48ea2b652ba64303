package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.Credits;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import java.util.List;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A label that says who made the element the user looks at and who changed it last (issue 17): the
 * one selected element, or the one under the pointer with the select tool after a short rest
 * (hovering wins while it lasts). The board's history is loaded the first time this is needed. Call
 * from the JavaFX thread.
 */
public final class AttributionView {
  /** How long the pointer rests on an element before it is described: passing over says nothing. */
  static final Duration HOVER_DELAY = Duration.millis(500);

  private final BoardHistory history;
  private final LocalBoard board;
  private final AttributionText text;
  private final Label label = new Label();
  private final PauseTransition hoverDelay = new PauseTransition(HOVER_DELAY);
  private String selected;
  private String hoverCandidate;
  private String hovered;

  public AttributionView(BoardHistory history, LocalBoard board, AttributionText text) {
    this.history = history;
    this.board = board;
    this.text = text;
    label.setId("attribution");
    label.getStyleClass().add("attribution");
    label.visibleProperty().bind(label.textProperty().isNotEmpty());
    label.managedProperty().bind(label.visibleProperty());
    hoverDelay.setOnFinished(
        e -> {
          hovered = hoverCandidate;
          refresh();
        });
    // Written again in a new language, as the history panel's times are.
    text.language().addListener((o, was, now) -> refresh());
    history.addListener(
        new BoardHistory.Listener() {
          @Override
          public void appended(Timeline timeline, int fromIndex) {
            if (shownId() != null) {
              refresh();
            }
          }
        });
  }

  public Label label() {
    return label;
  }

  /** The selection changed: one element is described, none or several clear the label. */
  public void selectionChanged(List<String> ids) {
    selected = ids.size() == 1 ? ids.getFirst() : null;
    refresh();
  }

  /** The element under the pointer with the select tool, or null when there is none. */
  public void hovered(String id) {
    if (Objects.equals(id, hoverCandidate)) {
      return;
    }
    hoverCandidate = id;
    hoverDelay.stop();
    if (id == null) {
      hovered = null;
      refresh();
    } else {
      hoverDelay.playFromStart();
    }
  }

  private String shownId() {
    return hovered != null ? hovered : selected;
  }

  private void refresh() {
    String id = shownId();
    Element element = id == null ? null : board.view().get(id);
    if (element == null || element.deleted()) {
      label.setText("");
      return;
    }
    history
        .load()
        .whenComplete(
            (timeline, error) -> {
              if (!id.equals(shownId())) {
                return; // the user has moved on while the history loaded
              }
              Element now = board.view().get(id);
              if (now == null) {
                label.setText("");
                return;
              }
              label.setText(
                  text.of(Credits.of(timeline == null ? null : timeline.attribution(id), now)));
            });
  }
}
