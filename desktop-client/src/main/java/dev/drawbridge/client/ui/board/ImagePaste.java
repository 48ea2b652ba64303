package dev.drawbridge.client.ui.board;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javax.imageio.ImageIO;

/**
 * Pastes pictures from the system clipboard: picture files copied in a file manager, or image data
 * copied from another application (a browser, a screenshot tool), which is taken as PNG. Called
 * first by {@link BoardViewModel#paste}: what it does not handle (no picture, or Drawbridge's own
 * elements, which carry their pictures themselves) is left to the ordinary paste.
 */
public final class ImagePaste {
  private final ImageInsert insert;

  ImagePaste(ImageInsert insert) {
    this.insert = insert;
  }

  /**
   * Puts the clipboard's pictures centred on (boardX, boardY). Returns whether it handled the
   * clipboard (even if a file was then refused, with a message): false when it holds no picture or
   * holds Drawbridge elements. Call on the UI thread.
   */
  public boolean pasteImages(Clipboard clipboard, double boardX, double boardY) {
    if (holdsDrawbridgeElements(clipboard)) {
      return false;
    }
    if (clipboard.hasFiles()) {
      List<Path> files = clipboard.getFiles().stream().map(File::toPath).toList();
      if (insert.insertFiles(files, boardX, boardY)) {
        return true;
      }
    }
    if (clipboard.hasImage()) {
      Image image = clipboard.getImage();
      byte[] png = image == null ? null : png(image);
      if (png != null) {
        insert.insertBytes(png, "clipboard", boardX, boardY);
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the clipboard carries elements copied from a board (by their data format's name): a
   * copy within Drawbridge also offers a PNG for other applications, which must not win here.
   */
  private static boolean holdsDrawbridgeElements(Clipboard clipboard) {
    for (DataFormat format : clipboard.getContentTypes()) {
      for (String id : format.getIdentifiers()) {
        if (id.toLowerCase(Locale.ROOT).contains("drawbridge")) {
          return true;
        }
      }
    }
    return false;
  }

  private static byte[] png(Image image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      return ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out)
          ? out.toByteArray()
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
