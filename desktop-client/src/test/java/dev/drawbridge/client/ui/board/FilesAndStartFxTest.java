package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.io.BoardFileException;
import dev.drawbridge.client.io.ExportArea;
import dev.drawbridge.client.sync.ws.JavaWebSocketTransport;
import dev.drawbridge.client.ui.app.DemoBoard;
import dev.drawbridge.client.ui.app.NetworkSessionOpener;
import dev.drawbridge.client.ui.canvas.BoardImage;
import dev.drawbridge.client.ui.settings.Settings;
import dev.drawbridge.client.ui.start.JoinForm;
import dev.drawbridge.protocol.element.Element;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Save, open, export and the start screen, through the real window. */
@ExtendWith(ApplicationExtension.class)
class FilesAndStartFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
    DemoBoard.populate(window.boardView().session().board(), "author1");
  }

  @Test
  void exportWritesAPngOfTheExpectedSizeAnSvgThatParsesAndAPdfThatOpens() throws Exception {
    List<Element> elements = elements();
    int[] expected = BoardImage.pixelSize(ExportArea.of(elements), 2);
    Path png = home.resolve("board.png");
    Path svg = home.resolve("board.svg");
    Path pdf = home.resolve("board.pdf");
    assertThat(fx(() -> view().export("png", png, false))).isTrue();
    assertThat(fx(() -> view().export("svg", svg, false))).isTrue();
    assertThat(fx(() -> view().export("pdf", pdf, false))).isTrue();

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(expected);
    // Not a blank image: the demo's ink is in it.
    boolean inked = false;
    for (int x = 0; x < image.getWidth() && !inked; x += 3) {
      for (int y = 0; y < image.getHeight() && !inked; y += 3) {
        inked = (image.getRGB(x, y) & 0xffffff) != 0xffffff;
      }
    }
    assertThat(inked).isTrue();
    assertThat(
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(svg.toFile())
                .getDocumentElement()
                .getTagName())
        .isEqualTo("svg");
    try (PDDocument doc = Loader.loadPDF(new File(pdf.toString()))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
    }
  }

  @Test
  void exportingTheSelectionCoversOnlyIt() throws Exception {
    Element first = elements().getFirst();
    onFx(() -> view().model().selection().set(List.of(first.id())));
    Path png = home.resolve("selection.png");
    assertThat(fx(() -> view().export("png", png, true))).isTrue();
    int[] expected = BoardImage.pixelSize(ExportArea.of(List.of(first)), 2);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(new int[] {image.getWidth(), image.getHeight()}).containsExactly(expected);
  }

  @Test
  void saveThenOpenGivesTheSameBoardHash() {
    String hash = fx(() -> board().view().hash());
    Path file = home.resolve("plan.drawbridge");
    assertThat(fx(() -> view().saveTo(file))).isTrue();
    onFx(() -> window.showStart());
    assertThat(window.boardView()).isNull();
    onFx(() -> window.openFile(file));
    assertThat(window.boardView()).isNotNull();
    assertThat(fx(() -> board().view().hash())).isEqualTo(hash);
    assertThat(view().file()).isEqualTo(file);
    assertThat(window.settings().get().recent())
        .extracting(Settings.RecentBoard::location)
        .contains(file.toAbsolutePath().toString());
  }

  /**
   * Found by hand: Ctrl+S on a new offline board saved it in the app's own folder without a word of
   * where, and after Save as the window and status bar still said "Offline board".
   */
  @Test
  void aNewOfflineBoardAsksWhereToSaveAndIsNamedAfterItsFile(FxRobot robot) {
    assertThat(view().file().getParent()).isEqualTo(home.resolve("boards"));
    assertThat(fx(() -> view().saveAsksWhere())).isTrue();
    assertThat(fx(() -> stage.getTitle())).doesNotContain("plan");

    Path file = home.resolve("plan.drawbridge");
    assertThat(fx(() -> view().saveTo(file))).isTrue();
    assertThat(fx(() -> stage.getTitle())).endsWith(" — plan.drawbridge");
    javafx.scene.control.Label room =
        robot.lookup("#status-room").queryAs(javafx.scene.control.Label.class);
    assertThat(fx(room::getText)).isEqualTo("plan.drawbridge");
    assertThat(fx(() -> view().saveAsksWhere())).as("saved by the user: Ctrl+S saves").isFalse();
  }

  @Test
  void openingAFileThatIsNotABoardSaysSoInPlainWords(FxRobot robot) throws Exception {
    Path notBoard = home.resolve("notes.drawbridge");
    Files.writeString(notBoard, "just some notes");
    onFx(() -> window.showStart());
    onFx(() -> window.openFile(notBoard));
    assertThat(window.boardView()).isNull();
    String shown = startError(robot);
    assertThat(shown).isEqualTo("notes.drawbridge is not a Drawbridge board.");
  }

  @Test
  void theStartScreenOpensAnOfflineBoardAndChecksTheJoinForm(FxRobot robot) {
    onFx(() -> window.showStart());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> !robot.lookup("#join-server").queryAll().isEmpty());
    onFx(
        () -> {
          robot.lookup("#join-server").queryTextInputControl().setText("ftp://nowhere");
          robot.lookup("#join-room").queryTextInputControl().setText("bad room");
        });
    robot.clickOn("#join-button");
    WaitForAsyncUtils.waitForFxEvents();
    String error = startError(robot);
    assertThat(error).contains("ws://host:8080").contains("room name");
    assertThat(window.boardView()).isNull();
    robot.clickOn("#offline-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.boardView()).isNotNull();
    assertThat(elements()).isEmpty();
    assertThat(robot.lookup("#status-text").queryLabeled().getText())
        .isEqualTo("Local board (not shared)");
  }

  @Test
  void aRefusedTokenIsShownInPlainWords(FxRobot robot) throws Exception {
    java.nio.file.Path relayDir = java.nio.file.Files.createDirectories(home.resolve("relay"));
    try (dev.drawbridge.relay.runtime.Relay relay =
        dev.drawbridge.relay.runtime.Relay.start(
            dev.drawbridge.relay.runtime.RelayConfig.serverDefaults(
                    relayDir, "s3cret-s3cret-s3cret-s3cret")
                .withBindAddress("127.0.0.1")
                .withPort(0))) {
      onFx(
          () -> {
            window.setOpener(
                new NetworkSessionOpener(
                    home, javafx.application.Platform::runLater, JavaWebSocketTransport::new));
            window.showStart();
            window.join(
                new JoinForm("ws://127.0.0.1:" + relay.port(), "team", "Ann", "not-a-token"));
          });
      assertThat(window.boardView()).isNotNull();
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () ->
                  fx(() -> view().status().textProperty().get())
                      .equals("Sign-in failed: the server refused the token"));
      onFx(() -> window.leaveBoard());
    }
  }

  @Test
  void anAddressTheSyncLayerRejectsIsExplained(FxRobot robot) {
    onFx(
        () -> {
          window.setOpener(
              (form, settings) -> {
                throw new IllegalArgumentException("no such host");
              });
          window.showStart();
          window.join(new JoinForm("ws://example.invalid:1", "team", "Ann", ""));
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.boardView()).isNull();
    assertThat(startError(robot)).isEqualTo("That address does not work: no such host");
  }

  /** The start screen's error line, once a pulse has built the screen's skin. */
  private static String startError(FxRobot robot) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> !robot.lookup("#start-error").queryAll().isEmpty());
    return fx(() -> robot.lookup("#start-error").queryLabeled().getText());
  }

  @Test
  void autosaveWritesInTheBackgroundAndLeavingWritesTheLastStroke(FxRobot robot) {
    onFx(() -> window.workOffline());
    drag(robot, -50, 0, 50, 0);
    Path kept = view().file();
    onFx(() -> view().autosave());
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> elementsIn(kept) == 1);
    drag(robot, -50, 40, 50, 40);
    onFx(() -> window.leaveBoard());
    // Leaving waited for the write: the stroke drawn after the last autosave is on disk.
    assertThat(elementsIn(kept)).isEqualTo(2);
  }

  /**
   * A new offline board is on disk and listed under recent boards from its first stroke, not from
   * the first autosave 30 s later: an app killed in between keeps the drawing findable.
   */
  @Test
  void aNewOfflineBoardIsWrittenAndListedAtItsFirstStroke(FxRobot robot) {
    onFx(() -> window.workOffline());
    Path kept = view().file();
    assertThat(kept).doesNotExist();
    drag(robot, -50, 0, 50, 0);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10)) // the periodic autosave comes after 30 s
        .until(() -> elementsIn(kept) == 1);
    assertThat(window.settings().get().recent().getFirst().location())
        .isEqualTo(kept.toAbsolutePath().toString());
  }

  /** How many elements the board file holds (-1 while there is no readable file). */
  private static int elementsIn(Path file) {
    try {
      return new BoardFile().open(file).elements().size();
    } catch (BoardFileException e) {
      return -1;
    }
  }

  @Test
  void anOfflineBoardIsKeptWhenLeftAndListedUnderRecentBoards(FxRobot robot) {
    onFx(() -> window.workOffline());
    drag(robot, -50, 0, 50, 0);
    String hash = fx(() -> board().view().hash());
    java.nio.file.Path kept = view().file();
    assertThat(kept.getParent()).isEqualTo(home.resolve("boards"));
    onFx(() -> window.leaveBoard());
    assertThat(kept).exists();
    assertThat(window.settings().get().recent().getFirst().location())
        .isEqualTo(kept.toAbsolutePath().toString());
    onFx(() -> window.openFile(kept));
    assertThat(fx(() -> board().view().hash())).isEqualTo(hash);
  }
}
