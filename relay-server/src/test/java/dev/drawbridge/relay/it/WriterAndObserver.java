package dev.drawbridge.relay.it;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One relay for a whole test class and two members of one room, synced and aware of each other:
 * {@code writer} sends (or an attacker beside it does) and {@code observer} shows what the others
 * get. For the classes that throw many inputs at one room and check it keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WriterAndObserver {
  private final String room;
  private final UnaryOperator<RelayConfig> config;

  @TempDir static Path dir;
  RelayFixture fx;
  TestPeer writer;
  TestPeer observer;

  WriterAndObserver(String room) {
    this(room, c -> c);
  }

  WriterAndObserver(String room, UnaryOperator<RelayConfig> config) {
    this.room = room;
    this.config = config;
  }

  @BeforeAll
  void start() throws Exception {
    fx = new RelayFixture(dir, config);
    writer = fx.peer(room);
    observer = fx.peer(room);
    writer.joinAndSync(0);
    observer.joinAndSync(0);
    writer.nextOf(ServerMessage.Joined.class);
  }

  @AfterAll
  void stop() {
    fx.close();
  }
}
