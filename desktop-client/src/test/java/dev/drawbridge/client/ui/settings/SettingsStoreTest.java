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
}
