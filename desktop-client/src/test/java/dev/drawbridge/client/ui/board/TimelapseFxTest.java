package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.timelapse.GifFrames;
import dev.drawbridge.client.timelapse.TimelapseExport;
import dev.drawbridge.client.ui.canvas.PictureSource;
import dev.drawbridge.client.ui.timelapse.FxFrameRenderer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 17 through the real window: an offline board's history is saved into its file and comes
 * back when the file is opened, and its timelapse is drawn by the PNG export's renderer.
 */
@ExtendWith(ApplicationExtension.class)
class TimelapseFxTest extends FxBoardTestBase {
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private Timeline loadedHistory() throws Exception {
    CompletableFuture<Timeline> loaded = fx(() -> view().history().load());
    return loaded.get(10, TimeUnit.SECONDS);
  }

  @Test
  void anOfflineBoardsHistoryIsSavedWithItAndOpensWithIt() throws Exception {
    addRectangle("a", 0, 0, 100, 50);
    addRectangle("b", 200, 0, 100, 50);
    addRectangle("c", 400, 0, 100, 50);
    assertThat(loadedHistory().size()).isEqualTo(3);
    Path file = home.resolve("kept.drawbridge");
    assertThat(fx(() -> view().saveTo(file))).isTrue();
    assertThat(new BoardFile().open(file, bytes -> {}).history().ops()).hasSize(3);

    onFx(() -> window.showStart());
    onFx(() -> window.openFile(file));

    Timeline reopened = loadedHistory();
    assertThat(reopened.size()).isEqualTo(3);
    assertThat(reopened.op(2).t()).isPositive();
    assertThat(fx(() -> view().session().board().confirmedSeq())).isEqualTo(3);
  }

  @Test
  void framesAreDrawnByTheExportRendererOffTheFxThread() throws Exception {
    addRectangle("a", 0, 0, 100, 50);
    addRectangle("b", 200, 100, 100, 50);
    Timeline timeline = loadedHistory();
    TimelapseExport.Request request =
        fx(() -> TimelapseExport.Request.of(timeline, null, 1, 4, 300));
    Path gif = home.resolve("board.gif");

    TimelapseExport.write(
        request,
        gif,
        (p, w, h, fps) -> new GifFrames(p),
        new FxFrameRenderer(PictureSource.NONE),
        (done, total) -> {},
        () -> false);

    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(4);
      BufferedImage last = reader.read(3);
      assertThat(last.getWidth()).isEqualTo(300);
      assertThat(darkPixels(last)).isPositive();
      assertThat(darkPixels(reader.read(0))).isLessThan(darkPixels(last));
    }
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    return dark;
  }
}
