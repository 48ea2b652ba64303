package dev.drawbridge.client.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PictureLevelsTest {
  @Test
  void theLevelIsTheCoarsestThatStillCoversTheScreenPixels() {
    assertThat(PictureLevels.levelFor(4_000, 3_000, 4_000, 3_000)).isZero();
    assertThat(PictureLevels.levelFor(4_000, 3_000, 8_000, 6_000)).isZero();
    assertThat(PictureLevels.levelFor(4_000, 3_000, 2_000, 1_500)).isEqualTo(1);
    assertThat(PictureLevels.levelFor(4_000, 3_000, 1_999, 1_499)).isEqualTo(1);
    assertThat(PictureLevels.levelFor(4_000, 3_000, 300, 225)).isEqualTo(3);
    assertThat(PictureLevels.levelFor(4_000, 3_000, 0, 0)).isEqualTo(PictureLevels.MAX_LEVEL);
    // 500 at level 3 ≥ 300: each screen pixel still has a picture pixel.
    assertThat(PictureLevels.size(4_000, 3_000, 3)).containsExactly(500, 375);
  }

  @Test
  void aLevelDecodesAtItsSizeWithTheColourKept() throws Exception {
    byte[] png = TestPictures.file(1_000, 600, new Color(200, 100, 50), "png");
    BufferedImage level2 = PictureLevels.decode(png, 2);
    assertThat(level2.getWidth()).isEqualTo(250);
    assertThat(level2.getHeight()).isEqualTo(150);
    assertThat(level2.getRGB(100, 70) & 0xFFFFFF).isEqualTo(0xC86432);
    assertThat(PictureLevels.decode(png, 0).getWidth()).isEqualTo(1_000);
    assertThat(PictureLevels.decode(png, 1).getWidth()).isEqualTo(500);
  }
}
