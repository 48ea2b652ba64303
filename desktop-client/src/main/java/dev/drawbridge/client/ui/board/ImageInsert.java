package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.ImagePlacement;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.image.ImageImport;
import dev.drawbridge.client.image.ImageRefusedException;
import dev.drawbridge.client.image.ImportedImage;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.common.Messages;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.op.Op;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts pictures on the board (R107): files are imported off the UI thread ({@link ImageImport}
 * scales and re-encodes large ones, which takes a moment), then on the UI thread each picture's
 * bytes go to the session's blobs and all the pictures are added as one undo step, side by side at
 * the point ({@link ImagePlacement}), selected, with the select tool on. A board whose relay holds
 * no pictures (R109) refuses them with a message, as does each file that is not a picture we take.
 */
final class ImageInsert {
  /** The file name endings the file chooser and a drop offer as pictures. */
  static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "gif", "bmp", "webp");

  /**
   * A file this big takes a noticeable moment to decode, scale and re-encode (a 9000 × 6000 PNG of
   * 87 MB: 6–7 s): the user is told it is on its way instead of seeing nothing happen.
   */
  static final long LARGE_BYTES = 4L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ImageInsert.class);

  private final BoardSession session;
  private final BoardViewModel vm;
  private final Messages messages;
  private final BoardFiles.Toast toast;
  private final Supplier<Rect> visible;
  private final Executor background;
  private final Executor ui;

  /**
   * @param visible the board area the view shows (placement keeps pictures within a part of it)
   * @param background where files are read and imported
   * @param ui where the results come back to ({@code Platform::runLater})
   */
  ImageInsert(
      BoardSession session,
      BoardViewModel vm,
      Messages messages,
      BoardFiles.Toast toast,
      Supplier<Rect> visible,
      Executor background,
      Executor ui) {
    this.session = session;
    this.vm = vm;
    this.messages = messages;
    this.toast = toast;
    this.visible = visible;
    this.background = background;
    this.ui = ui;
  }

  /** Whether {@code file}'s name says it is a picture we import. */
  static boolean isImageFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Imports the picture files among {@code files} and puts them centred on (x, y); false when there
   * was none (the caller may handle what it got otherwise).
   */
  boolean insertFiles(List<Path> files, double x, double y) {
    List<Path> pictures = files.stream().filter(ImageInsert::isImageFile).toList();
    if (pictures.isEmpty()) {
      return false;
    }
    if (!refuseWithoutImages()) {
      importThen(pictures.stream().map(ImageInsert::reader).toList(), x, y);
    }
    return true;
  }

  /** Imports the picture file {@code bytes} (pasted image data) and puts it centred on (x, y). */
  void insertBytes(byte[] bytes, String name, double x, double y) {
    if (!refuseWithoutImages()) {
      importThen(List.of(new Source(name, bytes.length, () -> ImageImport.of(bytes))), x, y);
    }
  }

  /** Adds already imported pictures at once, as one undo step; returns their new ids. */
  List<String> add(List<ImportedImage> images, double x, double y) {
    if (images.isEmpty()) {
      return List.of();
    }
    List<Rect> boxes =
        ImagePlacement.row(
            images.stream().map(i -> new int[] {i.width(), i.height()}).toList(),
            x,
            y,
            visible.get());
    // Bytes first: a shared board uploads them before any op that names them (R111).
    double z = session.board().view().topZ();
    List<Op> ops = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      ImportedImage image = images.get(i);
      String blob = session.blobs().put(image.bytes());
      Rect r = boxes.get(i);
      z = ZOrder.above(z);
      String id = Ids.random();
      Element e =
          Element.ofImage(id, r.minX(), r.minY(), r.width(), r.height(), image.ref(blob), z)
              .withAuthor(session.clientId());
      ops.add(new Op.AddElement(e));
      ids.add(id);
    }
    vm.toolProperty().set(ToolKind.SELECT);
    session.board().submitAll(ops);
    vm.selection().set(ids);
    return ids;
  }

  private boolean refuseWithoutImages() {
    if (session.holdsImages()) {
      return false;
    }
    toast.show(messages.get("image.relayHoldsNone"), true);
    return true;
  }

  /** A picture to import, named for messages. */
  private record Source(String name, long size, Importer importer) {}

  @FunctionalInterface
  private interface Importer {
    ImportedImage run() throws ImageRefusedException, IOException;
  }

  private static Source reader(Path file) {
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (IOException e) {
      size = 0; // reading it fails again in the import, which says so
    }
    return new Source(String.valueOf(file.getFileName()), size, () -> ImageImport.of(file));
  }

  private void importThen(List<Source> sources, double x, double y) {
    sources.stream()
        .filter(s -> s.size() >= LARGE_BYTES)
        .findFirst()
        .ifPresent(big -> toast.show(messages.get("image.preparing", big.name()), false));
    background.execute(
        () -> {
          List<ImportedImage> done = new ArrayList<>();
          // Message keys and file names: Messages is read on the UI thread only.
          List<String[]> refusals = new ArrayList<>();
          for (Source s : sources) {
            try {
              done.add(s.importer().run());
            } catch (ImageRefusedException e) {
              LOG.info("Picture {} refused: {}", s.name(), e.getMessage());
              refusals.add(new String[] {e.reason().messageKey(), s.name()});
            } catch (IOException | RuntimeException e) {
              LOG.warn("Reading picture {} failed", s.name(), e);
              refusals.add(new String[] {"image.refused.io", s.name()});
            }
          }
          ui.execute(
              () -> {
                add(done, x, y);
                if (!refusals.isEmpty()) {
                  toast.show(
                      String.join(
                          "\n", refusals.stream().map(r -> messages.get(r[0], r[1])).toList()),
                      true);
                }
              });
        });
  }
}
