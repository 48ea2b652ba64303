package dev.drawbridge.client.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version 2 of the {@code .drawbridge} file carries pictures; version 1 files still open. */
class BoardFilePicturesTest {
  private static final PictureSource HERE =
      id -> id.equals(TestPictures.PNG_ID) ? Optional.of(TestPictures.PNG) : Optional.empty();

  @TempDir Path dir;
  private final List<byte[]> received = new ArrayList<>();

  private static BoardSnapshot withPicture() {
    return new BoardSnapshot(
        4,
        List.of(
            Element.shape("box", ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1),
            TestPictures.image("pic", 20, 20, 40, 20)));
  }

  @Test
  void aVersion1FileStillOpens() throws Exception {
    Path file = dir.resolve("old.drawbridge");
    try (var in = getClass().getResourceAsStream("board-v1.drawbridge")) {
      Files.copy(in, file);
    }
    BoardFile.Opened opened = new BoardFile().open(file, received::add);
    assertThat(opened.snapshot().seq()).isEqualTo(3);
    assertThat(opened.snapshot().elements())
        .extracting(Element::id)
        .containsExactly("v1-box", "v1-text", "v1-pen");
    assertThat(opened.skippedPictures()).isZero();
    assertThat(received).isEmpty();
  }

  @Test
  void aBoardWithoutPicturesIsStillWrittenAsVersion1() throws Exception {
    Path file = dir.resolve("plain.drawbridge");
    new BoardFile()
        .save(file, new BoardSnapshot(1, List.of(withPicture().elements().getFirst())), HERE);
    assertThat(Files.readString(file)).startsWith("{\"format\":\"drawbridge\",\"version\":1,");
  }

  @Test
  void picturesTravelInVersion2AndArePutOnOpening() throws Exception {
    Path file = dir.resolve("pictures.drawbridge");
    new BoardFile().save(file, withPicture(), HERE);
    assertThat(Files.readString(file)).startsWith("{\"format\":\"drawbridge\",\"version\":2,");

    BoardFile.Opened opened = new BoardFile().open(file, received::add);

    assertThat(opened.snapshot()).isEqualTo(withPicture());
    assertThat(received).hasSize(1);
    assertThat(received.getFirst()).isEqualTo(TestPictures.PNG);
    assertThat(opened.skippedPictures()).isZero();
  }

  @Test
  void aPictureNotHereIsLeftOutAndTheBoardStillSaves() throws Exception {
    Path file = dir.resolve("missing.drawbridge");
    new BoardFile().save(file, withPicture(), PictureSource.NONE);
    BoardFile.Opened opened = new BoardFile().open(file, received::add);
    assertThat(opened.snapshot()).isEqualTo(withPicture());
    assertThat(received).isEmpty();
  }

  @Test
  void badPicturesAreSkippedAndCounted() throws Exception {
    byte[] other = TestPictures.PNG.clone();
    other[other.length - 1] ^= 1;
    byte[] bomb = TestPictures.bomb();
    String blobs =
        "\""
            + TestPictures.PNG_ID
            + "\":\""
            + b64(other)
            + "\",\""
            + BlobIds.of(bomb)
            + "\":\""
            + b64(bomb)
            + "\",\""
            + BlobIds.of(new byte[] {1})
            + "\":\"%%%notbase64\",\"not-an-id\":\""
            + b64(TestPictures.PNG)
            + "\"";
    Path file = v2(blobs);

    BoardFile.Opened opened = new BoardFile().open(file, received::add);

    assertThat(opened.skippedPictures()).isEqualTo(4);
    assertThat(received).isEmpty();
    assertThat(opened.snapshot()).isEqualTo(withPicture());
  }

  @Test
  void hostileFilesAreRefusedAndKeepNothing() throws Exception {
    String good = "\"" + TestPictures.PNG_ID + "\":\"" + b64(TestPictures.PNG) + "\"";
    String whole = Files.readString(v2(good));
    // Truncated in the middle of the blobs: a board, damaged.
    assertRefused(
        write("truncated", whole.substring(0, whole.length() - 20)),
        BoardFileException.Reason.DAMAGED);
    // Blobs before the snapshot: nothing may be kept before the board is known good.
    assertNotABoard(
        write(
            "blobs-first",
            "{\"format\":\"drawbridge\",\"version\":2,\"blobs\":{" + good + "},\"snapshot\":{}}"));
    // A bad snapshot after good pictures' header: refused, and no picture was handed on.
    assertNotABoard(
        write(
            "bad-snapshot",
            "{\"format\":\"drawbridge\",\"version\":2,\"snapshot\":{\"seq\":\"x\"},\"blobs\":{"
                + good
                + "}}"));
    // A picture's base64 longer than any picture a file may hold: refused by the parser.
    assertRefused(
        v2(
            "\""
                + TestPictures.PNG_ID
                + "\":\""
                + "A".repeat((BoardFileReader.MAX_PICTURE_BYTES + 2) / 3 * 4 + 20)
                + "\""),
        BoardFileException.Reason.DAMAGED);
    assertThat(received).isEmpty();
    assertThatThrownBy(
            () ->
                new BoardFile()
                    .open(
                        write("newer", whole.replace("\"version\":2", "\"version\":4")),
                        received::add))
        .isInstanceOfSatisfying(
            BoardFileException.class,
            e -> assertThat(e.reason()).isEqualTo(BoardFileException.Reason.TOO_NEW));
    assertThat(received).isEmpty();
  }

  private void assertNotABoard(Path file) {
    assertRefused(file, BoardFileException.Reason.NOT_A_BOARD);
  }

  private void assertRefused(Path file, BoardFileException.Reason reason) {
    assertThatThrownBy(() -> new BoardFile().open(file, received::add))
        .isInstanceOfSatisfying(
            BoardFileException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** A version 2 file of {@link #withPicture()} whose blobs object holds {@code blobs}. */
  private Path v2(String blobs) throws Exception {
    Path plain = dir.resolve("v2-source.drawbridge");
    new BoardFile().save(plain, withPicture(), PictureSource.NONE);
    String text = Files.readString(plain);
    return write(
        "v2-" + Integer.toHexString(blobs.hashCode()),
        text.substring(0, text.lastIndexOf("\"blobs\":{") + 9) + blobs + "}}");
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name + ".drawbridge");
    Files.writeString(file, text);
    return file;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
