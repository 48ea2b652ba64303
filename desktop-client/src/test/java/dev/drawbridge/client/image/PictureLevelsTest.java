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

  @Test
  void jpegLevelsDecodedOneAfterAnotherKeepTheirOwnPixels() throws Exception {
    // The decoder thread reuses one buffer for subsampled JPEG decodes: a level must not show
    // what the previous decode left in it.
    byte[] big = TestPictures.file(1_200, 800, Color.RED, "jpeg");
    byte[] small = TestPictures.file(400, 300, Color.BLUE, "jpeg");
    BufferedImage red = PictureLevels.decode(big, 2);
    BufferedImage blue = PictureLevels.decode(small, 2);
    assertThat(red.getWidth()).isEqualTo(300);
    assertThat(blue.getWidth()).isEqualTo(100);
    assertThat(blue.getHeight()).isEqualTo(75);
    assertThat((red.getRGB(150, 100) >> 16) & 0xFF).isGreaterThan(200);
    assertThat(blue.getRGB(99, 74) & 0xFF).isGreaterThan(200);
    assertThat((blue.getRGB(99, 74) >> 16) & 0xFF).isLessThan(40);
  }
}
