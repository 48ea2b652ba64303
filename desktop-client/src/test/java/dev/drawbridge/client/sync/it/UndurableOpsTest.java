package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * R12 and R26 end to end: the relay acks ops before they are stored and is killed before storing
 * them. Meanwhile another member draws, so the relay's head grows past the author's last seq again
 * with other ops: only the op id in hello tells the relay the author saw a history it lost. The
 * author is reset and sends its lost ops again, with their ids; the room ends with each op once.
 */
class UndurableOpsTest {
  private static final String ROOM = "undurable";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(500), Duration.ofSeconds(3))
          .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
  // The longest the relay allows: ops acked within it wait for one commit.
  private static final List<String> SLOW_COMMITS = List.of("--commit-interval", "1000");

  @Test
  @Timeout(180)
  void acknowledgedOpsTheRelayLostAreSentAgainAndStoredOnce(@TempDir Path tmp) throws Exception {
    Path relayData = tmp.resolve("relay");
    RelayProcess relay =
        new RelayProcess(
            RelayProcess.freePort(), relayData, tmp.resolve("relay.log"), SLOW_COMMITS);
    relay.start();
    List<String> drawn = new ArrayList<>();
    try (relay;
        TestClient ana = new TestClient("ana", relay.url(), ROOM, tmp.resolve("a"), CONFIG)) {
      RandomDrawing anaDrawing = new RandomDrawing(7, "ana");
      long anaSeq;
      for (int attempt = 1; ; attempt++) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ana.synced() && ana.awaitingDurable() == 0);
        // Draw until some acked op waits for its commit, then kill the relay at once.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  ana.onBoard(anaDrawing::step);
                  return ana.awaitingDurable() > 0;
                });
        relay.kill();
        ana.run(ana.session::goOffline);
        anaSeq = ana.confirmedSeq();
        if (RoomLog.read(relayData, ROOM).head() < anaSeq) {
          break; // the relay lost ops it had acked
        }
        // The commit came between the look and the kill (rare): again.
        assertThat(attempt).as("kills that lost acked ops").isLessThan(5);
        relay.start();
        ana.run(ana.session::reconnectNow);
      }
      assertThat(ana.awaitingDurable()).isPositive();

      relay.start();
      try (TestClient ben = new TestClient("ben", relay.url(), ROOM, tmp.resolve("b"), CONFIG)) {
        await().atMost(Duration.ofSeconds(30)).until(ben::synced);
        RandomDrawing benDrawing = new RandomDrawing(8, "ben");
        long beyond = anaSeq + 5;
        while (ben.confirmedSeq() + ben.pending() <= beyond) {
          ben.onBoard(benDrawing::step);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ben.pending() == 0);
        assertThat(ben.confirmedSeq()).isGreaterThan(anaSeq);

        ana.run(ana.session::reconnectNow);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  long head = ben.confirmedSeq();
                  return ana.settledAt(head) && ben.settledAt(head);
                });
        assertThat(ana.wholeBoard()).isEqualTo(ben.wholeBoard());
        assertThat(ana.rejected).isEmpty();
        drawn.addAll(ana.submitted);
        drawn.addAll(ben.submitted);
        relay.stop();
      }
    }
    RoomLog log = RoomLog.read(relayData, ROOM);
    log.assertHoldsExactlyOnce(drawn);
  }
}
