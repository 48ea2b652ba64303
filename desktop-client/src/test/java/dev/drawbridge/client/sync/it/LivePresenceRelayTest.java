package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SessionListener;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.message.Cursor;
import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.protocol.message.ViewCentre;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real sessions through a real relay: one member's view, presenting and laser points reach the
 * other (R88–R90, R94); the laser points of presences the throttle folds together all arrive (up to
 * 64 a presence), and none of it is stored, pending or journaled.
 */
class LivePresenceRelayTest {
  @TempDir Path tmp;
  private Relay relay;
  private String url;

  @BeforeEach
  void startRelay() throws Exception {
    relay =
        Relay.start(
            RelayConfig.localDefaults(tmp.resolve("relay"))
                .withBindAddress("127.0.0.1")
                .withNoAuth(true));
    url = "ws://127.0.0.1:" + relay.port();
  }

  @AfterEach
  void stopRelay() {
    relay.close();
  }

  @Test
  void aPresentersViewAndLaserReachTheOthersAndNothingIsStored() {
    try (TestClient ann =
            new TestClient("ann", url, "live", tmp.resolve("ann"), SyncConfig.defaults());
        TestClient bo =
            new TestClient("bo", url, "live", tmp.resolve("bo"), SyncConfig.defaults())) {
      List<ServerMessage.PresenceBroadcast> heard = new CopyOnWriteArrayList<>();
      bo.run(
          () ->
              bo.session.addListener(
                  new SessionListener() {
                    @Override
                    public void presence(ServerMessage.PresenceBroadcast p) {
                      heard.add(p);
                    }
                  }));
      await().atMost(Duration.ofSeconds(20)).until(() -> ann.synced() && bo.synced());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ann.call(() -> ann.session.peers().size()) == 1);

      // 40 laser points in a burst, one call each: the throttle folds them into few presences.
      ann.run(
          () -> {
            for (int i = 0; i < 40; i++) {
              ann.session.sendPresence(
                  new ClientMessage.Presence(
                      new Cursor(i, 0),
                      List.of(),
                      new ViewCentre(250, -125, 1.5),
                      true,
                      Points.of(i, 0),
                      null));
            }
          });
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  heard.stream().mapToInt(p -> p.laser() == null ? 0 : p.laser().size()).sum()
                      == 40);
      ServerMessage.PresenceBroadcast last = heard.getLast();
      assertThat(last.clientId()).isEqualTo(ann.call(() -> ann.session.clientId()));
      assertThat(last.view()).isEqualTo(new ViewCentre(250, -125, 1.5));
      assertThat(last.asksToFollow()).isTrue();
      assertThat(heard.size()).isLessThan(40);
      assertThat(
              heard.stream()
                  .flatMap(
                      p ->
                          p.laser() == null
                              ? java.util.stream.Stream.of()
                              : java.util.stream.IntStream.range(0, p.laser().size())
                                  .mapToObj(p.laser()::x))
                  .toList())
          .as("every point, in order")
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 40).mapToObj(i -> (float) i).toList());

      // Ephemeral: no op, nothing pending, nothing for the relay to store.
      assertThat(ann.confirmedSeq()).isZero();
      assertThat(bo.confirmedSeq()).isZero();
      assertThat(ann.pending()).isZero();
      assertThat(ann.call(() -> ann.session.board().view().visibleElements())).isEmpty();
    }
  }
}
