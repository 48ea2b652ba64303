package dev.drawbridge.relay.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The relay's log setup, found by logback through {@code META-INF/services}: one line per event on
 * stderr. Written in code rather than a {@code logback.xml} because logback's XML reader loads
 * about 650 classes (~3 MB of idle RSS, docs/performance.md) for these few lines. A self-hoster's
 * own file ({@code -Dlogback.configurationFile=…}) still wins: then this steps aside.
 */
public final class RelayLogging extends ContextAwareBase implements Configurator {
  /** One line per event; key=value pairs (room, client, reason, closeCode…) follow the message. */
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{20} - %msg %kvp%n%ex";

  /** {@code DRAWBRIDGE_LOG_LEVEL} sets the relay's own level (default INFO). */
  static final String LEVEL_VARIABLE = "DRAWBRIDGE_LOG_LEVEL";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    levels(System.getenv()).forEach((name, level) -> context.getLogger(name).setLevel(level));
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Which loggers get which level: Java-WebSocket's at WARN, and its {@code WebSocketImpl} off (it
   * logs every refused frame at ERROR with a stack trace; the relay logs those itself, one line
   * each and at most a burst of 20 then 1 a second: {@code PeerFaultLog}).
   */
  static Map<String, Level> levels(Map<String, String> environment) {
    return Map.of(
        Logger.ROOT_LOGGER_NAME,
        Level.WARN,
        "org.java_websocket",
        Level.WARN,
        "org.java_websocket.WebSocketImpl",
        Level.OFF,
        "dev.drawbridge",
        Level.toLevel(environment.get(LEVEL_VARIABLE), Level.INFO));
  }
}
