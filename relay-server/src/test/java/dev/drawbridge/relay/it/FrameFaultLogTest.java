package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.auth.Role;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Peers sending malformed frames cannot flood the relay's log (docs/reliability.md, Frames). Runs
 * with the server's own log set-up (RelayLogging) and counts what reaches its appender.
 */
class FrameFaultLogTest {
  static final String ROOM = "flood";
  static final int CONNECTIONS = 100;

  /** PeerFaultLog's burst (20) plus generous room for its refill of one line a second. */
  static final int MAX_LINES = 40;

  @TempDir Path dir;

  /** One fault of each kind the framing layer refuses, the close code the client gets for it. */
  static final List<Fault> FAULTS =
      List.of(
          new Fault(1002, RawHttp.clientFrame(0x81, false, new byte[] {'{', '}'})),
          new Fault(
              1007,
              RawHttp.clientFrame(
                  0x88, true, RawHttp.closePayload(1000, (byte) 0xC3, (byte) 0x28))),
          new Fault(1002, RawHttp.clientFrame(0x88, true, RawHttp.closePayload(1005))),
          new Fault(1002, RawHttp.clientFrame(0xC1, true, new byte[] {'{', '}'})),
          new Fault(1002, RawHttp.clientFrame(0x83, true, new byte[0])),
          new Fault(1002, RawHttp.clientFrame(0x80, true, new byte[] {'x'})),
          new Fault(1002, RawHttp.clientFrame(0x89, true, new byte[126])),
          new Fault(4002, RawHttp.clientFrame(0x81, true, new byte[] {(byte) 0xC3, (byte) 0x28})),
          new Fault(4009, FrameRulesTest.oneMebibyteHeader()));

  record Fault(int closeCode, byte[] frame) {}

  @Test
  void malformedFramesLeaveFewShortLinesAndNoStackTraces() throws Exception {
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    var root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    try (RelayFixture fx = new RelayFixture(dir)) {
      TestPeer writer = fx.peer(ROOM);
      writer.joinAndSync(0);
      lines.start();
      root.addAppender(lines);

      // One connection, 200 bad close frames in one write: the first fails the connection.
      byte[] bad = FAULTS.get(1).frame();
      byte[] burst = new byte[bad.length * 200];
      for (int i = 0; i < 200; i++) {
        System.arraycopy(bad, 0, burst, i * bad.length, bad.length);
      }
      assertThat(sendAndAwaitClose(fx, burst)).isEqualTo(1007);
      assertThat(lines.list).hasSizeLessThanOrEqualTo(1);

      // Many connections, one fault each: a burst of lines, then the rest are counted only.
      for (int i = 0; i < CONNECTIONS; i++) {
        Fault fault = FAULTS.get(i % FAULTS.size());
        assertThat(sendAndAwaitClose(fx, fault.frame())).isEqualTo(fault.closeCode());
      }
      root.detachAppender(lines);

      writer.submitStroke("after", "after-e");
      assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo("after");
    } finally {
      root.detachAppender(lines);
    }
    assertThat(lines.list).hasSizeLessThanOrEqualTo(MAX_LINES);
    for (ILoggingEvent e : lines.list) {
      assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull();
      assertThat(e.getLevel()).as(e.getFormattedMessage()).isEqualTo(Level.WARN);
      assertThat(e.getFormattedMessage() + e.getKeyValuePairs()).hasSizeLessThan(300);
    }
  }

  static int sendAndAwaitClose(RelayFixture fx, byte[] bytes) throws Exception {
    try (Socket s =
        RawHttp.openWebSocket(
            fx.relay.port(), "/v1/rooms/" + ROOM, RelayFixture.token(ROOM, Role.EDITOR))) {
      s.getOutputStream().write(bytes);
      s.getOutputStream().flush();
      return RawHttp.closeCode(s);
    }
  }
}
