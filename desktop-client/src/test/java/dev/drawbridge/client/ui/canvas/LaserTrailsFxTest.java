package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.protocol.element.Points;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Found by hand: a fast laser trail left faint dashes on the others' screens for good. A frame
 * draws the segment from the newest faded dot to the first live one, but the live layer clears next
 * frame only what {@link LaserTrails#paint} says it painted, which reached around the live dots
 * only, so the start of that segment stayed and grew darker frame after frame.
 */
@ExtendWith(ApplicationExtension.class)
class LaserTrailsFxTest {
  private static final long SECOND = 1_000_000_000L;

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new StackPane(), 100, 100));
    stage.show();
  }

  @Test
  void theAreaPaintedReachesTheStartOfEverySegmentDrawn() {
    LaserTrails trails = new LaserTrails();
    long t0 = 5 * SECOND;
    trails.add("ann", Color.RED, Points.of(0, 0), t0);
    trails.add("ann", Color.RED, Points.of(200, 0), t0 + SECOND * 4 / 10);
    Viewport viewport = new Viewport();
    viewport.set(1, 50, 50);
    // The first dot has faded, the second has not: the segment between them is still drawn.
    Rect painted =
        fx(
            () ->
                trails.paint(
                    new Canvas(400, 100).getGraphicsContext2D(),
                    viewport,
                    t0 + SECOND + SECOND / 10));
    assertThat(painted).isNotNull();
    assertThat(painted.contains(viewport.toScreenX(0), viewport.toScreenY(0))).isTrue();
    assertThat(painted.contains(viewport.toScreenX(100), viewport.toScreenY(0))).isTrue();
  }
}
