package dev.drawbridge.client.timelapse;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4FramesTest {
  @TempDir Path dir;

  private static BufferedImage frame(int i, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLUE);
    g.fillRect(i * 10, 20, 40, 40);
    g.dispose();
    return image;
  }

  @Test
  void anMp4HoldsEveryFrameAtTheFileSize() throws Exception {
    Path mp4 = dir.resolve("board.mp4");
    int frames = 30;
    try (Mp4Frames out = new Mp4Frames(mp4, 25)) {
      for (int i = 0; i < frames; i++) {
        out.add(frame(i, 640, 360), 4);
      }
    }
    assertThat(Files.size(mp4)).isPositive();
    int read = 0;
    try (SeekableByteChannel in = NIOUtils.readableChannel(mp4.toFile())) {
      FrameGrab grab = FrameGrab.createFrameGrab(in);
      Picture picture;
      while ((picture = grab.getNativeFrame()) != null) {
        assertThat(picture.getCroppedWidth()).isEqualTo(640);
        assertThat(picture.getCroppedHeight()).isEqualTo(360);
        read++;
      }
    }
    assertThat(read).isEqualTo(frames);
  }
}
