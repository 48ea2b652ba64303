package dev.drawbridge.client.ui.history;

import dev.drawbridge.client.history.Timeline;
import java.util.function.Function;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The scrubber: the timeline on the {@link ScrubScale} from left (the start) to right (now), a tick
 * per step (a whole user action, {@link TrackTicks}) in the colour of the author of its last op
 * (one per pixel column, the newest wins, so 100,000 ops cost a few hundred strokes), a dashed gap
 * where a long pause was shortened, and the cursor. A press or drag moves the point looked at.
 */
final class ScrubTrack extends Region {
  private static final double HEIGHT = 34;
  private static final double PAD = 8;

  private final HistoryModel model;
  private final Function<String, String> colourOf;
  private final Canvas canvas = new Canvas();
  // The cursor is a node of its own, so a playback frame moves it without redrawing the marks.
  private final Region cursor = new Region();
  private final javafx.beans.value.ObservableBooleanValue shown;
  private boolean redrawQueued;

  /**
   * @param shown whether the panel is open: marks are drawn only then, since live ops keep the
   *     timeline growing while it is closed
   */
  ScrubTrack(
      HistoryModel model,
      Function<String, String> colourOf,
      javafx.beans.value.ObservableBooleanValue shown) {
    this.model = model;
    this.shown = shown;
    this.colourOf = colourOf;
    getStyleClass().add("history-track");
    setId("history-track");
    setPrefHeight(HEIGHT);
    setMinHeight(HEIGHT);
    setPrefWidth(560);
    cursor.getStyleClass().add("history-cursor");
    cursor.setId("history-cursor");
    cursor.setManaged(false);
    cursor.setMouseTransparent(true);
    getChildren().addAll(canvas, cursor);
    model.revisionProperty().addListener((o, a, b) -> redrawSoon());
    shown.addListener((o, a, b) -> redrawSoon());
    model.pointProperty().addListener((o, a, b) -> placeCursor());
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::scrub);
    // The marks are redrawn at most once a pulse, however many ops arrive in it.
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::scrub);
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    redraw();
  }

  private void placeCursor() {
    double x = model.timeline() == null ? PAD : xOf(model.pointProperty().get());
    cursor.resizeRelocate(Math.round(x) - 6, getHeight() / 2 - 6, 12, 12);
  }

  /** The scale position under view x {@code x}. */
  double positionAt(double x) {
    double usable = Math.max(1, getWidth() - 2 * PAD);
    double f = Math.max(0, Math.min(1, (x - PAD) / usable));
    return f * model.scale().length();
  }

  /** The view x of point {@code k}. */
  double xOf(int k) {
    long length = model.scale().length();
    double usable = Math.max(1, getWidth() - 2 * PAD);
    return PAD + (length == 0 ? usable : usable * model.scale().positionOf(k) / length);
  }

  private void scrub(MouseEvent e) {
    if (model.timeline() != null) {
      model.seekPosition(positionAt(e.getX()));
    }
    e.consume();
  }

  private void redrawSoon() {
    if (redrawQueued || !shown.get()) {
      return;
    }
    redrawQueued = true;
    javafx.application.Platform.runLater(
        () -> {
          redrawQueued = false;
          redraw();
        });
  }

  private void redraw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, w, h);
    g.setFill(Color.gray(0.5, 0.18));
    g.fillRoundRect(PAD - 4, h / 2 - 3, w - 2 * PAD + 8, 6, 6, 6);
    Timeline t = model.timeline();
    if (t == null || w <= 2 * PAD) {
      placeCursor();
      return;
    }
    ScrubScale scale = model.scale();
    g.setLineWidth(1);
    for (int k = 1; k < scale.points(); k++) {
      if (scale.breakBefore(k)) {
        int column = (int) xOf(k);
        g.setStroke(Color.gray(0.5, 0.8));
        g.setLineDashes(2, 2);
        g.strokeLine(column - 1, 4, column - 1, h - 4);
        g.setLineDashes();
      }
    }
    g.setLineWidth(2);
    for (int k : TrackTicks.of(t, scale, p -> (int) xOf(p))) {
      int column = (int) xOf(k);
      g.setStroke(colour(t.op(k - 1).clientId()));
      g.strokeLine(column, h / 2 - 8, column, h / 2 + 8);
    }
    placeCursor();
  }

  private Color colour(String clientId) {
    try {
      return Color.web(colourOf.apply(clientId));
    } catch (RuntimeException e) {
      return Color.GRAY;
    }
  }
}
