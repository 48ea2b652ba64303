package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.BoardTypeface;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Board text is drawn in the bundled font (ADR 0014), with JavaFX's fallback fonts for what it
 * lacks, and the UI's fonts do not reach it. That it is the same whatever language the app started
 * in is {@link BoardFontLocaleTest}'s.
 */
@ExtendWith(ApplicationExtension.class)
class BoardFontFxTest {
  private StackPane root;

  @Start
  void start(Stage stage) {
    root = new StackPane();
    stage.setScene(new Scene(root, 300, 200));
    stage.show();
  }

  @Test
  void boardTextIsInTheBundledFont() {
    Font font = fx(() -> ElementPainter.font(20));
    assertThat(font.getFamily()).isEqualTo(BoardTypeface.FAMILY).isEqualTo("Noto Sans");
    assertThat(font.getSize()).isEqualTo(20);
    assertThat(fx(BoardFont::family)).isEqualTo(BoardTypeface.FAMILY);
  }

  /** The exporters place baselines with the constant, the canvas with what JavaFX measures. */
  @Test
  void theCanvasAscentIsTheOneTheExportsUse() {
    assertThat(fx(() -> ElementPainter.ascent(100)) / 100)
        .isCloseTo(BoardTypeface.ASCENT, Offset.offset(1e-4));
  }

  /**
   * The font as loaded has no fallback and measures (and draws) each Chinese character as its 0.6
   * em empty box; asked for by family it has JavaFX's fallback fonts, about 1 em a character.
   */
  @Test
  void charactersTheFontLacksComeFromTheFallbackFonts() {
    double chinese = fx(() -> width("你好世界", ElementPainter.font(100)));
    assertThat(chinese).isGreaterThan(350);
    double latin = fx(() -> width("Whiteboard", ElementPainter.font(100)));
    assertThat(latin).isGreaterThan(400).isLessThan(600);
  }

  /** The UI's font rules (UiFonts, in the user-agent style sheet) leave the text editor alone. */
  @Test
  void theUiFontDoesNotReachTheTextEditor() {
    String css = ".root { -fx-font-family: \"DejaVu Serif\"; -fx-font-size: 9px; }";
    String family =
        fx(
            () -> {
              root.getScene()
                  .setUserAgentStylesheet(
                      "data:text/css;base64,"
                          + Base64.getEncoder()
                              .encodeToString(css.getBytes(StandardCharsets.UTF_8)));
              TextArea area = new TextArea("Hello");
              area.setFont(ElementPainter.font(28));
              root.getChildren().add(area);
              area.applyCss();
              area.layout();
              String shown = ((Text) area.lookup(".text")).getFont().getFamily();
              root.getChildren().remove(area);
              root.getScene().setUserAgentStylesheet(null);
              return shown + " " + area.getFont().getSize();
            });
    assertThat(family).isEqualTo(BoardTypeface.FAMILY + " 28.0");
  }

  /**
   * Noto Sans's ascent and descent (1.362 em) are taller than the 1.25 em a line gets in a text's
   * bounds: the tiles repaint what the painted bounds cover, so those must hold the descenders, or
   * moving a text left their tails behind.
   */
  @Test
  void aTextsDescendersLieWithinItsPaintedBounds() {
    Element text = Element.text("t", 0, 0, "one\ngjpqy", Style.DEFAULT.withFontSize(100), 1);
    int bottom =
        fx(
            () -> {
              Canvas canvas = new Canvas(600, 400);
              GraphicsContext gc = canvas.getGraphicsContext2D();
              gc.setFill(Color.WHITE);
              gc.fillRect(0, 0, 600, 400);
              ElementPainter.paint(gc, text, 0, 0, false);
              PixelReader r = canvas.snapshot(null, null).getPixelReader();
              int last = -1;
              for (int y = 0; y < 400; y++) {
                for (int x = 0; x < 600; x++) {
                  if (r.getColor(x, y).getBrightness() < 0.9) {
                    last = y;
                  }
                }
              }
              return last;
            });
    assertThat((double) bottom).isGreaterThan(text.bounds()[3]);
    assertThat((double) bottom + 1).isLessThanOrEqualTo(Rect.paintedBounds(text).maxY());
  }

  private static double width(String s, Font font) {
    Text text = new Text(s);
    text.setFont(font);
    return text.getLayoutBounds().getWidth();
  }
}
