package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.common.Icons;
import dev.drawbridge.client.ui.common.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The ways a user brings pictures to the board screen: "Insert image…" (menu and tool bar, a file
 * chooser with picture filters), files dropped from a file manager (placed at the drop point), and
 * Ctrl+V with a picture on the system clipboard ({@link ImagePaste}, at the pointer, or the middle
 * of the view when the pointer is elsewhere). Viewers get none of them. {@link ImageInsert} does
 * the importing and adding.
 */
final class ImageDrop {
  private final BoardCanvas canvas;
  private final Messages messages;
  private final ObservableBooleanValue viewOnly;
  private final ImageInsert insert;
  private final ImagePaste paste;
  private Function<Window, List<File>> chooser = this::showChooser;
  private double pointerX = Double.NaN;
  private double pointerY = Double.NaN;

  ImageDrop(
      BoardSession session,
      BoardViewModel vm,
      BoardCanvas canvas,
      Messages messages,
      BoardFiles.Toast toast,
      ObservableBooleanValue viewOnly) {
    this.canvas = canvas;
    this.messages = messages;
    this.viewOnly = viewOnly;
    this.insert =
        new ImageInsert(
            session,
            vm,
            messages,
            toast,
            // Beside the panels, not under the style panel (found by hand).
            canvas::freeBoardArea,
            command -> Thread.ofPlatform().daemon().name("image-import").start(command),
            Platform::runLater);
    this.paste = new ImagePaste(insert);
    canvas.addEventFilter(DragEvent.DRAG_OVER, this::dragOver);
    canvas.addEventFilter(DragEvent.DRAG_DROPPED, this::dropped);
    canvas.addEventFilter(
        MouseEvent.MOUSE_MOVED,
        e -> {
          pointerX = e.getX();
          pointerY = e.getY();
        });
    canvas.addEventFilter(MouseEvent.MOUSE_EXITED, e -> pointerX = Double.NaN);
    vm.setImagePaste(
        () -> !viewOnly.get() && paste.pasteImages(Clipboard.getSystemClipboard(), x(), y()));
  }

  /** The tool bar's "Insert image…" button, after a separator. */
  List<Node> toolbarButton() {
    Button b = new Button();
    b.setId("insert-image-button");
    b.setGraphic(Icons.of(MaterialDesignI.IMAGE_PLUS));
    b.getStyleClass().add("tool-button");
    b.setFocusTraversable(false);
    b.setOnAction(e -> chooseAndInsert());
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(messages.bind("menu.insertImage"));
    b.setTooltip(tip);
    return List.of(new Separator(Orientation.VERTICAL), b);
  }

  /** "Insert image…": the chosen files go in the middle of the part of the view no panel covers. */
  void chooseAndInsert() {
    if (viewOnly.get()) {
      return;
    }
    Window window = canvas.getScene() == null ? null : canvas.getScene().getWindow();
    List<File> files = chooser.apply(window);
    if (files != null && !files.isEmpty()) {
      double[] c = centre();
      insert.insertFiles(files.stream().map(File::toPath).toList(), c[0], c[1]);
    }
  }

  /** Replaces the file chooser (tests: a dialog cannot be driven on the headless platform). */
  void setChooser(Function<Window, List<File>> replacement) {
    chooser = replacement;
  }

  /** The insert behind every way in (tests add imported pictures through it directly). */
  ImageInsert insert() {
    return insert;
  }

  /** The paste behind Ctrl+V. */
  ImagePaste paste() {
    return paste;
  }

  /** Drops the files {@code files} at view point (x, y), as a drop from a file manager does. */
  boolean drop(List<Path> files, double viewX, double viewY) {
    if (viewOnly.get()) {
      return false;
    }
    return insert.insertFiles(
        files, canvas.viewport().toBoardX(viewX), canvas.viewport().toBoardY(viewY));
  }

  private void dragOver(DragEvent e) {
    if (!viewOnly.get()
        && e.getDragboard().hasFiles()
        && e.getDragboard().getFiles().stream()
            .anyMatch(f -> ImageInsert.isImageFile(f.toPath()))) {
      e.acceptTransferModes(TransferMode.COPY);
      e.consume();
    }
  }

  private void dropped(DragEvent e) {
    if (!e.getDragboard().hasFiles()) {
      return;
    }
    List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
    e.setDropCompleted(drop(files, e.getX(), e.getY()));
    e.consume();
  }

  private List<File> showChooser(Window window) {
    FileChooser fc = new FileChooser();
    fc.setTitle(messages.get("menu.insertImage"));
    fc.getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                messages.get("image.files"),
                ImageInsert.EXTENSIONS.stream()
                    .flatMap(x -> java.util.stream.Stream.of("*." + x, "*." + x.toUpperCase()))
                    .toList()));
    return fc.showOpenMultipleDialog(window);
  }

  private double x() {
    return Double.isNaN(pointerX) ? centre()[0] : canvas.viewport().toBoardX(pointerX);
  }

  private double y() {
    return Double.isNaN(pointerX) ? centre()[1] : canvas.viewport().toBoardY(pointerY);
  }

  private double[] centre() {
    Rect v = canvas.freeBoardArea();
    return new double[] {(v.minX() + v.maxX()) / 2, (v.minY() + v.maxY()) / 2};
  }
}
