package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.image.TestPictures;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.element.Element;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Pictures on a board (issue 15): insert, drop, resize with the aspect kept, undo, drawing. */
@ExtendWith(ApplicationExtension.class)
class ImagesFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private Path picture(String name, int w, int h, Color color, String format) throws Exception {
    Path file = home.resolve(name);
    Files.write(file, TestPictures.file(w, h, color, format));
    return file;
  }

  private List<Element> images() {
    return elements().stream()
        .filter(Element::hasImage)
        .sorted(Comparator.comparingDouble(Element::x))
        .toList();
  }

  private List<Element> awaitImages(int count) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> images().size() == count);
    WaitForAsyncUtils.waitForFxEvents();
    return images();
  }

  private double[] viewCentre() {
    return fx(
        () -> {
          // The part of the view no panel covers (found by hand: a picture landed under the style
          // panel when centred in the whole view).
          var v = view().canvas().freeBoardArea();
          return new double[] {(v.minX() + v.maxX()) / 2, (v.minY() + v.maxY()) / 2};
        });
  }

  @Test
  void insertImageAddsOneSelectedPictureAtItsSizeAsOneUndoStep(FxRobot robot) throws Exception {
    Path file = picture("red.png", 120, 80, Color.RED, "png");
    onFx(() -> view().images().setChooser(window -> List.of(file.toFile())));
    robot.clickOn("#insert-image-button");

    Element e = awaitImages(1).getFirst();
    assertThat(e.image().mime()).isEqualTo("image/png");
    assertThat(e.image().width()).isEqualTo(120);
    assertThat(e.w()).isEqualTo(120);
    assertThat(e.h()).isEqualTo(80);
    double[] c = viewCentre();
    assertThat(e.x() + e.w() / 2).isCloseTo(c[0], org.assertj.core.data.Offset.offset(0.5));
    assertThat(e.y() + e.h() / 2).isCloseTo(c[1], org.assertj.core.data.Offset.offset(0.5));
    double styleRight =
        fx(
            () -> {
              var style = robot.lookup(".style-scroll").query();
              return view()
                  .canvas()
                  .sceneToLocal(style.localToScene(style.getLayoutBounds()))
                  .getMaxX();
            });
    assertThat(fx(() -> view().canvas().viewport().toScreenX(e.x())))
        .as("picture's left edge right of the style panel")
        .isGreaterThan(styleRight);
    assertThat(fx(() -> view().model().selection().ids())).containsExactly(e.id());
    assertThat(fx(() -> view().model().toolProperty().get())).isEqualTo(ToolKind.SELECT);
    assertThat(fx(() -> view().session().blobs().bytes(e.image().blob()))).isPresent();

    onFx(() -> view().model().undo());
    assertThat(images()).isEmpty();
    onFx(() -> view().model().redo());
    assertThat(images()).hasSize(1);
  }

  @Test
  void theCanvasAndThePngExportShowThePicture(FxRobot robot) throws Exception {
    Path file = picture("green.png", 200, 100, new Color(0, 200, 0), "png");
    onFx(() -> view().images().setChooser(window -> List.of(file.toFile())));
    onFx(() -> view().images().chooseAndInsert());
    Element e = awaitImages(1).getFirst();
    onFx(() -> view().model().selection().clear());
    Point2D centre =
        fx(
            () ->
                new Point2D(
                    view().canvas().viewport().toScreenX(e.x() + e.w() / 2),
                    view().canvas().viewport().toScreenY(e.y() + e.h() / 2)));
    // Decoded off the UI thread; a placeholder (grey) is drawn meanwhile.
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                fx(
                    () -> {
                      view().canvas().flush();
                      WritableImage shot = view().canvas().snapshot(null, null);
                      var c =
                          shot.getPixelReader().getColor((int) centre.getX(), (int) centre.getY());
                      return c.getGreen() > 0.7 && c.getRed() < 0.2;
                    }));

    Path png = home.resolve("board.png");
    assertThat(fx(() -> view().export("png", png, false))).isTrue();
    BufferedImage out = ImageIO.read(png.toFile());
    int rgb = out.getRGB(out.getWidth() / 2, out.getHeight() / 2);
    assertThat((rgb >> 8) & 0xFF).isGreaterThan(180);
    assertThat((rgb >> 16) & 0xFF).isLessThan(40);
  }

  @Test
  void droppedFilesGoSideBySideAtTheDropPoint(FxRobot robot) throws Exception {
    Path a = picture("a.png", 100, 50, Color.BLUE, "png");
    Path b = picture("b.gif", 60, 60, Color.YELLOW, "gif");
    Path text = home.resolve("notes.txt");
    Files.writeString(text, "not a picture");
    assertThat(fx(() -> view().images().drop(List.of(a, text, b), 300, 250))).isTrue();

    List<Element> placed = awaitImages(2);
    double bx = fx(() -> view().canvas().viewport().toBoardX(300));
    double by = fx(() -> view().canvas().viewport().toBoardY(250));
    Element left = placed.get(0);
    Element right = placed.get(1);
    assertThat(left.image().mime()).isEqualTo("image/png");
    assertThat(right.image().mime()).isEqualTo("image/png"); // the GIF became a PNG
    assertThat(right.x()).isGreaterThan(left.x() + left.w());
    double rowMiddle = (left.x() + right.x() + right.w()) / 2;
    assertThat(rowMiddle).isCloseTo(bx, org.assertj.core.data.Offset.offset(0.5));
    assertThat(left.y() + left.h() / 2).isCloseTo(by, org.assertj.core.data.Offset.offset(0.5));
    assertThat(fx(() -> view().model().selection().ids())).hasSize(2);
    // Both in one step.
    onFx(() -> view().model().undo());
    assertThat(images()).isEmpty();
  }

  @Test
  void aCornerDragKeepsThePicturesAspectRatio(FxRobot robot) throws Exception {
    Path file = picture("wide.png", 200, 100, Color.ORANGE, "png");
    onFx(() -> view().images().setChooser(window -> List.of(file.toFile())));
    onFx(() -> view().images().chooseAndInsert());
    Element e = awaitImages(1).getFirst();
    double right = e.x() + e.w();
    double bottom = e.y() + e.h();
    // Pulled mostly sideways: the height follows.
    drag(robot, right - 1, bottom - 1, right + 99, bottom + 9);

    Element resized = images().getFirst();
    assertThat(resized.x()).isEqualTo(e.x());
    assertThat(resized.y()).isEqualTo(e.y());
    assertThat(resized.w()).isGreaterThan(e.w() + 50);
    assertThat(resized.w() / resized.h()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-6));
    onFx(() -> view().model().undo());
    assertThat(images().getFirst().w()).isEqualTo(e.w());
  }

  @Test
  void aLargeFileSaysItIsBeingPreparedThenArrives(FxRobot robot) throws Exception {
    // A small picture padded past the size that takes a while (PNG readers ignore what follows
    // its end chunk): the notice shows at once, and the picture still comes.
    Path small = picture("big.png", 60, 40, Color.BLUE, "png");
    Path big = home.resolve("big-padded.png");
    Files.write(big, Files.readAllBytes(small));
    Files.write(
        big, new byte[(int) ImageInsert.LARGE_BYTES], java.nio.file.StandardOpenOption.APPEND);
    onFx(() -> view().images().setChooser(window -> List.of(big.toFile())));
    onFx(() -> view().images().chooseAndInsert());
    assertThat(fx(() -> view().toast().getText())).startsWith("Preparing big-padded.png");
    assertThat(awaitImages(1)).hasSize(1);
  }

  @Test
  void aBombIsRefusedWithAMessageAndNothingAdded(FxRobot robot) throws Exception {
    Path bomb = home.resolve("bomb.png");
    Files.write(bomb, TestPictures.pngClaiming(100_000, 100_000));
    onFx(() -> view().images().setChooser(window -> List.of(bomb.toFile())));
    onFx(() -> view().images().chooseAndInsert());
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fx(() -> view().toast().getText()).contains("bomb.png"));
    assertThat(fx(() -> view().toast().getText())).contains("far larger");
    assertThat(images()).isEmpty();
  }
}
