package dev.drawbridge.client.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drawbridge.client.image.ImageRefusedException.Reason;
import dev.drawbridge.protocol.blob.ImageFormat;
import dev.drawbridge.protocol.blob.ImageHeader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageImportTest {
  private static BufferedImage read(byte[] bytes) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg"})
  void pngAndJpegWithinTheLimitsAreKeptByteForByte(String format) throws Exception {
    byte[] file = TestPictures.file(30, 20, Color.ORANGE, format);
    ImportedImage imported = ImageImport.of(file);
    assertThat(imported.bytes()).isEqualTo(file);
    assertThat(imported.format().mime()).isEqualTo("image/" + format);
    assertThat(imported.width()).isEqualTo(30);
    assertThat(imported.height()).isEqualTo(20);
    assertThat(imported.ref("a".repeat(64)).mime()).isEqualTo("image/" + format);
  }

  @Test
  void bmpBecomesPng() throws Exception {
    ImportedImage imported = ImageImport.of(TestPictures.file(7, 5, Color.BLUE, "bmp"));
    assertThat(imported.format()).isEqualTo(ImageFormat.PNG);
    assertThat(ImageHeader.read(imported.bytes()).orElseThrow().format())
        .isEqualTo(ImageFormat.PNG);
    BufferedImage back = read(imported.bytes());
    assertThat(back.getWidth()).isEqualTo(7);
    assertThat(back.getRGB(3, 2) & 0xFFFFFF).isEqualTo(0x0000FF);
  }

  @Test
  void aGifBecomesThePngOfItsFirstFrame() throws Exception {
    ImportedImage imported = ImageImport.of(TestPictures.animatedGif(6, 4, Color.RED, Color.GREEN));
    assertThat(imported.format()).isEqualTo(ImageFormat.PNG);
    assertThat(imported.width()).isEqualTo(6);
    assertThat(imported.height()).isEqualTo(4);
    int rgb = read(imported.bytes()).getRGB(2, 2);
    assertThat((rgb >> 16) & 0xFF).isGreaterThan(200);
    assertThat((rgb >> 8) & 0xFF).isLessThan(50);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lossless-1x1.webp", "lossy-1x1.webp"})
  void webpIsReadThroughThePlugInAndKept(String name) throws Exception {
    byte[] file = TestPictures.resource(name);
    ImportedImage imported = ImageImport.of(file);
    assertThat(imported.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(imported.bytes()).isEqualTo(file);
    assertThat(imported.width()).isEqualTo(1);
    assertThat(imported.height()).isEqualTo(1);
    // And it decodes for the canvas too.
    assertThat(PictureLevels.decode(file, 0).getWidth()).isEqualTo(1);
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    byte[] bomb = TestPictures.pngClaiming(100_000, 100_000);
    assertThat(bomb.length).isLessThan(64);
    // Refused before a decoder runs: 10^10 pixels could not even be allocated.
    assertThatThrownBy(() -> ImageImport.of(bomb))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
        .hasMessageContaining("100000 × 100000");
  }

  @Test
  void theCanvasRefusesAnyBlobHeaderOverTheProtocolLimit() {
    // R115: within the import limit, but no blob on a board may claim more than 4,096 a side.
    byte[] claims = TestPictures.pngClaiming(5_000, 10);
    assertThatThrownBy(() -> PictureLevels.decode(claims, 3))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
  }

  @Test
  void aHeaderTheDecoderDisagreesWithIsRefused() {
    byte[] png = TestPictures.file(20, 10, Color.GRAY, "png");
    byte[] lying = png.clone();
    lying[19] = 40; // IHDR width 20 → 40, the CRC now wrong too
    assertThatThrownBy(() -> ImageImport.of(lying)).isInstanceOf(ImageRefusedException.class);
  }

  @Test
  void notAPictureAndTruncatedFilesAreRefused() {
    assertThatThrownBy(() -> ImageImport.of("hello".getBytes()))
        .isInstanceOfSatisfying(
            ImageRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE));
    byte[] png = TestPictures.file(64, 64, Color.GRAY, "png");
    byte[] truncated = Arrays.copyOf(png, 40);
    assertThatThrownBy(() -> ImageImport.of(truncated))
        .isInstanceOfSatisfying(
            ImageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
  }

  @Test
  void overTheLongSideLimitIsScaledDownKeepingAspectAndColour() throws Exception {
    byte[] png = TestPictures.file(4_400, 1_100, new Color(30, 140, 200), "png");
    ImportedImage imported = ImageImport.of(png);
    assertThat(imported.format()).isEqualTo(ImageFormat.PNG);
    assertThat(imported.width()).isEqualTo(4_096);
    assertThat(imported.height()).isEqualTo(1_024);
    BufferedImage back = read(imported.bytes());
    assertThat(back.getWidth()).isEqualTo(4_096);
    assertThat(back.getRGB(2_000, 500) & 0xFFFFFF).isEqualTo(0x1E8CC8);
  }

  @Test
  void aLargeJpegStaysAJpeg() throws Exception {
    byte[] jpeg = TestPictures.file(2_000, 8_400, Color.DARK_GRAY, "jpeg");
    ImportedImage imported = ImageImport.of(jpeg);
    assertThat(imported.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(imported.height()).isEqualTo(4_096);
    assertThat(imported.width()).isEqualTo(975);
    assertThat(read(imported.bytes()).getHeight()).isEqualTo(4_096);
  }

  @Test
  void aPngOverTenMebibytesBecomesAJpeg() throws Exception {
    // Noise does not compress: 2,000 × 2,000 random pixels are ~12 MB as PNG.
    BufferedImage noise = new BufferedImage(2_000, 2_000, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(15);
    for (int y = 0; y < 2_000; y++) {
      for (int x = 0; x < 2_000; x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    byte[] png = TestPictures.encode(noise, "png");
    assertThat(png.length).isGreaterThan(ImageImport.MAX_BYTES);
    ImportedImage imported = ImageImport.of(png);
    assertThat(imported.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(imported.bytes().length).isLessThanOrEqualTo(ImageImport.MAX_BYTES);
    assertThat(imported.width()).isEqualTo(2_000);
  }

  @Test
  void subsamplingKeepsDecodesAtTheTargetAndUnderThePixelBound() {
    assertThat(ImageDecoding.subsamplingFor(4_000, 3_000, 4_096, Long.MAX_VALUE)).isEqualTo(1);
    assertThat(ImageDecoding.subsamplingFor(16_000, 12_000, 4_096, Long.MAX_VALUE)).isEqualTo(3);
    int s = ImageDecoding.subsamplingFor(16_000, 12_000, 4_096, 24_000_000);
    assertThat((16_000L / s) * (12_000L / s)).isLessThanOrEqualTo(24_000_000);
  }
}
