package dev.drawbridge.client.timelapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.protocol.op.Op;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

class TimelapseExportTest {
  @TempDir Path dir;
  private final List<Integer> shownCounts = new ArrayList<>();
  private final List<Rect> areas = new ArrayList<>();

  /** Ten squares in a row, one op each. */
  private static List<HistoryOp> squares(int n) {
    List<HistoryOp> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ops.add(
          new HistoryOp(
              i + 1,
              "op-" + i,
              "me",
              1_000L * i,
              new Op.AddElement(
                  Element.shape(
                      "sq-" + i, ElementKind.RECTANGLE, i * 100, 0, 50, 50, Style.DEFAULT, i))));
    }
    return ops;
  }

  /** Draws each element as a black box, with plain Java2D (no screen needed). */
  private BufferedImage render(List<Element> elements, Rect area, int w, int h) {
    shownCounts.add(elements.size());
    areas.add(area);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    double s = w / area.width();
    for (Element e : elements) {
      g.fillRect(
          (int) ((e.x() - area.minX()) * s), (int) ((e.y() - area.minY()) * s),
          (int) (e.w() * s), (int) (e.h() * s));
    }
    g.dispose();
    return image;
  }

  private void export(TimelapseExport.Request request, Path file) throws Exception {
    TimelapseExport.write(
        request, file, (p, w, h, fps) -> new GifFrames(p), this::render, (d, t) -> {}, () -> false);
  }

  @Test
  void aGifHasTheFramesAndDelaysAskedForAndLoopsForever() throws Exception {
    Path gif = dir.resolve("board.gif");
    export(new TimelapseExport.Request(null, squares(10), null, 2, 10, 400), gif);

    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(20);
      for (int i = 0; i < 20; i++) {
        IIOMetadataNode root =
            (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        Node control = root.getElementsByTagName("GraphicControlExtension").item(0);
        assertThat(control.getAttributes().getNamedItem("delayTime").getNodeValue())
            .isEqualTo("10");
      }
      IIOMetadataNode first =
          (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      Node app = first.getElementsByTagName("ApplicationExtension").item(0);
      assertThat(app.getAttributes().getNamedItem("applicationID").getNodeValue())
          .isEqualTo("NETSCAPE");
      assertThat((byte[]) ((IIOMetadataNode) app).getUserObject()).containsExactly(1, 0, 0);
      BufferedImage last = reader.read(19);
      assertThat(last.getWidth()).isEqualTo(400);
    }
    // Changes spread by count: 18 moving frames, then 2 holding all ten squares.
    assertThat(shownCounts.getFirst()).isEqualTo(1);
    assertThat(shownCounts.subList(17, 20)).containsOnly(10);
    assertThat(shownCounts).isSorted();
  }

  @Test
  void aRegionClipsEveryFrameToIt() throws Exception {
    Path gif = dir.resolve("region.gif");
    Rect region = new Rect(0, 0, 160, 80);
    export(new TimelapseExport.Request(null, squares(10), region, 1, 5, 320), gif);
    assertThat(areas).containsOnly(region);
    BufferedImage frame = ImageIO.read(gif.toFile());
    assertThat(frame.getWidth()).isEqualTo(320);
    assertThat(frame.getHeight()).isEqualTo(160);
  }

  @Test
  void theWholeBoardHoldsEveryFrame() throws Exception {
    export(new TimelapseExport.Request(null, squares(10), null, 1, 5, 400), dir.resolve("w.gif"));
    Rect area = areas.getFirst();
    assertThat(area.minX()).isLessThanOrEqualTo(0);
    assertThat(area.maxX()).isGreaterThanOrEqualTo(950);
  }

  @Test
  void cancellingStopsEarlyAndLeavesNoFile() {
    Path gif = dir.resolve("cancelled.gif");
    AtomicInteger frames = new AtomicInteger();
    assertThatThrownBy(
            () ->
                TimelapseExport.write(
                    new TimelapseExport.Request(null, squares(10), null, 10, 10, 200),
                    gif,
                    (p, w, h, fps) -> new GifFrames(p),
                    this::render,
                    (done, total) -> frames.set(done),
                    () -> frames.get() >= 3))
        .isInstanceOf(CancellationException.class);
    assertThat(shownCounts).hasSize(3);
    assertThat(gif).doesNotExist();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void delaysAddUpToTheLengthAskedFor() {
    FramePlan plan = FramePlan.of(1_000, 10, 30);
    assertThat(plan.frames()).isEqualTo(300);
    int total = 0;
    for (int i = 0; i < plan.frames(); i++) {
      total += plan.delayCentis(i);
    }
    assertThat(total).isEqualTo(1_000);
    assertThat(plan.counts()[plan.frames() - 1]).isEqualTo(1_000);
    assertThat(FramePlan.of(0, 1, 10).counts()).containsOnly(0);
  }

  @Test
  void emptyHistoryStillGivesFrames() throws Exception {
    Path gif = dir.resolve("empty.gif");
    export(new TimelapseExport.Request(null, List.of(), null, 1, 4, 100), gif);
    assertThat(Files.size(gif)).isPositive();
    assertThat(shownCounts).hasSize(4).containsOnly(0);
  }
}
