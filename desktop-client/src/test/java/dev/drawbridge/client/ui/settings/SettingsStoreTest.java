package dev.drawbridge.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Settings survive a round trip through the file. */
class SettingsStoreTest {
  @Test
  void settingsRoundTripThroughTheStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    SettingsStore store = new SettingsStore(home);
    Settings first = store.get();
    assertThat(first.clientId()).isNotBlank();
    store.save(
        first
            .withProfile("Ann", "#123456", "dark", "zh-CN")
            .withRecent(new Settings.RecentBoard("file", "a", "/tmp/a.drawbridge"))
            .withRecent(new Settings.RecentBoard("file", "b", "/tmp/b.drawbridge"))
            .withRecent(new Settings.RecentBoard("file", "a", "/tmp/a.drawbridge")));
    Settings again = new SettingsStore(home).get();
    assertThat(again.name()).isEqualTo("Ann");
    assertThat(again.theme()).isEqualTo("dark");
    assertThat(again.language()).isEqualTo("zh-CN");
    assertThat(again.clientId()).isEqualTo(first.clientId());
    assertThat(again.recent()).extracting(Settings.RecentBoard::label).containsExactly("a", "b");
  }

  @Test
  void aFreshInstallationGetsAPaletteColourThatLasts(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    String color = new SettingsStore(home).get().color();
    assertThat(PeoplePalette.COLORS).contains(color);
    assertThat(color).isNotEqualToIgnoringCase(PeoplePalette.OLD_DEFAULT);
    assertThat(new SettingsStore(home).get().color()).isEqualTo(color);
  }

  @Test
  void theOldSharedDefaultIsReplacedOnceByAPaletteColour(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws java.io.IOException {
    java.nio.file.Files.writeString(
        home.resolve("settings.json"),
        "{\"name\":\"Ann\",\"color\":\"#6965DB\",\"clientId\":\"c1\"}");
    Settings migrated = new SettingsStore(home).get();
    assertThat(PeoplePalette.COLORS).contains(migrated.color());
    assertThat(migrated.name()).isEqualTo("Ann");
    assertThat(migrated.clientId()).isEqualTo("c1");
    assertThat(java.nio.file.Files.readString(home.resolve("settings.json")))
        .contains(migrated.color());
    assertThat(new SettingsStore(home).get().color()).isEqualTo(migrated.color());
  }

  @Test
  void aColourOfItsOwnChoosingIsKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    new SettingsStore(home).save(Settings.defaults().withColor("#123456"));
    assertThat(new SettingsStore(home).get().color()).isEqualTo("#123456");
  }
}
