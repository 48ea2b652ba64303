package dev.drawbridge.client.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Every string the user reads, from the {@code messages} bundles. Views bind to {@link #bind}, so
 * switching the language relabels the open UI (tooltips included) without rebuilding it.
 */
public final class Messages {
  /** The languages the app speaks, as stored in settings. */
  public static final List<String> LANGUAGES = List.of("system", "en", "zh-CN");

  /**
   * The system's locale as the JVM started: the app shell makes the chosen language the default
   * locale, so "system" must not read the default again.
   */
  private static final Locale SYSTEM = Locale.getDefault();

  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
  private ResourceBundle bundle;
  private Locale bundleLocale;

  public Messages(Locale initial) {
    locale.set(initial);
  }

  /** The locale for a language setting ("system", "en" or "zh-CN"). */
  public static Locale localeFor(String language) {
    String chosen = language == null || language.equals("system") ? systemLanguage() : language;
    return chosen.equals("zh-CN") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  private static String systemLanguage() {
    return SYSTEM.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  private static ResourceBundle load(Locale l) {
    // No fallback to the JVM's default locale: English is the base bundle, whatever the system.
    return ResourceBundle.getBundle(
        "messages",
        l,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  public Locale locale() {
    return locale.get();
  }

  public void setLocale(Locale l) {
    locale.set(l);
  }

  /** The text for {@code key} with {@code args} filled in; the key itself when it is missing. */
  public String get(String key, Object... args) {
    // Loaded on demand: bindings may re-read before a change listener on the locale would run.
    if (!locale.get().equals(bundleLocale)) {
      bundle = load(locale.get());
      bundleLocale = locale.get();
    }
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
  }

  /** A binding that follows the language. */
  public StringBinding bind(String key, Object... args) {
    return Bindings.createStringBinding(() -> get(key, args), locale);
  }
}
