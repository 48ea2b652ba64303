package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.app.DemoBoard;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Element;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class BoardFileTest {
  @TempDir Path dir;

  private static LocalBoard sample() {
    LocalBoard board = new LocalBoard();
    DemoBoard.populate(board, "author1");
    return board;
  }

  @Test
  void saveThenOpenGivesTheSameBoardHash() throws Exception {
    LocalBoard board = sample();
    Path file = dir.resolve("plan.drawbridge");
    new BoardFile().save(file, board.view().snapshot());
    String text = Files.readString(file);
    assertThat(text).contains("\"format\":\"drawbridge\"").contains("\"version\":1");
    BoardSnapshot opened = new BoardFile().open(file);
    LocalBoard reopened = new LocalBoard();
    reopened.restore(opened, List.of());
    assertThat(reopened.view().hash()).isEqualTo(board.view().hash());
    assertThat(BoardState.fromSnapshot(opened).visibleElements()).hasSize(12);
  }

  @Test
  void aBoardCutShortIsDamagedNotSomethingElse() throws Exception {
    Path whole = dir.resolve("whole.drawbridge");
    Files.writeString(
        whole,
        "{\"format\":\"drawbridge\",\"version\":2,\"snapshot\":{\"seq\":0,\"elements\":[]},"
            + "\"blobs\":{}}");
    assertThat(new BoardFile().open(whole).elements()).isEmpty();
    String text = Files.readString(whole);
    for (int cut : new int[] {text.length() - 1, text.length() / 2, 40}) {
      Path half = dir.resolve("half-" + cut + ".drawbridge");
      Files.writeString(half, text.substring(0, cut));
      assertThatThrownBy(() -> new BoardFile().open(half))
          .as("cut at %d", cut)
          .isInstanceOfSatisfying(
              BoardFileException.class,
              e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.DAMAGED));
    }
    // Cut before the header was read: nothing says it was ever a board.
    Path stub = dir.resolve("stub.drawbridge");
    Files.writeString(stub, text.substring(0, 5));
    assertThatThrownBy(() -> new BoardFile().open(stub))
        .isInstanceOfSatisfying(
            BoardFileException.class,
            e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.NOT_A_BOARD));
  }

  @Test
  void aFileThatIsNotABoardIsRefusedInOneWord() throws Exception {
    Path png = dir.resolve("photo.drawbridge");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    Path json = dir.resolve("other.drawbridge");
    Files.writeString(json, "{\"format\":\"excalidraw\",\"version\":2}");
    Path broken = dir.resolve("broken.drawbridge");
    Files.writeString(
        broken, "{\"format\":\"drawbridge\",\"version\":1,\"snapshot\":{\"seq\":\"x\"}}");
    Path newer = dir.resolve("newer.drawbridge");
    Files.writeString(newer, "{\"format\":\"drawbridge\",\"version\":99,\"snapshot\":{}}");
    for (Path p : List.of(png, json, broken)) {
      assertThatThrownBy(() -> new BoardFile().open(p))
          .isInstanceOfSatisfying(
              BoardFileException.class,
              e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.NOT_A_BOARD));
    }
    assertThatThrownBy(() -> new BoardFile().open(newer))
        .isInstanceOfSatisfying(
            BoardFileException.class,
            e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.TOO_NEW));
    assertThatThrownBy(() -> new BoardFile().open(dir.resolve("missing.drawbridge")))
        .isInstanceOfSatisfying(
            BoardFileException.class,
            e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.IO));
  }

  @Test
  void svgExportIsWellFormedXmlWithAnElementPerShape() throws Exception {
    List<Element> elements = sample().view().visibleElements();
    Path file = dir.resolve("board.svg");
    new SvgExporter().export(elements, file);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8).isEmpty()
                    ? null
                    : file.toFile());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(4);
    assertThat(doc.getElementsByTagName("ellipse").getLength()).isEqualTo(2);
    assertThat(doc.getElementsByTagName("text").getLength()).isEqualTo(4);
  }

  @Test
  void svgEscapesText() {
    assertThat(SvgExporter.escape("a<b & \"c\"\u0001")).isEqualTo("a&lt;b &amp; &quot;c&quot;");
  }

  @Test
  void pdfExportOpensWithOnePageOfTheBoardsSize() throws Exception {
    List<Element> elements = sample().view().visibleElements();
    Path file = dir.resolve("board.pdf");
    new PdfExporter().export(elements, file);
    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      var area = ExportArea.of(elements);
      assertThat((double) doc.getPage(0).getMediaBox().getWidth())
          .isCloseTo(area.width(), org.assertj.core.data.Offset.offset(1.0));
    }
  }

  @Test
  void pdfExportSurvivesTextItsFontCannotShow() throws Exception {
    Path file = exportText("你好 world", "cjk.pdf");
    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
    }
  }

  /**
   * Issue 20: a distribution that keeps its CJK fonts elsewhere (Fedora: /usr/share/fonts/
   * wqy-zenhei/) is found through fontconfig's list, not the fixed Debian paths; OpenType (CFF)
   * files, which PDFBox cannot embed this way, and junk lines are passed over.
   */
  @Test
  void cjkFontsAreFoundWhereFontconfigSaysNotOnlyAtDebianPaths() throws Exception {
    Path debian = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    if (System.getenv("CI") != null) {
      assertThat(debian).as("the CJK font .ci/run installs").isRegularFile();
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(debian), "no WenQuanYi font");
    Path fedora = Files.createDirectories(dir.resolve("usr/share/fonts/wqy-zenhei"));
    Path font = Files.copy(debian, fedora.resolve("wqy-zenhei.ttc"));
    Path cff = Files.writeString(fedora.resolve("NotoSansCJK-Regular.otf"), "not TrueType");

    List<Path> found =
        PdfFonts.candidates(
            List.of(
                cff + ": Noto Sans CJK SC:style=Regular",
                font + ":",
                "garbage without a path",
                dir.resolve("missing.ttf") + ":"));

    assertThat(found).contains(font, debian).doesNotContain(cff, dir.resolve("missing.ttf"));
    // Without the Debian font (another distribution), fontconfig's is the one a PDF gets.
    assertThat(found.stream().filter(f -> !f.startsWith("/usr/share/fonts/truetype")))
        .first()
        .isEqualTo(font);
  }

  /** A fallback-only font first in line (no Latin letters) is passed over, not embedded half. */
  @Test
  void aFontThatCannotWriteTheWholeTextIsPassedOver() throws Exception {
    Path droid = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(droid), "no Droid fallback");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")), "no WQY");
    System.setProperty("drawbridge.pdfFont", droid.toString());
    try {
      Path file = exportText("你好 world?", "droid-first.pdf");
      try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
        assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
            .contains("你好")
            .contains("world?");
      }
    } finally {
      System.clearProperty("drawbridge.pdfFont");
    }
  }

  @Test
  void chineseTextIsWrittenInAnEmbeddedUnicodeFontWhereTheSystemHasOne() throws Exception {
    if (System.getenv("CI") != null) {
      // .ci/run installs a CJK font: in CI its absence is a broken set-up, not a skip.
      assertThat(PdfFonts.candidates()).as("Unicode TrueType fonts").isNotEmpty();
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(
        PdfFonts.candidates().isEmpty(), "no Unicode TrueType font on this machine");
    Path file = exportText("你好 world", "cjk-font.pdf");
    try (PDDocument doc = Loader.loadPDF(new File(file.toString()))) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertThat(text).contains("你好").contains("world");
    }
  }

  /** A PDF of a board holding one text element. */
  private Path exportText(String text, String fileName) throws Exception {
    LocalBoard board = new LocalBoard();
    board.submit(
        new dev.drawbridge.protocol.op.Op.AddElement(
            Element.text("t1", 0, 0, text, dev.drawbridge.protocol.element.Style.DEFAULT, 1)));
    Path file = dir.resolve(fileName);
    new PdfExporter().export(board.view().visibleElements(), file);
    return file;
  }
}
