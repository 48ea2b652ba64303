package dev.drawbridge.client.clipboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.client.io.TestPictures;
import dev.drawbridge.protocol.blob.BlobIds;
import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipFormatTest {
  private final ClipFormat format = new ClipFormat();

  static List<Element> sample() {
    Element box = Element.shape("box", ElementKind.RECTANGLE, 0, 0, 100, 50, Style.DEFAULT, 1);
    Element stroke =
        Element.freehand(
            "pen",
            ElementKind.STROKE,
            10,
            10,
            Points.of(new float[] {0, 0, 5, 5}),
            Style.DEFAULT,
            2);
    Element arrow =
        Element.shape("arr", ElementKind.ARROW, 100, 25, 100, 0, Style.DEFAULT, 3)
            .withBindings(Binding.to("box", 1, 0.5), Binding.to("gone", 0, 0.5));
    return List.of(box, stroke, arrow, TestPictures.image("pic", 200, 0, 40, 20));
  }

  @Test
  void elementsAndPicturesRoundTrip() throws ClipRefused {
    String text =
        format.write(new ClipContent(sample(), Map.of(TestPictures.PNG_ID, TestPictures.PNG)));

    ClipContent back = format.read(text);

    assertThat(back.elements()).isEqualTo(sample());
    assertThat(back.pictures()).containsOnlyKeys(TestPictures.PNG_ID);
    assertThat(back.pictures().get(TestPictures.PNG_ID)).isEqualTo(TestPictures.PNG);
    assertThat(text).startsWith("{\"format\":\"drawbridge-clipboard\",\"version\":1,");
  }

  @Test
  void textBeyondAsciiRoundTripsAsBytes() throws ClipRefused {
    List<Element> texts = List.of(Element.text("zh", 0, 0, "你好，白板 🎨", Style.DEFAULT, 1));
    String text = format.write(new ClipContent(texts, Map.of()));
    assertThat(format.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).elements())
        .isEqualTo(texts);
  }

  @Test
  void aCopyOfTooManyElementsIsRefused() {
    List<Element> many = new ArrayList<>();
    for (int i = 0; i <= ClipFormat.MAX_ELEMENTS; i++) {
      many.add(Element.text("t" + i, i, 0, "x", Style.DEFAULT, 1));
    }
    assertThatThrownBy(() -> format.write(new ClipContent(many, Map.of())))
        .isInstanceOf(ClipRefused.class);
  }

  @Test
  void picturesOverTheBudgetAreLeftOutOfACopy() throws ClipRefused {
    byte[] big = new byte[ClipFormat.MAX_PICTURE_BYTES + 1];
    String text = format.write(new ClipContent(sample(), Map.of(BlobIds.of(big), big)));
    assertThat(format.read(text).pictures()).isEmpty();
  }

  @Test
  void malformedContentIsRefused() {
    assertRefused("not json", ClipRefused.Reason.MALFORMED);
    assertRefused("[1,2]", ClipRefused.Reason.MALFORMED);
    assertRefused(
        "{\"format\":\"other\",\"version\":1,\"snapshot\":{}}", ClipRefused.Reason.MALFORMED);
    assertRefused(
        "{\"format\":\"drawbridge-clipboard\",\"snapshot\":{}}", ClipRefused.Reason.MALFORMED);
    assertRefused(
        "{\"format\":\"drawbridge-clipboard\",\"version\":1}", ClipRefused.Reason.MALFORMED);
    assertRefused(valid().replaceFirst("\\}$", ""), ClipRefused.Reason.MALFORMED);
    assertRefused(valid() + "{}", ClipRefused.Reason.MALFORMED);
    assertRefused(
        valid().replace("\"version\":1", "\"version\":1,\"version\":1"),
        ClipRefused.Reason.MALFORMED);
  }

  @Test
  void aNewerVersionIsRefused() {
    assertRefused(valid().replace("\"version\":1", "\"version\":2"), ClipRefused.Reason.TOO_NEW);
  }

  @Test
  void invalidElementsAreRefused() {
    assertRefused(valid().replace("\"id\":\"box\"", "\"id\":\"\""), ClipRefused.Reason.INVALID);
    assertRefused(valid().replace("\"id\":\"pen\"", "\"id\":\"box\""), ClipRefused.Reason.INVALID);
    assertRefused(valid().replace("\"w\":100.0", "\"w\":1.0E300"), ClipRefused.Reason.INVALID);
  }

  @Test
  void hugeCountsAreRefused() {
    StringBuilder elements = new StringBuilder();
    for (int i = 0; i <= ClipFormat.MAX_ELEMENTS; i++) {
      elements.append(i == 0 ? "" : ",");
      elements.append(
          "{\"id\":\"t"
              + i
              + "\",\"kind\":\"text\",\"x\":0.0,\"y\":0.0,\"w\":0.0,\"h\":0.0,"
              + "\"text\":\"x\",\"style\":{\"color\":\"#000000\",\"width\":1.0,\"fill\":false,"
              + "\"opacity\":1.0,\"fontSize\":20.0},\"z\":1.0,\"deleted\":false}");
    }
    String text =
        "{\"format\":\"drawbridge-clipboard\",\"version\":1,\"snapshot\":{\"seq\":0,\"elements\":["
            + elements
            + "]},\"pictures\":{}}";
    assertRefused(text, ClipRefused.Reason.TOO_BIG);
  }

  @Test
  void aPictureTooLargeIsRefusedBeforeItIsDecoded() {
    String huge = "A".repeat(ClipFormat.MAX_PICTURE_BYTES / 3 * 4 + 8);
    assertRefused(
        valid().replace(Base64.getEncoder().encodeToString(TestPictures.PNG), huge),
        ClipRefused.Reason.TOO_BIG);
  }

  @Test
  void wrongPictureBytesAreRefused() {
    String png = Base64.getEncoder().encodeToString(TestPictures.PNG);
    // Bytes that are not the blob named.
    byte[] other = TestPictures.PNG.clone();
    other[other.length - 1] ^= 1;
    assertRefused(
        valid().replace(png, Base64.getEncoder().encodeToString(other)),
        ClipRefused.Reason.BAD_PICTURE);
    // Not base64 at all.
    assertRefused(valid().replace(png, "!!!!"), ClipRefused.Reason.BAD_PICTURE);
    // Named right but a decompression bomb (R115).
    byte[] bomb = TestPictures.bomb();
    String text = format(Map.of(BlobIds.of(bomb), bomb));
    assertRefused(text, ClipRefused.Reason.BAD_PICTURE);
    // Named right, a picture, but not the type the element says.
    assertRefused(
        valid().replace("\"mime\":\"image/png\"", "\"mime\":\"image/gif\""),
        ClipRefused.Reason.BAD_PICTURE);
  }

  private String format(Map<String, byte[]> pictures) {
    try {
      return format.write(new ClipContent(sample(), pictures));
    } catch (ClipRefused e) {
      throw new AssertionError(e);
    }
  }

  private String valid() {
    return format(Map.of(TestPictures.PNG_ID, TestPictures.PNG));
  }

  private void assertRefused(String text, ClipRefused.Reason reason) {
    assertThatThrownBy(() -> format.read(text))
        .isInstanceOfSatisfying(
            ClipRefused.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
  }
}
