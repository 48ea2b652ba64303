package dev.drawbridge.client.io;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/** Writes a rendered board image as PNG. */
public final class PngWriter {
  public void write(Image image, Path file) throws BoardFileException {
    try {
      if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new BoardFileException(BoardFileException.Reason.IO, e.getMessage(), e);
    }
  }
}
