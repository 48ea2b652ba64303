package dev.drawbridge.client.timelapse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.jcodec.scale.AWTUtil;

/**
 * A timelapse as MP4/H.264 through JCodec (ADR 0013): a constant frame rate, so a frame's own delay
 * is not used (the plan's frames are equally long). Frames must all have the file's even size.
 */
public final class Mp4Frames implements FrameSink {
  private final SeekableByteChannel channel;
  private final SequenceEncoder encoder;

  public Mp4Frames(Path file, int fps) throws IOException {
    channel = NIOUtils.writableChannel(file.toFile());
    try {
      encoder = SequenceEncoder.createWithFps(channel, Rational.R(fps, 1));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public void add(BufferedImage frame, int delayCentis) throws IOException {
    Picture rgb = AWTUtil.fromBufferedImage(frame, ColorSpace.RGB);
    encoder.encodeNativeFrame(rgb);
  }

  @Override
  public void close() throws IOException {
    try {
      encoder.finish();
    } finally {
      NIOUtils.closeQuietly(channel);
    }
  }
}
