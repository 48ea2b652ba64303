package dev.drawbridge.protocol.element;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text bounds are estimated without a font: wide (CJK, kana, Hangul, emoji) glyphs count 1 em. */
class TextBoundsTest {
  private static final Style TWENTY = Style.DEFAULT.withFontSize(20);

  private static double width(String text) {
    double[] b = Element.text("t", 100, 50, text, TWENTY, 1).bounds();
    return b[2] - b[0];
  }

  @Test
  void latinTextIsSixTenthsOfAnEmPerCharacter() {
    assertThat(width("hello")).isEqualTo(5 * 0.6 * 20);
  }

  @Test
  void chineseJapaneseKoreanAndFullwidthCharactersAreAWholeEm() {
    assertThat(width("你好世界")).isEqualTo(4 * 20.0);
    assertThat(width("かなカナ")).isEqualTo(4 * 20.0);
    assertThat(width("한국어")).isEqualTo(3 * 20.0);
    assertThat(width("，。！")).isEqualTo(3 * 20.0);
  }

  @Test
  void mixedLinesTakeTheWidestAndAnEmojiCountsOnceNotAsTwoChars() {
    assertThat(width("ab\n白板")).isEqualTo(2 * 20.0);
    assertThat(width("🎨")).isEqualTo(20.0);
  }

  @Test
  void emptyTextStillHasAGlyphOfWidthAndOneLineOfHeight() {
    double[] b = Element.text("t", 0, 0, "", TWENTY, 1).bounds();
    assertThat(b[2] - b[0]).isEqualTo(0.6 * 20);
    assertThat(b[3] - b[1]).isEqualTo(1.25 * 20);
  }
}
