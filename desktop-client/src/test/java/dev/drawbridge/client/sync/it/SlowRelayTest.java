package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.relay.room.RoomLimits;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay whose rate limit is far below the client's pace (R17): the client is refused, backs off,
 * slows down, and still gets every op stored exactly once.
 */
class SlowRelayTest {
  private static final String ROOM = "slow";

  @Test
  @Timeout(120)
  void aLowRateLimitSlowsTheReplayButLosesNothing(@TempDir Path tmp) throws Exception {
    Path relayData = tmp.resolve("relay");
    RelayConfig defaults = RelayConfig.localDefaults(relayData).withBindAddress("127.0.0.1");
    RoomLimits l = defaults.limits();
    RoomLimits slow =
        new RoomLimits(
            l.maxMembersPerRoom(),
            l.maxRooms(),
            l.snapshotEvery(),
            40,
            40,
            l.bytesPerSecond(),
            l.byteBurst(),
            l.rateLimitStrikes(),
            l.strikesPerSecond(),
            l.presencePerSecond());
    SyncConfig config =
        SyncConfig.defaults()
            .withHeartbeat(Duration.ofMillis(500), Duration.ofSeconds(3))
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));
    String hash;
    java.util.List<String> drawn;
    try (Relay relay = Relay.start(defaults.withLimits(slow));
        TestClient c =
            new TestClient(
                "eager", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("c"), config);
        TestClient watcher =
            new TestClient(
                "watcher", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("w"), config)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> c.synced() && watcher.synced());
      c.run(c.session::goOffline);
      RandomDrawing drawing = new RandomDrawing(5, "eager");
      while (c.submitted.size() < 300) {
        c.onBoard(drawing::step);
      }
      c.run(c.session::reconnectNow);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                long head = watcher.confirmedSeq();
                return c.settledAt(head) && watcher.settledAt(head);
              });
      hash = c.wholeBoard();
      assertThat(watcher.wholeBoard()).isEqualTo(hash);
      assertThat(c.rejected).isEmpty();
      drawn = java.util.List.copyOf(c.submitted);
    }
    RoomLog log = RoomLog.read(relayData, ROOM);
    log.assertHoldsExactlyOnce(drawn);
    assertThat(log.wholeBoard()).isEqualTo(hash);
  }
}
