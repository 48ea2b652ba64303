package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay comes back without its data (a restore from an old backup, a wiped disk): the client,
 * now ahead of the room, takes the relay's board (welcome reset, R12) and carries on from there; a
 * newcomer sees the same board.
 */
class RelayResetTest {
  private static final String ROOM = "reset";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(300), Duration.ofSeconds(2))
          .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  @Timeout(120)
  void aClientAheadOfARelayThatLostItsDataFollowsTheRelay(@TempDir Path tmp) throws Exception {
    int port = RelayProcess.freePort();
    RelayProcess first = new RelayProcess(port, tmp.resolve("old"), tmp.resolve("old.log"));
    first.start();
    String url = first.url();
    try (first;
        TestClient c = new TestClient("ahead", url, ROOM, tmp.resolve("c"), CONFIG)) {
      await().atMost(Duration.ofSeconds(30)).until(c::synced);
      RandomDrawing drawing = new RandomDrawing(21, "ahead");
      while (c.submitted.size() < 40) {
        c.onBoard(drawing::step);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> c.pending() == 0);
      assertThat(c.confirmedSeq()).isEqualTo(40);
      // Durable (R26) before the data is lost (a restored backup, a wiped disk): an op that was
      // not would be sent again after the reset, and the client would not follow the relay.
      await().atMost(Duration.ofSeconds(30)).until(() -> c.awaitingDurable() == 0);
      first.kill(); // a crash, not a shutdown

      RelayProcess second = new RelayProcess(port, tmp.resolve("new"), tmp.resolve("new.log"));
      second.start();
      try (second) {
        await().atMost(Duration.ofSeconds(30)).until(() -> c.synced() && c.confirmedSeq() == 0);
        for (int i = 0; i < 10; i++) {
          c.onBoard(drawing::step);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> c.pending() == 0);
        try (TestClient newcomer = new TestClient("new", url, ROOM, tmp.resolve("n"), CONFIG)) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> newcomer.synced() && newcomer.confirmedSeq() == c.confirmedSeq());
          assertThat(newcomer.wholeBoard()).isEqualTo(c.wholeBoard());
        }
      }
    }
  }
}
