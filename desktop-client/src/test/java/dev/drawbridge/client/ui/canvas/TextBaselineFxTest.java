package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Found by a person test: after typing a text, its author saw it about 2 px lower than everyone
 * else until the app restarted. JavaFX keeps the layout of short strings by text and font, and a
 * text area lays its lines out centred on the cap height in whole pixels; a canvas that then drew
 * the same string at the same size from the top of its line ({@code VPos.TOP}) took over those line
 * metrics. Text is now drawn at its baseline, the font's ascent below its top.
 */
@ExtendWith(ApplicationExtension.class)
class TextBaselineFxTest {
  private StackPane root;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    stage.setScene(new Scene(root, 300, 200));
    stage.show();
  }

  @Test
  void textIsPaintedInTheSamePlaceBeforeAndAfterATextAreaShowedIt() {
    // Strings no other test lays out: the cache outlives a test.
    for (double scale : new double[] {1, 3}) {
      // Flat-bottomed capitals only, so the ink ends on the baseline.
      String text = scale == 1 ? "HEFT LIT ZEN" : "HILT FEZ LENT";
      Element e = Element.text("t", 2, 4, text, Style.DEFAULT.withFontSize(28), 1);
      double[] before = fx(() -> ink(paint(e, scale)));
      onFx(
          () -> {
            // What the in-place editor does with what was typed.
            TextArea area = new TextArea(text);
            area.setFont(ElementPainter.font(28));
            root.getChildren().add(area);
            area.applyCss();
            area.layout();
            root.getChildren().remove(area);
          });
      double[] after = fx(() -> ink(paint(e, scale)));
      assertThat(after[0]).as("ink centre at scale %s", scale).isEqualTo(before[0]);
      assertThat(after[1]).as("ink bottom at scale %s", scale).isEqualTo(before[1]);
      // The baseline is the font's ascent below the text's top.
      double baseline = (e.y() + ElementPainter.ascent(28)) * scale;
      assertThat(after[1])
          .as("baseline at scale %s", scale)
          .isCloseTo(baseline, Offset.offset(0.75));
    }
  }

  @Test
  void theAscentGrowsWithTheFontSize() {
    double ascent = fx(() -> ElementPainter.ascent(20));
    assertThat(ascent).isBetween(12.0, 24.0);
    assertThat(fx(() -> ElementPainter.ascent(60))).isCloseTo(3 * ascent, Offset.offset(1e-9));
  }

  private static Canvas paint(Element e, double scale) {
    Canvas canvas = new Canvas(1400, 200);
    GraphicsContext gc = canvas.getGraphicsContext2D();
    gc.setFill(Color.WHITE);
    gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    gc.setTransform(scale, 0, 0, scale, 0, 0);
    ElementPainter.paint(gc, e, 0, 0, false);
    return canvas;
  }

  /** The ink's weighted centre row and the bottom edge of its darker pixels, in pixels. */
  private static double[] ink(Canvas canvas) {
    PixelReader r = canvas.snapshot(null, null).getPixelReader();
    double sum = 0;
    double sy = 0;
    int bottom = -1;
    for (int y = 0; y < canvas.getHeight(); y++) {
      for (int x = 0; x < canvas.getWidth(); x++) {
        Color c = r.getColor(x, y);
        double w = 1 - (c.getRed() + c.getGreen() + c.getBlue()) / 3;
        sum += w;
        sy += w * (y + 0.5);
        if (w > 0.5) {
          bottom = y + 1;
        }
      }
    }
    return new double[] {sy / sum, bottom};
  }
}
