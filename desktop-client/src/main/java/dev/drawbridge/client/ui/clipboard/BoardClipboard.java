package dev.drawbridge.client.ui.clipboard;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.clipboard.ClipContent;
import dev.drawbridge.client.clipboard.ClipFormat;
import dev.drawbridge.client.clipboard.ClipRefused;
import dev.drawbridge.client.clipboard.Pasting;
import dev.drawbridge.client.clipboard.TextClip;
import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.io.ExportArea;
import dev.drawbridge.client.io.SvgExporter;
import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.canvas.BoardImage;
import dev.drawbridge.client.ui.tool.SelectionEdits;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Style;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy, cut and paste of one board screen. A copy puts the selection on the clipboard in the
 * Drawbridge format with the bytes of its pictures (and as SVG and PNG for other applications); a
 * paste of Drawbridge content or plain text is one undoable step at the paste point, its pictures'
 * bytes put into the board's {@link BlobSource} before the ops that show them (R111). Content that
 * cannot be pasted changes nothing and says why through the {@link Notice}. Call from the JavaFX
 * thread.
 */
public final class BoardClipboard {
  private static final Logger LOG = LoggerFactory.getLogger(BoardClipboard.class);

  /** Tells the user something, by message key and arguments. */
  @FunctionalInterface
  public interface Notice {
    void show(boolean error, String key, Object... args);
  }

  /** What the clipboard needs of the board screen. */
  public record Board(
      LocalBoard board,
      SelectionEdits edits,
      BlobSource blobs,
      BooleanSupplier viewOnly,
      BooleanSupplier holdsImages,
      Supplier<double[]> pastePoint,
      Supplier<Style> textStyle) {}

  /** The longest side, in pixels, of the image a copy offers other applications. */
  static final int PICTURE_SIDE = 2048;

  private final Board target;
  private final ClipboardPort port;
  private final Notice notice;
  private final ClipFormat format = new ClipFormat();

  public BoardClipboard(Board target, ClipboardPort port, Notice notice) {
    this.target = target;
    this.port = port;
    this.notice = notice;
  }

  /** Where a paste lands now: {@code [x, y]} in board units. */
  public double[] pastePoint() {
    return target.pastePoint().get();
  }

  /** Whether the clipboard holds the Drawbridge format (valid or not). */
  public boolean holdsElements() {
    return port.holdsDrawbridge();
  }

  /** Puts the selection on the clipboard; false when nothing is selected or it is too much. */
  public boolean copy() {
    return copy(target.edits().copyAsDrawn());
  }

  /**
   * Puts {@code chosen} (in paint order, connectors where they are drawn) on the clipboard as a
   * copy of the selection would be, pictures included as far as this board's {@link BlobSource}
   * holds their bytes: also elements that are not on the board now, such as a past board's (issue
   * 17). False when there are none or too many.
   */
  public boolean copy(List<Element> chosen) {
    if (chosen.isEmpty()) {
      return false;
    }
    Map<String, byte[]> pictures = new HashMap<>();
    for (Element e : chosen) {
      if (e.hasImage()) {
        target.blobs().bytes(e.image().blob()).ifPresent(b -> pictures.put(e.image().blob(), b));
      }
    }
    String json;
    try {
      json = format.write(new ClipContent(chosen, pictures));
    } catch (ClipRefused e) {
      notice.show(true, "clip.tooManyToCopy", ClipFormat.MAX_ELEMENTS);
      return false;
    }
    port.put(
        new ClipboardPort.Copied(
            json,
            () -> new SvgExporter().toSvg(chosen, id -> Optional.ofNullable(pictures.get(id))),
            () -> picture(chosen)));
    return true;
  }

  /**
   * The selection rendered for other applications, as "Export selection as PNG…" renders it, at
   * twice the board's scale but at most {@link #PICTURE_SIDE} pixels a side: a clipboard image of a
   * large selection would otherwise take hundreds of megabytes.
   */
  private static javafx.scene.image.Image picture(List<Element> chosen) {
    Rect area = ExportArea.of(chosen);
    double longest = Math.max(area.width(), area.height());
    return BoardImage.render(chosen, area, Math.min(2, PICTURE_SIDE / longest));
  }

