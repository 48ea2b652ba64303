package dev.drawbridge.client.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux UI-scale setting's file (issue 20): only the offered scales are ever applied. */
class UiScaleTest {
  @TempDir Path home;

  @Test
  void aChosenScaleIsReadBackAndAutomaticRemovesIt() throws IOException {
    assertThat(UiScale.load(home)).isEmpty();
    UiScale.save(home, Optional.of(1.75));
    assertThat(UiScale.load(home)).contains(1.75);
    UiScale.save(home, Optional.empty());
    assertThat(UiScale.load(home)).isEmpty();
    assertThat(UiScale.file(home)).doesNotExist();
  }

  @Test
  void aDamagedOrHostileFileMeansAutomatic() throws IOException {
    for (String content : new String[] {"", "big", "NaN", "-2", "0.01", "1e9", "1.5".repeat(50)}) {
      Files.writeString(UiScale.file(home), content);
      assertThat(UiScale.load(home)).as(content).isEmpty();
    }
  }

  @Test
  void theCommandLineStillWins() throws IOException {
    UiScale.save(home, Optional.of(2.0));
    String before = System.getProperty(UiScale.PROPERTY);
    try {
      System.setProperty(UiScale.PROPERTY, "1.25");
      UiScale.applyAtStart(home);
      assertThat(System.getProperty(UiScale.PROPERTY)).isEqualTo("1.25");
      System.clearProperty(UiScale.PROPERTY);
      UiScale.applyAtStart(home);
      assertThat(System.getProperty(UiScale.PROPERTY)).isEqualTo(UiScale.applies() ? "2.0" : null);
    } finally {
      if (before == null) {
        System.clearProperty(UiScale.PROPERTY);
      } else {
        System.setProperty(UiScale.PROPERTY, before);
      }
    }
  }
}
