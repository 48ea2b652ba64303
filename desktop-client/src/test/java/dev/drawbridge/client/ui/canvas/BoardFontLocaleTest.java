package dev.drawbridge.client.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.BoardTypeface;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bug behind ADR 0014: on Linux JavaFX resolves its {@code System} font through fontconfig with
 * the locale the app started in, so a member whose app started in Chinese measured and drew Latin
 * board text in WenQuanYi Micro Hei (here 1095 px for a line another member, started in English,
 * drew in DejaVu Sans at 1205 px). Board text is now in the bundled font: each locale runs in a JVM
 * of its own ({@link BoardTextProbe}), since a run never resolves its fonts again.
 */
class BoardFontLocaleTest {
  @Test
  void boardTextMeasuresTheSameWhateverLanguageTheAppStartedIn() throws Exception {
    String english = probe("en", "US");
    String chinese = probe("zh", "CN");

    assertThat(english).startsWith("en_US family=" + BoardTypeface.FAMILY + " ");
    assertThat(chinese).startsWith("zh_CN family=" + BoardTypeface.FAMILY + " ");
    // Widths, the ascent, and a note's size, lines and their widths: all the same.
    assertThat(chinese.substring("zh_CN".length())).isEqualTo(english.substring("en_US".length()));
  }

  private static String probe(String language, String country)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Duser.language=" + language,
            "-Duser.country=" + country,
            "-Dglass.platform=Headless",
            "-Dprism.order=sw",
            "-Djava.awt.headless=true",
            "-cp",
            System.getProperty("java.class.path"),
            BoardTextProbe.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out;
    try (var in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    return out.lines()
        .filter(l -> l.startsWith("@@ "))
        .map(l -> l.substring(3))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result from the probe:\n" + out));
  }
}
