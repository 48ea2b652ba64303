package dev.drawbridge.client.ui.clipboard;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The clipboard a board copies to and pastes from. Call from the JavaFX thread (the system one
 * requires it).
 */
public interface ClipboardPort {
  /**
   * What a copy offers: the Drawbridge format, and SVG and PNG for other applications, made only if
   * the clipboard takes them (an in-memory clipboard does not).
   */
  record Copied(String drawbridge, Supplier<String> svg, Supplier<javafx.scene.image.Image> png) {}

  /** Replaces the clipboard's content with {@code copied}. */
  void put(Copied copied);

  /** The Drawbridge format's UTF-8 bytes, if the clipboard holds it. */
  Optional<byte[]> drawbridge();

  /** Whether the clipboard holds the Drawbridge format (without reading it). */
  default boolean holdsDrawbridge() {
    return drawbridge().isPresent();
  }

  /** Plain text, if the clipboard holds some. */
  Optional<String> text();

  /** A clipboard of this board screen only, for code and tests that run without a toolkit. */
  static ClipboardPort inMemory() {
    return new ClipboardPort() {
      private byte[] held;

      @Override
      public void put(Copied copied) {
        held = copied.drawbridge().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }

      @Override
      public Optional<byte[]> drawbridge() {
        return Optional.ofNullable(held);
      }

      @Override
      public Optional<String> text() {
        return Optional.empty();
      }
    };
  }
}
