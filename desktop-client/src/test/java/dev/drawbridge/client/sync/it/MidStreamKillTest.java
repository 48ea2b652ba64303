package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.ConnectionState;
import dev.drawbridge.client.sync.SyncConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay is SIGKILLed in the middle of a stream, not between them (issue 18): while a client
 * replays a long offline journal, and while a newcomer catches up on a long board. After a restart
 * on the same data, every op is stored exactly once, in each author's order, and every member holds
 * the same whole board (tombstones included).
 */
class MidStreamKillTest {
  private static final String ROOM = "mid-stream";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(500), Duration.ofSeconds(3))
          .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
          .withHealthyAfter(Duration.ofSeconds(1));

  @Test
  @Timeout(180)
  void aKillDuringTheReplayOfAnOfflineJournalLosesAndRepeatsNothing(@TempDir Path tmp)
      throws Exception {
    Path data = tmp.resolve("relay");
    RelayProcess relay = new RelayProcess(RelayProcess.freePort(), data, tmp.resolve("r.log"));
    List<String> drawn;
    try (relay;
        TestClient ann = new TestClient("ann", relay.url(), ROOM, tmp.resolve("a"), CONFIG)) {
      // Nothing listens yet: everything Ann draws goes to her journal.
      RandomDrawing drawing = new RandomDrawing(31, "ann");
      for (int i = 0; i < 3_000; i++) {
        ann.onBoard(drawing::step);
      }
      int offline = ann.pending();
      assertThat(offline).isEqualTo(ann.submitted.size());
      relay.start();
      // Kill once the relay has taken part of the journal, not all of it.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(2))
          .until(() -> ann.pending() < offline);
      relay.kill();
      int left = ann.pending();
      assertThat(left).as("replay interrupted part way").isPositive();
      relay.start();
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> ann.synced() && ann.pending() == 0 && ann.awaitingDurable() == 0);
      assertThat(ann.rejected).isEmpty();
      drawn = List.copyOf(ann.submitted);
      String board = ann.wholeBoard();
      relay.stop();
      RoomLog log = RoomLog.read(data, ROOM);
      log.assertHoldsExactlyOnce(drawn);
      log.assertKeepsOrderOf(drawn);
      assertThat(log.wholeBoard()).isEqualTo(board);
    }
  }

  @Test
  @Timeout(180)
  void aKillWhileANewcomerCatchesUpLeavesEveryoneOnTheSameBoard(@TempDir Path tmp)
      throws Exception {
    Path data = tmp.resolve("relay");
    RelayProcess relay = new RelayProcess(RelayProcess.freePort(), data, tmp.resolve("r.log"));
    relay.start();
    List<String> drawn = new ArrayList<>();
    try (relay;
        TestClient ann = new TestClient("ann", relay.url(), ROOM, tmp.resolve("a"), CONFIG)) {
      await().atMost(Duration.ofSeconds(30)).until(ann::synced);
      RandomDrawing drawing = new RandomDrawing(32, "ann");
      for (int i = 0; i < 4_000; i++) {
        ann.onBoard(drawing::step);
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ann.pending() == 0 && ann.awaitingDurable() == 0);
      try (TestClient ben = new TestClient("ben", relay.url(), ROOM, tmp.resolve("b"), CONFIG)) {
        // Kill as soon as Ben's connection is under way: hello, welcome, catch-up or synced.
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(1))
            .until(() -> !(ben.state() instanceof ConnectionState.Connecting));
        relay.kill();
        // Both keep drawing while the relay is down.
        RandomDrawing bens = new RandomDrawing(33, "ben");
        for (int i = 0; i < 50; i++) {
          ann.onBoard(drawing::step);
          ben.onBoard(bens::step);
        }
        relay.start();
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> {
                  long head = ann.confirmedSeq();
                  return ann.settledAt(head) && ben.settledAt(head) && head > 0;
                });
        assertThat(ben.wholeBoard()).isEqualTo(ann.wholeBoard());
        assertThat(ann.rejected).isEmpty();
        assertThat(ben.rejected).isEmpty();
        drawn.addAll(ann.submitted);
        drawn.addAll(ben.submitted);
        String board = ann.wholeBoard();
        relay.stop();
        RoomLog log = RoomLog.read(data, ROOM);
        log.assertHoldsExactlyOnce(drawn);
        log.assertKeepsOrderOf(List.copyOf(ben.submitted));
        assertThat(log.wholeBoard()).isEqualTo(board);
      }
    }
  }
}
