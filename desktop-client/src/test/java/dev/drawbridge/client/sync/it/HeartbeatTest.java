package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay that stops answering without closing (the path black-holes every byte) is detected by the
 * heartbeat and left within the timeout; the client keeps journaling and catches up once the path
 * works again.
 */
class HeartbeatTest {
  private static final String ROOM = "heartbeat";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(300), Duration.ofMillis(1500))
          .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  @Timeout(120)
  void aSilentRelayIsLeftWithinTheTimeoutAndRejoinedLater(@TempDir Path tmp) throws Exception {
    try (Relay relay =
            Relay.start(
                RelayConfig.localDefaults(tmp.resolve("relay")).withBindAddress("127.0.0.1"));
        FaultyProxy proxy = new FaultyProxy(relay.port(), 7);
        TestClient viaProxy = new TestClient("far", proxy.url(), ROOM, tmp.resolve("far"), CONFIG);
        TestClient direct =
            new TestClient(
                "near", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("near"), CONFIG)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> viaProxy.synced() && direct.synced());
      RandomDrawing drawing = new RandomDrawing(3, "far");
      for (int i = 0; i < 20; i++) {
        viaProxy.onBoard(drawing::step);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> viaProxy.pending() == 0);

      proxy.blackHoleAll(true);
      int before = viaProxy.states.size();
      // Left within timeout (1.5 s) + one ping interval; the bound is generous for a loaded box.
      await().atMost(Duration.ofSeconds(10)).until(() -> !viaProxy.synced());
      List<ConnectionState> states = List.copyOf(viaProxy.states);
      assertThat(states.subList(before, states.size()))
          .anyMatch(s -> s instanceof ConnectionState.Reconnecting);
      for (int i = 0; i < 30; i++) {
        viaProxy.onBoard(drawing::step);
      }
      assertThat(viaProxy.pending()).isGreaterThan(0);

      proxy.blackHoleAll(false);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                long head = direct.confirmedSeq();
                return viaProxy.settledAt(head) && direct.settledAt(head);
              });
      assertThat(viaProxy.wholeBoard()).isEqualTo(direct.wholeBoard());
    }
  }
}
