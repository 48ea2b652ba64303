package dev.drawbridge.client.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The update check's own small file ({@code update-check.json} in the app's home): whether to
 * check, when it last checked, and the version the user chose to skip. Kept apart from the settings
 * so that the check's bookkeeping never rewrites them.
 *
 * @param enabled the Settings switch; on by default
 * @param lastCheckMillis when the notice was last fetched (epoch ms), 0 for never
 * @param skippedVersion "skip this version", or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdatePreferences(Boolean enabled, long lastCheckMillis, String skippedVersion) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public UpdatePreferences {
    enabled = enabled == null || enabled;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public UpdatePreferences withEnabled(boolean on) {
    return new UpdatePreferences(on, lastCheckMillis, skippedVersion);
  }

  public UpdatePreferences checkedAt(long millis) {
    return new UpdatePreferences(enabled, millis, skippedVersion);
  }

  public UpdatePreferences skipping(String version) {
    return new UpdatePreferences(enabled, lastCheckMillis, version);
  }

  /** Where the preferences of the app at {@code home} are kept. */
  public static Path file(Path home) {
    return home.resolve("update-check.json");
  }

  /** The preferences in {@code file}; the defaults when it is missing or unreadable. */
  public static UpdatePreferences load(Path file) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) < 4096) {
        return JSON.readValue(file.toFile(), UpdatePreferences.class);
      }
    } catch (IOException | RuntimeException e) {
      // A damaged file only costs the bookkeeping: start over.
    }
    return new UpdatePreferences(true, 0, null);
  }

  /** Writes the preferences to {@code file} (temp file and rename). */
  public void save(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
