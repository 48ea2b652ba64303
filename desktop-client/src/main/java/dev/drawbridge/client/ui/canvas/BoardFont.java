package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.BoardTypeface;
import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font board text is measured and drawn in: the bundled {@link BoardTypeface} (Noto Sans),
 * loaded into JavaFX once, the first time board text is measured or painted, so the start screen
 * does not wait for it. Fonts are asked for by family after the load, not taken from the loaded
 * {@link Font} itself: only a font JavaFX looks up by name gets its fallback fonts, so Chinese or
 * emoji in a text still show (the loaded object draws them as empty boxes).
 *
 * <p>Should the file be missing or unreadable, board text falls back to {@code System}, as before
 * the font was bundled.
 */
public final class BoardFont {
  private static final Logger LOG = LoggerFactory.getLogger(BoardFont.class);

  private BoardFont() {}

  /** The board font at {@code size} (pixels or board units, whatever the caller draws in). */
  public static Font at(double size) {
    return Font.font(Loaded.FAMILY, size);
  }

  /** The family board text is drawn in: the bundled one, unless it could not be loaded. */
  public static String family() {
    return Loaded.FAMILY;
  }

  /** Loaded when first used (class initialisation is lazy and thread-safe). */
  private static final class Loaded {
    static final String FAMILY = load();
  }

  private static String load() {
    long start = System.nanoTime();
    try (InputStream in = BoardFont.class.getResourceAsStream(BoardTypeface.RESOURCE)) {
      Font font = in == null ? null : Font.loadFont(in, 12);
      if (font == null || !BoardTypeface.FAMILY.equals(font.getFamily())) {
        LOG.warn("Board font {} not loadable; board text uses System", BoardTypeface.RESOURCE);
        return "System";
      }
      LOG.debug("Board font loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
      return font.getFamily();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Board font {} not loadable; board text uses System", BoardTypeface.RESOURCE, e);
      return "System";
    }
  }
}
