package dev.drawbridge.client.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The shipped logback.xml, loaded on its own: the app writes a rotating log in its home. */
class LogFileTest {
  @TempDir Path home;

  @Test
  void theAppLogsToAFileInItsHomeThatRollsOverAtItsSizeLimit() throws Exception {
    String before = System.getProperty("drawbridge.home");
    System.setProperty("drawbridge.home", home.toString());
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    try {
      JoranConfigurator config = new JoranConfigurator();
      config.setContext(context);
      config.doConfigure(LogFileTest.class.getResource("/logback.xml"));
      Logger log = context.getLogger("dev.drawbridge.client.Test");
      log.info("first line");
      String big = "y".repeat(1_000);
      for (int i = 0; i < 6_000; i++) { // ~6 MB: past the 5 MB limit once
        log.info(big);
      }
      Thread.sleep(1_100); // the size is looked at once a second
      log.info("last line");
    } finally {
      context.stop();
      if (before == null) {
        System.clearProperty("drawbridge.home");
      } else {
        System.setProperty("drawbridge.home", before);
      }
    }
    Path logs = home.resolve("logs");
    assertThat(Files.readString(logs.resolve("drawbridge.log"))).contains("last line");
    assertThat(logs.resolve("drawbridge.1.log")).exists();
    // Rolled because it passed 5 MB (the size is checked once a second, so by a little more).
    assertThat(Files.size(logs.resolve("drawbridge.1.log"))).isGreaterThan(5_000_000L);
    assertThat(Files.readString(logs.resolve("drawbridge.log"))).doesNotContain("first line");
    assertThat(Files.readString(logs.resolve("drawbridge.1.log"))).contains("first line");
  }
}
