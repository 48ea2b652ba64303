package dev.drawbridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
  /** The pom's revision reaches the code: X.Y.Z with X >= 1 (what jpackage accepts on macOS). */
  @Test
  void theVersionIsTheProjectsAndAPackagerCanUseIt() {
    assertThat(BuildInfo.version()).matches("[1-9][0-9]*\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
  }
}
