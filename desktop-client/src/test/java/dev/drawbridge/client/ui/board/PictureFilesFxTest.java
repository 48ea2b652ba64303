package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.io.TestPictures;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Pictures through the window's files (issue 15): opened into the store, saved and exported. */
@ExtendWith(ApplicationExtension.class)
class PictureFilesFxTest extends FxBoardTestBase {
  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  @Test
  void openingAFilePutsItsGoodPicturesIntoTheStoreAndSaysHowManyWereBad() throws Exception {
    // A second picture whose bytes in the file will not be the blob it is named by.
    String otherId = BlobIds.of(new byte[] {1, 2, 3});
    Element broken =
        Element.ofImage("broken", 100, 0, 20, 10, new ImageRef(otherId, "image/png", 2, 1), 2);
    Path file = home.resolve("pictures.drawbridge");
    // The writer is handed the first picture's bytes for both ids: the second's do not match.
    new BoardFile()
        .save(
            file,
            new BoardSnapshot(2, List.of(TestPictures.image("pic", 0, 0, 20, 10), broken)),
            id -> Optional.of(TestPictures.PNG));

    onFx(() -> window.openFile(file));

    assertThat(elements()).hasSize(2);
    assertThat(fx(() -> view().session().blobs().bytes(TestPictures.PNG_ID))).isPresent();
    assertThat(fx(() -> view().toast().getText()))
        .isEqualTo(fx(() -> window.messages().get("file.picturesSkipped", 1, file.getFileName())));
  }

  @Test
  void savingAndExportingABoardWithAPictureCarryTheBytes() throws Exception {
    onFx(
        () -> {
          view().session().blobs().put(TestPictures.PNG);
          board()
              .submit(
                  new dev.drawbridge.protocol.op.Op.AddElement(
                      TestPictures.image("pic", 0, 0, 20, 10)));
        });
    Path saved = home.resolve("saved.drawbridge");
    Path svg = home.resolve("board.svg");
    assertThat(fx(() -> view().saveTo(saved))).isTrue();
    assertThat(fx(() -> view().export("svg", svg, false))).isTrue();

    // Version 3: an offline board's file carries its history too (issue 17).
    assertThat(Files.readString(saved)).contains("\"version\":3").contains("\"blobs\":{");
    assertThat(Files.readString(svg))
        .contains(
            "href=\"data:image/png;base64," + Base64.getEncoder().encodeToString(TestPictures.PNG));
  }
}
