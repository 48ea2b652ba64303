package dev.drawbridge.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

class PeerFaultLogTest {
  final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  PeerFaultLog log() {
    Logger logger =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("peer-fault-log-test");
    logger.setAdditive(false);
    lines.start();
    logger.addAppender(lines);
    return new PeerFaultLog(logger, PeerFaultLog.LINES_PER_SECOND, PeerFaultLog.BURST, nanos::get);
  }

  static Object suppressed(ILoggingEvent e) {
    if (e.getKeyValuePairs() == null) {
      return null;
    }
    return e.getKeyValuePairs().stream()
        .filter(kv -> kv.key.equals("suppressed"))
        .map((KeyValuePair kv) -> kv.value)
        .findFirst()
        .orElse(null);
  }

  @Test
  void aBurstThenOneLineASecondAndTheNextLineCountsWhatWasLeftOut() {
    PeerFaultLog log = log();
    for (int i = 0; i < 1_000; i++) {
      log.atWarn().addKeyValue("i", i).log("frame refused");
    }
    assertThat(lines.list).hasSize(PeerFaultLog.BURST);
    assertThat(lines.list).allMatch(e -> suppressed(e) == null);

    nanos.addAndGet(1_000_000_000L);
    for (int i = 0; i < 1_000; i++) {
      log.atWarn().log("frame refused");
    }
    assertThat(lines.list).hasSize(PeerFaultLog.BURST + 1);
    assertThat(suppressed(lines.list.getLast())).isEqualTo(1_000L - PeerFaultLog.BURST);

    nanos.addAndGet(1_000_000_000L);
    log.atWarn().log("frame refused");
    assertThat(suppressed(lines.list.getLast())).isEqualTo(999L);
    nanos.addAndGet(1_000_000_000L);
    log.atWarn().log("frame refused");
    assertThat(suppressed(lines.list.getLast())).isNull();
  }
}
