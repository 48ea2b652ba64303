package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app against the real relay when a board's identity is used twice (docs/protocol.md R82, R83):
 * the same board folder opened on a second machine replaces the first session, which stops and says
 * so; a folder with the same client id but its own key is refused and changes nothing.
 */
class OpenedElsewhereTest {
  private static final String ROOM = "identity";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(300), Duration.ofSeconds(2))
          .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
  @TempDir Path tmp;
  private Relay relay;
  private String url;

  @BeforeEach
  void startRelay() throws Exception {
    relay =
        Relay.start(RelayConfig.localDefaults(tmp.resolve("relay")).withBindAddress("127.0.0.1"));
    url = "ws://127.0.0.1:" + relay.port();
  }

  @AfterEach
  void stopRelay() {
    relay.close();
  }

  private Path boardFolder(String dataDir) {
    return tmp.resolve(dataDir)
        .resolve("boards")
        .resolve("127.0.0.1_" + relay.port())
        .resolve(ROOM);
  }

  /** Gives {@code to} the board folder's identity files of {@code from} that are named. */
  private void copyIdentity(String from, String to, String... files) throws Exception {
    Files.createDirectories(boardFolder(to));
    for (String f : files) {
      Files.copy(boardFolder(from).resolve(f), boardFolder(to).resolve(f));
    }
  }

  private static Op rect(String id) {
    return new Op.AddElement(
        Element.shape(id, ElementKind.RECTANGLE, 0, 0, 10, 10, Style.DEFAULT, 1));
  }

  private static ConnectionState.Failed.Kind awaitFailure(TestClient c) {
    await().atMost(Duration.ofSeconds(20)).until(() -> c.state() instanceof ConnectionState.Failed);
    return ((ConnectionState.Failed) c.state()).kind();
  }

  @Test
  void theSameBoardFolderElsewhereTakesOverAndAnotherKeyIsRefused() throws Exception {
    try (TestClient first = new TestClient("first", url, ROOM, tmp.resolve("first"), CONFIG)) {
      await().atMost(Duration.ofSeconds(20)).until(first::synced);
      first.onBoard(b -> b.submit(rect("el-first")));
      await().atMost(Duration.ofSeconds(20)).until(() -> first.settledAt(1));

      copyIdentity("first", "second", "client-id", "client-key");
      try (TestClient second = new TestClient("second", url, ROOM, tmp.resolve("second"), CONFIG)) {
        await().atMost(Duration.ofSeconds(20)).until(() -> second.settledAt(1));
        assertThat(awaitFailure(first)).isEqualTo(ConnectionState.Failed.Kind.REPLACED);

        copyIdentity("first", "impostor", "client-id");
        try (TestClient impostor =
            new TestClient("impostor", url, ROOM, tmp.resolve("impostor"), CONFIG)) {
          assertThat(awaitFailure(impostor)).isEqualTo(ConnectionState.Failed.Kind.CLIENT_ID_TAKEN);
          second.onBoard(b -> b.submit(rect("el-second")));
          await().atMost(Duration.ofSeconds(20)).until(() -> second.settledAt(2));
          assertThat(impostor.states).noneMatch(ConnectionState.Reconnecting.class::isInstance);
        }
        // The replaced session stayed down: no retry fought the newer one for the board.
        assertThat(first.state()).isInstanceOf(ConnectionState.Failed.class);
        var states = first.states;
        int failedAt = states.indexOf(first.state());
        assertThat(states.subList(failedAt, states.size()))
            .noneMatch(ConnectionState.Reconnecting.class::isInstance);
        assertThat(second.synced()).isTrue();
      }
    }
  }
}
