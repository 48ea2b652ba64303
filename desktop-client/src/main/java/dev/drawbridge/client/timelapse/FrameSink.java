package dev.drawbridge.client.timelapse;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** Where frames go, in order: an animated GIF file, or a video. */
public interface FrameSink extends AutoCloseable {
  /** Adds the next frame, shown for {@code delayCentis} hundredths of a second. */
  void add(BufferedImage frame, int delayCentis) throws IOException;

  /** Finishes the file. */
  @Override
  void close() throws IOException;
}
