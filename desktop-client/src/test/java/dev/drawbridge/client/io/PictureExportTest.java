package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Pictures (R107) in SVG and PDF exports: embedded when their bytes are here, else a box. */
class PictureExportTest {
  private static final PictureSource HERE =
      id -> id.equals(TestPictures.PNG_ID) ? Optional.of(TestPictures.PNG) : Optional.empty();

  @TempDir Path dir;

  private static List<Element> board() {
    Element picture =
        ElementPatch.NONE.withOpacity(0.5).applyTo(TestPictures.image("pic", 10, 20, 200, 100));
    Element box = Element.shape("box", ElementKind.RECTANGLE, 0, 0, 50, 50, Style.DEFAULT, 2);
    return List.of(picture, box);
  }

  @Test
  void svgEmbedsThePictureOverItsBoxWithItsOpacity() throws Exception {
    Document svg = parse(new SvgExporter().toSvg(board(), HERE));

    NodeList images = svg.getElementsByTagName("image");
    assertThat(images.getLength()).isEqualTo(1);
    var image = (org.w3c.dom.Element) images.item(0);
    assertThat(image.getAttribute("x")).isEqualTo("10");
    assertThat(image.getAttribute("y")).isEqualTo("20");
    assertThat(image.getAttribute("width")).isEqualTo("200");
    assertThat(image.getAttribute("height")).isEqualTo("100");
    assertThat(image.getAttribute("opacity")).isEqualTo("0.50");
    String href = image.getAttribute("href");
    assertThat(href).startsWith("data:image/png;base64,");
    assertThat(Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1)))
        .isEqualTo(TestPictures.PNG);
  }

  @Test
  void svgDrawsAPlaceholderForAPictureNotHere() throws Exception {
    Document svg = parse(new SvgExporter().toSvg(board(), PictureSource.NONE));
    assertThat(svg.getElementsByTagName("image").getLength()).isZero();
    assertThat(svg.getElementsByTagName("g").getLength()).isEqualTo(1);
    // Bytes that are not the picture named are not embedded either.
    byte[] wrong = TestPictures.PNG.clone();
    wrong[40] ^= 1;
    Document bad = parse(new SvgExporter().toSvg(board(), id -> Optional.of(wrong)));
    assertThat(bad.getElementsByTagName("image").getLength()).isZero();
  }

  @Test
  void pdfDrawsThePictureAsOneImageXObject() throws Exception {
    Path file = dir.resolve("board.pdf");
    List<Element> twice = new ArrayList<>(board());
    twice.add(TestPictures.image("pic2", 300, 20, 20, 10));
    new PdfExporter().export(twice, HERE, file);

    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      List<PDImageXObject> images = images(doc.getPage(0).getResources());
      assertThat(images).hasSize(1);
      assertThat(images.getFirst().getWidth()).isEqualTo(2);
      assertThat(images.getFirst().getHeight()).isEqualTo(1);
    }
  }

  @Test
  void pdfDrawsAPlaceholderForAPictureNotHere() throws Exception {
    Path file = dir.resolve("board.pdf");
    new PdfExporter().export(board(), PictureSource.NONE, file);
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      assertThat(images(doc.getPage(0).getResources())).isEmpty();
    }
    assertThat(Files.size(file)).isPositive();
  }

  private static List<PDImageXObject> images(PDResources resources) throws Exception {
    List<PDImageXObject> found = new ArrayList<>();
    for (COSName name : resources.getXObjectNames()) {
      if (resources.getXObject(name) instanceof PDImageXObject image) {
        found.add(image);
      }
    }
    return found;
  }

  private static Document parse(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
