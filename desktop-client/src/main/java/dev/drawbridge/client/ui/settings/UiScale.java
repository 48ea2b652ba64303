package dev.drawbridge.client.ui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The UI-scale setting for Linux (issue 20): GTK's fractional scaling through XWayland reaches
 * JavaFX as a blurry whole-number scale or none, so users pick the scale themselves. It is kept in
 * {@code ui-scale} in the app's home and must be known before JavaFX starts, so the app's launcher
 * reads it and sets {@code glass.gtk.uiScale}; a change takes effect at the next start.
 */
public final class UiScale {
  /** The scales offered, as factors; absent (automatic) lets GTK decide. */
  public static final List<Double> CHOICES = List.of(1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0);

  static final String PROPERTY = "glass.gtk.uiScale";

  private UiScale() {}

  /** Whether the setting applies here: only GTK (Linux) reads it. */
  public static boolean applies() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  }

  public static Path file(Path home) {
    return home.resolve("ui-scale");
  }

  /** The chosen scale, or empty for automatic (also when the file is missing or not a choice). */
  public static Optional<Double> load(Path home) {
    try {
      Path f = file(home);
      if (!Files.isRegularFile(f) || Files.size(f) > 64) {
        return Optional.empty();
      }
      double scale = Double.parseDouble(Files.readString(f, StandardCharsets.UTF_8).strip());
      return CHOICES.contains(scale) ? Optional.of(scale) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Remembers {@code scale} (empty: automatic) for the next start. */
  public static void save(Path home, Optional<Double> scale) throws IOException {
    Path f = file(home);
    if (scale.isEmpty()) {
      Files.deleteIfExists(f);
      return;
    }
    Files.createDirectories(home);
    Files.writeString(f, Double.toString(scale.get()), StandardCharsets.UTF_8);
  }

  /**
   * Sets JavaFX's scale for this run from the saved choice, unless the user already passed {@code
   * -Dglass.gtk.uiScale} (which wins, as before this setting existed).
   */
  public static void applyAtStart(Path home) {
    if (!applies() || System.getProperty(PROPERTY) != null) {
      return;
    }
    load(home).ifPresent(scale -> System.setProperty(PROPERTY, Double.toString(scale)));
  }
}
