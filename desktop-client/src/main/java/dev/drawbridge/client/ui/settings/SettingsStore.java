package dev.drawbridge.client.ui.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@code settings.json} in the app's home directory. */
public final class SettingsStore {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path file;
  private Settings current;

  private final Path home;

  public SettingsStore(Path home) {
    this.home = home;
    this.file = home.resolve("settings.json");
    this.current = load();
  }

  /** The app's data directory (settings, hosted boards, journals). */
  public Path home() {
    return home;
  }

  /**
   * Where new offline boards are kept until the user saves them somewhere of their choosing: a
   * folder inside the app's, which no one would look in.
   */
  public Path boards() {
    return home.resolve("boards");
  }

  public Settings get() {
    return current;
  }

  /** Remembers {@code settings} and writes them (atomically) to disk. */
  public void save(Settings settings) {
    current = settings;
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("settings.json.tmp");
      json.writeValue(tmp.toFile(), settings);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("Could not save settings to {}", file, e);
    }
  }

  private Settings load() {
    if (!Files.exists(file)) {
      Settings fresh = Settings.defaults();
      save(fresh);
      return fresh;
    }
    try {
      Settings read = json.readValue(file.toFile(), Settings.class);
      if (PeoplePalette.OLD_DEFAULT.equalsIgnoreCase(read.color())) {
        // Written when every installation had this one colour: give this one its own.
        Settings own = read.withColor(PeoplePalette.pick());
        save(own);
        return own;
      }
      return read;
    } catch (IOException e) {
      LOG.warn("Settings file {} is unreadable; starting from defaults", file, e);
      return Settings.defaults();
    }
  }
}
