package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.protocol.CloseCodes;
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

  /**
   * Sends {@code frame} from a new member of the room and checks the relay refuses it as documented
   * (error {@code errorCode}, then close {@code closeCode}, after which a client may reconnect),
   * and that the room keeps serving its honest members: a stroke of the writer's, sent next, is
   * acked and is the next op the observer gets, so nothing of the refused frame reached anyone.
   */
  void assertRefusedAndRoomServes(String name, String frame, int closeCode, String errorCode)
      throws Exception {
    TestPeer attacker = fx.peer(room);
    attacker.joinAndSync(0);
    attacker.send(frame);
    TestPeer.Close close = attacker.awaitClose();
    assertThat(close.code()).as(name).isEqualTo(closeCode);
    assertThat(attacker.received)
        .filteredOn(ServerMessage.Error.class::isInstance)
        .map(m -> ((ServerMessage.Error) m).code())
        .as(name)
        .contains(errorCode);
    assertThat(CloseCodes.isTerminal(close.code())).isFalse();
    String id = "ok-" + name.replace(' ', '-');
    writer.submitStroke(id, "s-" + id);
    assertThat(writer.nextOf(ServerMessage.Ack.class).id()).isEqualTo(id);
    assertThat(observer.nextOf(ServerMessage.OpBroadcast.class).id()).isEqualTo(id);
  }

  @AfterAll
  void stop() {
    fx.close();
  }
}
