package dev.drawbridge.client.ui.app;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font families the UI writes in for a language, as a style sheet's rules.
 *
 * <p>On Linux JavaFX resolves its {@code System} and {@code monospace} fonts through fontconfig
 * once per run, with the default locale of that moment, and never again: a run started in Chinese
 * wrote English in the Chinese font (WenQuanYi Micro Hei, no bold) after a switch to English, and a
 * run started in English kept a Latin font first after a switch to Chinese, until a restart. So the
 * app names the families itself: the ones fontconfig matches for {@code sans} and {@code monospace}
 * in the language, the same query JavaFX makes when a run starts in it. Characters a named family
 * lacks still come from JavaFX's fallback fonts. Elsewhere JavaFX's own fonts do not depend on the
 * locale and nothing is named.
 *
 * <p>Only the UI: text on the board is drawn in the bundled board font ({@code
 * ElementPainter.font}, ADR 0014), set explicitly, which these rules do not reach.
 */
public final class UiFonts {
  private static final Logger LOG = LoggerFactory.getLogger(UiFonts.class);

  /** The style class for text that reads better in a fixed-width font (links, keys). */
  public static final String MONOSPACE = "monospace";

  private static final boolean FONTCONFIG = System.getProperty("os.name", "").startsWith("Linux");

  /** fontconfig's answer per query; an empty answer when it has none or JavaFX lacks the family. */
  private static final Map<String, Optional<String>> MATCHES = new ConcurrentHashMap<>();

  private UiFonts() {}

  /**
   * The rules that set the UI's families for {@code locale}: its root and the monospace class. For
   * null, JavaFX's own choice at start-up is kept (it matches the start-up language the same way)
   * and only the monospace class is set: asking fontconfig costs 20-90 ms a query, which the app's
   * start is not kept waiting for.
   */
  static String css(Locale locale) {
    StringBuilder css = new StringBuilder();
    String mono = "monospace";
    if (locale != null) {
      family("sans", locale)
          .ifPresent(
              f -> css.append(".root { -fx-font-family: ").append(quoted(f)).append("; }\n"));
      mono = family("monospace", locale).map(UiFonts::quoted).orElse(mono);
    }
    css.append('.').append(MONOSPACE).append(" { -fx-font-family: ").append(mono).append("; }\n");
    return css.toString();
  }

  /**
   * The family fontconfig matches for {@code generic} in {@code locale} (JavaFX asks for
   * "language-COUNTRY"), if JavaFX can load it.
   */
  public static Optional<String> family(String generic, Locale locale) {
    if (!FONTCONFIG) {
      return Optional.empty();
    }
    String lang =
        locale.getCountry().isEmpty()
            ? locale.getLanguage()
            : locale.getLanguage() + "-" + locale.getCountry();
    return MATCHES.computeIfAbsent(generic + ":lang=" + lang, UiFonts::match);
  }

  private static Optional<String> match(String pattern) {
    String family = fcMatch(pattern);
    if (family == null || family.isBlank()) {
      return Optional.empty();
    }
    // Font.font falls back to System for a family JavaFX cannot load.
    if (!Font.font(family, 13).getFamily().equalsIgnoreCase(family)) {
      LOG.info("fontconfig names {} for {}, which JavaFX cannot load", family, pattern);
      return Optional.empty();
    }
    return Optional.of(family);
  }

  /** The first family name fontconfig matches for {@code pattern}, or null without fontconfig. */
  private static String fcMatch(String pattern) {
    try {
      Process p =
          new ProcessBuilder("fc-match", "-f", "%{family[0]}", pattern)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out;
      try (var in = p.getInputStream()) {
        out = new String(in.readNBytes(1_000), java.nio.charset.StandardCharsets.UTF_8).strip();
      }
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String quoted(String family) {
    return '"' + family.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
