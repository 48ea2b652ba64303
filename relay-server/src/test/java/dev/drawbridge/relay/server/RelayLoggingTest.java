package dev.drawbridge.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RelayLoggingTest {
  @Test
  void theRelaysLogIsSetUpInCodeWithNoXmlReader() {
    // logback found the configurator through META-INF/services: this module's class path has no
    // logback.xml or logback-test.xml, and logback's own fallback names its appender "console".
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isInstanceOf(ConsoleAppender.class);
    assertThat(context.getLogger("org.java_websocket.WebSocketImpl").getLevel())
        .isEqualTo(Level.OFF);
    assertThat(context.getLogger("dev.drawbridge.relay.room.Room").getEffectiveLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void oneLinePerEventWithItsKeyValuePairs() {
    LoggerContext context = new LoggerContext();
    assertThat(new RelayLogging().configure(context))
        .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    var stderr =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    var encoder = (PatternLayoutEncoder) stderr.getEncoder();
    var logger = context.getLogger("dev.drawbridge.relay.room.Room");
    var event =
        new ch.qos.logback.classic.spi.LoggingEvent(
            Room.class.getName(), logger, Level.WARN, "frame refused", null, null);
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("closeCode", 4009));
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertThat(line)
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\S+ WARN  \\[.*\\] d\\.d\\.relay\\.room\\.Room -"
                + " frame refused closeCode=\"4009\"\\R");
    context.stop();
  }

  @Test
  void theRelaysLevelComesFromTheEnvironment() {
    assertThat(RelayLogging.levels(Map.of()).get("dev.drawbridge")).isEqualTo(Level.INFO);
    assertThat(RelayLogging.levels(Map.of("DRAWBRIDGE_LOG_LEVEL", "debug")).get("dev.drawbridge"))
        .isEqualTo(Level.DEBUG);
    assertThat(
            RelayLogging.levels(Map.of("DRAWBRIDGE_LOG_LEVEL", "nonsense")).get("dev.drawbridge"))
        .isEqualTo(Level.INFO);
    assertThat(RelayLogging.levels(Map.of()).get(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .isEqualTo(Level.WARN);
  }

  @Test
  void aSelfHostersOwnFileWins() {
    String before = System.getProperty("logback.configurationFile");
    System.setProperty("logback.configurationFile", "/etc/drawbridge/logback.xml");
    try {
      LoggerContext context = new LoggerContext();
      assertThat(new RelayLogging().configure(context))
          .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
          .isNull();
    } finally {
      if (before == null) {
        System.clearProperty("logback.configurationFile");
      } else {
        System.setProperty("logback.configurationFile", before);
      }
    }
  }

  /** A name for the event's logger class; only its package matters to the pattern. */
  private static final class Room {}
}