  /** Copies the selection, then deletes it (one undo step for the delete). */
  public boolean cut() {
    if (target.viewOnly().getAsBoolean()) {
      notice.show(true, "clip.refused.viewer");
      return false;
    }
    if (!copy()) {
      return false;
    }
    target.edits().delete();
    return true;
  }

  /**
   * Pastes what the clipboard holds at the paste point: Drawbridge elements, else plain text as a
   * text element. Returns whether anything was added.
   */
  public boolean paste(String author) {
    if (target.viewOnly().getAsBoolean()) {
      notice.show(true, "clip.refused.viewer");
      return false;
    }
    double[] at = target.pastePoint().get();
    Optional<byte[]> elements = port.drawbridge();
    Optional<String> text = port.text();
    if (elements.isPresent() && !sameAs(elements.get(), text)) {
      return pasteElements(elements.get(), at, author);
    }
    return text.isPresent() && pasteText(text.get(), at, author);
  }

  /**
   * Whether the "Drawbridge format" is only the clipboard's plain text: some clipboard owners
   * (xclip, for one) answer every format asked for with their text. A copy of ours never offers
   * text.
   */
  private static boolean sameAs(byte[] elements, Optional<String> text) {
    return text.isPresent()
        && java.util.Arrays.equals(elements, text.get().getBytes(StandardCharsets.UTF_8));
  }

  private boolean pasteElements(byte[] json, double[] at, String author) {
    ClipContent content;
    try {
      content = format.read(json);
    } catch (ClipRefused e) {
      LOG.info("Clipboard content refused: {}", e.getMessage());
      notice.show(true, refusalKey(e.reason()));
      return false;
    }
    List<Element> kept = new ArrayList<>();
    int leftOut = 0;
    boolean holdsImages = target.holdsImages().getAsBoolean();
    for (Element e : content.elements()) {
      if (e.hasImage() && (!holdsImages || bytesOf(e, content).isEmpty())) {
        leftOut++;
      } else {
        kept.add(e);
      }
    }
    if (leftOut > 0) {
      notice.show(true, holdsImages ? "clip.picturesMissing" : "clip.noImages", leftOut);
    }
    List<Element> copies;
    try {
      copies = Pasting.place(kept, at[0], at[1], target.board().view().topZ(), author, Ids::random);
    } catch (RuntimeException e) {
      LOG.info("Pasted elements do not fit on the board: {}", e.getMessage());
      notice.show(true, "clip.refused.invalid");
      return false;
    }
    if (copies.isEmpty()) {
      return false;
    }
    // The bytes first: the sync layer uploads them before any op that names them (R111).
    for (Element copy : copies) {
      if (copy.hasImage() && content.pictures().containsKey(copy.image().blob())) {
        target.blobs().put(content.pictures().get(copy.image().blob()));
      }
    }
    target.edits().add(copies);
    return true;
  }

  /** The picture's bytes from the clipboard or this machine, if either has them. */
  private Optional<byte[]> bytesOf(Element e, ClipContent content) {
    byte[] carried = content.pictures().get(e.image().blob());
    return carried != null ? Optional.of(carried) : target.blobs().bytes(e.image().blob());
  }

  private boolean pasteText(String text, double[] at, String author) {
    Element e =
        TextClip.element(
            Ids.random(),
            text,
            at[0],
            at[1],
            target.textStyle().get(),
            dev.drawbridge.protocol.element.ZOrder.above(target.board().view().topZ()),
            author);
    if (e == null) {
      return false;
    }
    target.edits().add(List.of(e));
    return true;
  }

  private static String refusalKey(ClipRefused.Reason reason) {
    return switch (reason) {
      case MALFORMED -> "clip.refused.malformed";
      case TOO_NEW -> "clip.refused.tooNew";
      case TOO_BIG -> "clip.refused.tooBig";
      case INVALID -> "clip.refused.invalid";
      case BAD_PICTURE -> "clip.refused.badPicture";
    };
  }
}
