package dev.drawbridge.client.ui.clipboard;

import dev.drawbridge.client.clipboard.ClipFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>The Drawbridge format and SVG are put as raw UTF-8 bytes, not as Java {@code String}s: JavaFX
 * would Java-serialize a String under a custom type, and other programs would get those bytes.
 * JavaFX still tries to deserialize whatever another process put under a custom type before handing
 * it over, which {@link ClipboardSerialFilter} confines to plain strings.
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
    content.put(DRAWBRIDGE, ByteBuffer.wrap(copied.drawbridge().getBytes(StandardCharsets.UTF_8)));
    // Other applications' formats are a courtesy: a failure to make one never loses the copy.
    try {
      content.put(SVG, utf8(copied.svg().get()));
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
  public Optional<byte[]> drawbridge() {
    return switch (clipboard.getContent(DRAWBRIDGE)) {
      case ByteBuffer bytes -> Optional.of(bytesOf(bytes));
      case byte[] bytes -> Optional.of(bytes);
      // Put by an app (or a test) in this process, or another JavaFX app, as a String.
      case String text -> Optional.of(text.getBytes(StandardCharsets.UTF_8));
      case null, default -> Optional.empty();
    };
  }

  /** Text as raw bytes: a String under a custom type would reach other programs serialized. */
  private static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean holdsDrawbridge() {
    return clipboard.hasContent(DRAWBRIDGE);
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    b.rewind();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
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
