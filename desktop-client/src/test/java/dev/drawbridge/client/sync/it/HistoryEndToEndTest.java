package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.history.Attribution;
import dev.drawbridge.client.history.BoardHistory;
import dev.drawbridge.client.history.Timeline;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.message.HistoryOp;
import dev.drawbridge.relay.history.HistoryLimits;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * History from end to end (issue 17): two apps and a real relay with SQLite. Ben joins after Ana
 * drew, loads the room's whole history in pages (pages of 40 and 4 pages a second after a burst of
 * 2 here, so the relay answers some requests with {@code rate_limited} and the app asks again,
 * R117–R119), and keeps following live ops; his timeline ends at the board both members see, with
 * the relay's times (R116).
 */
class HistoryEndToEndTest {
  private static final String ROOM = "history";

  @Test
  @Timeout(180)
  void aLateJoinerLoadsTheWholeHistoryInPagesAndFollowsLiveOps(@TempDir Path tmp) throws Exception {
    RelayConfig relayConfig =
        RelayConfig.localDefaults(tmp.resolve("relay"))
            .withBindAddress("127.0.0.1")
            .withHistoryLimits(HistoryLimits.defaults().withMaxPage(40).withRate(4, 2));
    SyncConfig config = SyncConfig.defaults();
    long before = System.currentTimeMillis();
    try (Relay relay = Relay.start(relayConfig);
        TestClient ana =
            new TestClient(
                "ana", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("ana"), config)) {
      await().atMost(Duration.ofSeconds(30)).until(ana::synced);
      RandomDrawing anaDraws = new RandomDrawing(17, "ana");
      for (int i = 0; i < 150; i++) {
        ana.onBoard(anaDraws::step);
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> ana.settledAt(ana.confirmedSeq()));
      long drawn = ana.confirmedSeq();
      assertThat(drawn).isGreaterThan(100); // three pages of 40 or more: beyond the burst of 2

      try (TestClient ben =
          new TestClient(
              "ben", "ws://127.0.0.1:" + relay.port(), ROOM, tmp.resolve("ben"), config)) {
        await().atMost(Duration.ofSeconds(30)).until(ben::synced);
        BoardHistory history =
            ben.call(
                () -> {
                  BoardHistory h =
                      new BoardHistory(
                          ben.session.history(),
                          () -> ben.session.board().confirmed().snapshot(),
                          ben.ui);
                  ben.session.addListener(
                      new dev.drawbridge.client.sync.SessionListener() {
                        @Override
                        public void opSequenced(HistoryOp op) {
                          h.opSequenced(op);
                        }
                      });
                  return h;
                });
        CompletableFuture<Timeline> loading = ben.call(history::load);
        // Ana goes on drawing while Ben's pages come in.
        for (int i = 0; i < 20; i++) {
          ana.onBoard(anaDraws::step);
        }
        Timeline timeline = loading.get(120, TimeUnit.SECONDS);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    ben.settledAt(ana.confirmedSeq())
                        && ben.call(() -> timeline.headSeq()) == ana.confirmedSeq());

        ben.run(
            () -> {
              assertThat(timeline.baseSeq()).isZero();
              assertThat(timeline.size()).isEqualTo((int) ana.confirmedSeq());
              assertThat(timeline.now().hash()).isEqualTo(ben.session.board().confirmed().hash());
              long now = System.currentTimeMillis();
              for (int i = 0; i < timeline.size(); i++) {
                assertThat(timeline.op(i).t()).isBetween(before, now);
              }
              assertThat(timeline.boardAt((int) drawn).hash()).isNotEqualTo(timeline.now().hash());
              String anyElement = timeline.now().visibleElements().getFirst().id();
              Attribution who = timeline.attribution(anyElement);
              assertThat(who.lastChanged().clientId()).isEqualTo(ana.session.clientId());
            });
      }
    }
  }
}
