package dev.drawbridge.client.clipboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import org.junit.jupiter.api.Test;

class TextClipTest {
  @Test
  void plainTextBecomesATextElementCentredOnThePoint() {
    Element e = TextClip.element("t", "hello\r\nworld\u0007", 100, 100, Style.DEFAULT, 1, "me");
    assertThat(e.kind()).isEqualTo(ElementKind.TEXT);
    assertThat(e.text()).isEqualTo("hello\nworld");
    double[] b = e.bounds();
    assertThat((b[0] + b[2]) / 2).isEqualTo(100);
    assertThat((b[1] + b[3]) / 2).isEqualTo(100);
    assertThat(e.author()).isEqualTo("me");
  }

  @Test
  void longLinesAreWrappedAtSpacesAndLongWordsCut() {
    String words = "word ".repeat(40).strip();
    Element e = TextClip.element("t", words + "\n" + "x".repeat(200), 0, 0, Style.DEFAULT, 1, null);
    for (String line : e.text().split("\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(TextClip.WRAP);
    }
    assertThat(e.text().replace("\n", " ").replace("x ", "x")).contains(words);
  }

  @Test
  void aLongTextIsCutToTheProtocolLimit() {
    Element e = TextClip.element("t", "lorem ipsum ".repeat(5_000), 0, 0, Style.DEFAULT, 1, null);
    assertThat(e.text()).hasSizeLessThanOrEqualTo(ProtocolLimits.MAX_TEXT_LENGTH);
    assertThat(e.text().length()).isGreaterThan(ProtocolLimits.MAX_TEXT_LENGTH - 100);
  }

  @Test
  void blankTextPastesNothing() {
    assertThat(TextClip.element("t", " \n\t ", 0, 0, Style.DEFAULT, 1, null)).isNull();
  }
}
