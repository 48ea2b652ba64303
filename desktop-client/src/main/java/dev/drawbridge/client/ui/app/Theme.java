package dev.drawbridge.client.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Switches between the AtlantaFX Primer light and dark themes. */
public final class Theme {
  private Theme() {}

  public static void apply(String theme) {
    Application.setUserAgentStylesheet(
        isDark(theme)
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  public static boolean isDark(String theme) {
    return "dark".equals(theme);
  }
}
