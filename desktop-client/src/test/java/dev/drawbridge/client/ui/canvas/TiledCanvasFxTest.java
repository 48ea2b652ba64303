package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tiled layer shows the board after pans, zooms, remote strokes and edits. */
@ExtendWith(ApplicationExtension.class)
class TiledCanvasFxTest {
  private final LocalBoard board = new LocalBoard();
  private BoardCanvas canvas;

  @Start
  void start(Stage stage) {
    List<Element> elements = new ArrayList<>();
    // A horizontal bar of strokes every 300 units, far beyond one view.
    for (int i = 0; i < 40; i++) {
      elements.add(bar("b" + i, i * 300, 0, i + 1));
    }
    board.restore(new BoardSnapshot(0, elements), List.of());
    canvas = new BoardCanvas(board, new Selection());
    canvas.gridProperty().set(false);
    stage.setScene(new Scene(new StackPane(canvas), 700, 500));
    stage.show();
  }

  private static Element bar(String id, double x, double y, double z) {
    return Element.freehand(
        id,
        ElementKind.STROKE,
        x,
        y,
        Points.of(0, 0, 40, 0, 80, 0, 120, 0),
        Style.DEFAULT.withWidth(8),
        z);
  }

  @Test
  void panningFarShowsTheNewPartOfTheBoard() {
    onFx(
        () -> {
          canvas.viewport().set(1, 100, 250);
          canvas.zoomTo(1);
          canvas.flush();
        });
    assertThat(darkAt(60, 0)).isTrue();
    assertThat(darkAt(200, 0)).isFalse();
    // 30 bars to the right: every tile there is new.
    onFx(
        () -> {
          canvas.viewport().set(1, 100 - 9000, 250);
          canvas.zoomTo(1);
          canvas.flush();
        });
    assertThat(darkAt(9060, 0)).isTrue();
    assertThat(darkAt(9200, 0)).isFalse();
    assertThat(fx(canvas::isSettled)).isTrue();
  }

  @Test
  void zoomingRepaintsAtTheNewScaleAndZoomedFarOutStrokesStillShow() {
    onFx(
        () -> {
          canvas.viewport().set(2, 100, 250);
          canvas.zoomTo(2);
          canvas.flush();
        });
    assertThat(darkAt(60, 0)).isTrue();
    onFx(
        () -> {
          canvas.viewport().set(0.1, 20, 250);
          canvas.zoomTo(0.1);
          canvas.flush();
        });
    // At 10 % a 120-unit bar is 12 px long and under a pixel wide: simplified, but there.
    assertThat(brightnessAt(3000 + 60, 0)).isLessThan(0.95);
    assertThat(brightnessAt(3000 + 200, 0)).isGreaterThan(0.95);
    assertThat(fx(canvas::isSettled)).isTrue();
  }

  @Test
  void aRemoteStrokeShowsWhileItGrowsAndStaysWhenItStops() {
    onFx(
        () -> {
          canvas.viewport().set(1, 100, 250);
          canvas.zoomTo(1);
          canvas.flush();
          board.applyRemote(
              1, "op1", new Op.AddElement(bar("r", 0, 100, 1000).withPoints(Points.of(0, 0))));
          board.applyRemote(2, "op2", new Op.AppendPoints("r", Points.of(40, 0, 80, 0)));
          canvas.requestLive();
          canvas.flush();
        });
    // flush() paints everything pending, the growing stroke joins the tiles.
    assertThat(darkAt(40, 100)).isTrue();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(darkAt(40, 100)).isTrue();
  }

  @Test
  void aBurstOfRemoteStrokesAllShow() {
    onFx(
        () -> {
          canvas.viewport().set(1, 100, 250);
          canvas.zoomTo(1);
          canvas.flush();
          // A catch-up burst: more new strokes than get a sprite each.
          for (int i = 0; i < 40; i++) {
            board.applyRemote(
                i + 1,
                "burst" + i,
                new Op.AddElement(bar("r" + i, (i % 4) * 130, 60 + (i / 4) * 15, 1000 + i)));
          }
          canvas.flush();
        });
    for (int i = 0; i < 40; i++) {
      assertThat(darkAt((i % 4) * 130 + 60, 60 + (i / 4) * 15)).as("stroke %d", i).isTrue();
    }
  }

  @Test
  void movingAnElementRepaintsBothPlaces() {
    onFx(
        () -> {
          canvas.viewport().set(1, 100, 250);
          canvas.zoomTo(1);
          canvas.flush();
          board.submit(new Op.UpdateElement("b0", ElementPatch.move(0, 150)));
          canvas.flush();
        });
    assertThat(darkAt(60, 0)).isFalse();
    assertThat(darkAt(60, 150)).isTrue();
  }

  @Test
  void aStrokeFinishedOnTopIsPaintedOverTheTiles() {
    onFx(
        () -> {
          canvas.viewport().set(1, 100, 250);
          canvas.zoomTo(1);
          canvas.flush();
          board.submit(new Op.AddElement(bar("mine", 0, -100, 500)));
          canvas.showLive(Set.of("mine"), 0, 0);
          canvas.flush();
          canvas.clearLive();
          canvas.flush();
        });
    assertThat(darkAt(60, -100)).isTrue();
    assertThat(fx(() -> canvas.repaintCounts()[1])).isPositive();
  }

  private boolean darkAt(double boardX, double boardY) {
    return brightnessAt(boardX, boardY) < 0.5;
  }

  private double brightnessAt(double boardX, double boardY) {
    return fx(
        () -> {
          WritableImage shot = canvas.snapshot(null, null);
          int x = (int) Math.round(canvas.viewport().toScreenX(boardX));
          int y = (int) Math.round(canvas.viewport().toScreenY(boardY));
          Color c = shot.getPixelReader().getColor(x, y);
          return c.getBrightness();
        });
  }
}
