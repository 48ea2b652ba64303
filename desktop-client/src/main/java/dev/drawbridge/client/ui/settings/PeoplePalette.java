package dev.drawbridge.client.ui.settings;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The colours a person can have: their cursor, their dot in the people list. Hues far apart, each
 * with at least 3:1 contrast against both the light board (white) and the dark one, and against the
 * white name on a cursor's label. A fresh installation picks one at random, so two people rarely
 * start with the same colour.
 */
public final class PeoplePalette {
  /** Red, orange, amber, green, teal, blue, violet, grape, pink. */
  public static final List<String> COLORS =
      List.of(
          "#e03131", "#e8590c", "#e67700", "#2f9e44", "#0c8599", "#1971c2", "#7048e8", "#ae3ec9",
          "#d6336c");

  /** The colour every installation had before people had their own; replaced on next start. */
  public static final String OLD_DEFAULT = "#6965db";

  private PeoplePalette() {}

  /** A palette colour chosen at random. */
  public static String pick() {
    return COLORS.get(ThreadLocalRandom.current().nextInt(COLORS.size()));
  }

  /** Whether {@code color} is one of the palette's. */
  public static boolean contains(String color) {
    return color != null && COLORS.contains(color.toLowerCase(Locale.ROOT));
  }
}
