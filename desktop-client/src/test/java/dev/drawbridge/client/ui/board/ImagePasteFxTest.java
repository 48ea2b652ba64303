package dev.drawbridge.client.ui.board;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.image.TestPictures;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.LocalOnlySession;
import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.Peer;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+V with pictures on the system clipboard, and a relay that holds no pictures (R109). */
@ExtendWith(ApplicationExtension.class)
class ImagePasteFxTest extends FxBoardTestBase {

  @Start
  void start(javafx.stage.Stage stage) {
    openWindow(stage);
  }

  private List<Element> images() {
    return elements().stream().filter(Element::hasImage).toList();
  }

  @Test
  void pastingPictureFilesPutsThemOnTheBoard() throws Exception {
    Path file = home.resolve("pasted.png");
    Files.write(file, TestPictures.file(40, 30, Color.MAGENTA, "png"));
    onFx(
        () ->
            Clipboard.getSystemClipboard()
                .setContent(Map.of(DataFormat.FILES, List.of(file.toFile()))));
    onFx(() -> view().model().paste("me"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> images().size() == 1);
    assertThat(images().getFirst().image().width()).isEqualTo(40);
  }

  @Test
  void pastingImageDataPutsAPngOnTheBoard() {
    javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(12, 8);
    onFx(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.IMAGE, image)));
    onFx(() -> view().model().paste("me"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> images().size() == 1);
    assertThat(images().getFirst().image().mime()).isEqualTo("image/png");
  }

  @Test
  void textOnTheClipboardIsLeftToTheOrdinaryPaste() {
    onFx(() -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, "hello")));
    assertThat(fx(() -> view().images().paste().pasteImages(Clipboard.getSystemClipboard(), 0, 0)))
        .isFalse();
  }

  @Test
  void aRelayWithoutPicturesRefusesThemWithAMessage() throws Exception {
    Path file = home.resolve("refused.png");
    Files.write(file, TestPictures.file(20, 20, Color.CYAN, "png"));
    onFx(() -> window.showBoard(new OldRelaySession()));
    assertThat(fx(() -> view().images().drop(List.of(file), 100, 100))).isTrue();
    assertThat(fx(() -> view().toast().getText())).contains("cannot hold pictures");
    assertThat(images()).isEmpty();
  }

  /** A board whose relay is older than R107: its welcome had no maxBlobBytes. */
  private static final class OldRelaySession implements BoardSession {
    private final LocalOnlySession local = new LocalOnlySession(new LocalBoard(), "old", "me");

    @Override
    public boolean holdsImages() {
      return false;
    }

    @Override
    public LocalBoard board() {
      return local.board();
    }

    @Override
    public String title() {
      return local.title();
    }

    @Override
    public String clientId() {
      return local.clientId();
    }

    @Override
    public ConnectionState state() {
      return local.state();
    }

    @Override
    public Collection<Peer> peers() {
      return local.peers();
    }

    @Override
    public void addListener(SessionListener listener) {
      local.addListener(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
      local.removeListener(listener);
    }

    @Override
    public void sendPresence(Cursor cursor, List<String> selection) {
      local.sendPresence(cursor, selection);
    }

    @Override
    public void reconnectNow() {}

    @Override
    public void goOffline() {}

    @Override
    public void close() {
      local.close();
    }
  }
}
