package dev.drawbridge.client.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javafx.application.Application;

/**
 * Switches between the AtlantaFX Primer light and dark themes, with the UI's fonts for the language
 * ({@link UiFonts}). Both sit in the application's user-agent style sheet, which every window uses
 * (the board, the start screen, dialogs, menus, tooltips) and which JavaFX applies again to all of
 * them when it changes, so a new theme or language shows at once everywhere.
 */
public final class Theme {
  private Theme() {}

  /**
   * Sets {@code theme} with the UI's fonts for {@code language}, or with the fonts JavaFX chose at
   * start-up for null (the app's start: see {@link UiFonts#css}).
   */
  public static void apply(String theme, Locale language) {
    String base =
        isDark(theme)
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet();
    Application.setUserAgentStylesheet(withFonts(base, UiFonts.css(language)));
  }

  /**
   * One style sheet: the theme imported, then {@code fontRules} (later rules of the same
   * specificity win).
   */
  static String withFonts(String themeSheet, String fontRules) {
    // The theme's resource path as a URL: a data URL has no base to resolve a path against.
    String themeUrl = PrimerLight.class.getResource(themeSheet).toExternalForm();
    String css = "@import url(\"" + themeUrl + "\");\n" + fontRules;
    return "data:text/css;base64,"
        + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
  }

  public static boolean isDark(String theme) {
    return "dark".equals(theme);
  }
}
