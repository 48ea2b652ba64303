package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay loses its data (a restore from an old backup, a wiped disk): the client is told to
 * reset (R12) and draws again what this user had drawn, so the room gets it back.
 */
class RelayDataLossTest {
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(300), Duration.ofSeconds(2))
          .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  @Timeout(120)
  void whatThisUserDrewComesBackAfterTheRelayLostIt(@TempDir Path tmp) throws Exception {
    int port = RelayProcess.freePort();
    RelayProcess first = new RelayProcess(port, tmp.resolve("old"), tmp.resolve("old.log"));
    first.start();
    String url = first.url();
    List<String> drawn = new ArrayList<>();
    try (first;
        TestClient c = new TestClient("ana", url, "lost", tmp.resolve("c"), CONFIG)) {
      await().atMost(Duration.ofSeconds(30)).until(c::synced);
      String me = c.call(c.session::clientId);
      c.onBoard(
          board -> {
            for (int i = 0; i < 20; i++) {
              String id = "ana-" + i;
              drawn.add(id);
              board.submit(
                  new Op.AddElement(
                      Element.shape(
                              id, ElementKind.RECTANGLE, i * 20, 0, 10, 10, Style.DEFAULT, i + 1)
                          .withAuthor(me)));
            }
          });
      await().atMost(Duration.ofSeconds(30)).until(() -> c.pending() == 0);
      first.kill(); // a crash, not a shutdown: some acked ops may not even be durable yet

      RelayProcess empty = new RelayProcess(port, tmp.resolve("empty"), tmp.resolve("empty.log"));
      empty.start();
      try (empty) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> c.synced() && c.pending() == 0 && c.confirmedSeq() == drawn.size());
        assertThat(
                c.call(
                    () -> drawn.stream().allMatch(id -> c.session.board().view().get(id) != null)))
            .isTrue();
        try (TestClient newcomer = new TestClient("bo", url, "lost", tmp.resolve("n"), CONFIG)) {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> newcomer.synced() && newcomer.confirmedSeq() == drawn.size());
          assertThat(newcomer.wholeBoard()).isEqualTo(c.wholeBoard());
        }
        empty.stop();
      }
    }
    // The relay that lost everything got each of this user's elements back exactly once.
    RoomLog log = RoomLog.read(tmp.resolve("empty"), "lost");
    assertThat(log.ops())
        .extracting(op -> ((Op.AddElement) op.op()).element().id())
        .containsExactlyInAnyOrderElementsOf(drawn);
  }
}
