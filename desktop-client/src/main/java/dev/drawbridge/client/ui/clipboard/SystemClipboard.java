package dev.drawbridge.client.ui.clipboard;

import dev.drawbridge.client.clipboard.ClipFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's clipboard: a copy offers the Drawbridge format (another Drawbridge, this
 * one or a second app, pastes the elements), SVG as text (vector editors and browsers) and the
 * selection rendered as an image (any application). Call from the JavaFX thread.
 */
public final class SystemClipboard implements ClipboardPort {
  private static final Logger LOG = LoggerFactory.getLogger(SystemClipboard.class);

  /** The Drawbridge format's clipboard type. */
  public static final DataFormat DRAWBRIDGE = format(ClipFormat.MIME);

  /** SVG, as text. */
  public static final DataFormat SVG = format("image/svg+xml");

  private final Clipboard clipboard;

  public SystemClipboard() {
    this(Clipboard.getSystemClipboard());
  }

  SystemClipboard(Clipboard clipboard) {
    this.clipboard = clipboard;
  }

  @Override
  public void put(Copied copied) {
    Map<DataFormat, Object> content = new HashMap<>();
    content.put(DRAWBRIDGE, copied.drawbridge());
    // Other applications' formats are a courtesy: a failure to make one never loses the copy.
    try {
      content.put(SVG, copied.svg().get());
    } catch (RuntimeException e) {
      LOG.warn("The copy has no SVG", e);
    }
    try {
      Image png = copied.png().get();
      if (png != null) {
        content.put(DataFormat.IMAGE, png);
      }
    } catch (RuntimeException e) {
      LOG.warn("The copy has no image", e);
    }
    clipboard.setContent(content);
  }

  @Override
  public Optional<String> drawbridge() {
    return clipboard.getContent(DRAWBRIDGE) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  @Override
  public Optional<String> text() {
    return clipboard.hasString() ? Optional.ofNullable(clipboard.getString()) : Optional.empty();
  }

  /** The clipboard type of {@code mime}: JavaFX allows one {@link DataFormat} per type. */
  private static DataFormat format(String mime) {
    DataFormat known = DataFormat.lookupMimeType(mime);
    return known != null ? known : new DataFormat(mime);
  }
}
