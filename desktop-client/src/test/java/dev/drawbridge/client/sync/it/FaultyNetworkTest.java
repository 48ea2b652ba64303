package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight clients draw 500 ops each through a proxy that drops connections, delays bytes and
 * black-holes connections at random. All end on one board hash, and the relay holds every op
 * exactly once: nothing lost, nothing duplicated.
 */
class FaultyNetworkTest {
  private static final String ROOM = "chaos";
  private static final int CLIENTS = 8;
  private static final int OPS_EACH = 500;
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(250), Duration.ofMillis(1200))
          .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
          .withHealthyAfter(Duration.ofSeconds(2));

  private static RelayConfig relayConfig(Path dir) {
    // Every client comes from 127.0.0.1 through the proxy, and black-holed links linger.
    return RelayConfig.localDefaults(dir)
        .withBindAddress("127.0.0.1")
        .withMaxConnectionsPerIp(1_000);
  }

  @Test
  @Timeout(180)
  void everyoneConvergesAndEveryOpIsStoredExactlyOnce(@TempDir Path tmp) throws Exception {
    Path relayData = tmp.resolve("relay");
    List<String> drawn = new ArrayList<>();
    List<List<String>> drawnByClient = new ArrayList<>();
    String hash;
    try (Relay relay = Relay.start(relayConfig(relayData));
        FaultyProxy proxy = new FaultyProxy(relay.port(), 11)) {
      List<TestClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < CLIENTS; i++) {
          clients.add(new TestClient("c" + i, proxy.url(), ROOM, tmp.resolve("c" + i), CONFIG));
        }
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> clients.stream().allMatch(TestClient::synced));

        AtomicBoolean chaos = new AtomicBoolean(true);
        Thread monkey =
            Thread.ofPlatform()
                .daemon()
                .start(
                    () -> {
                      while (chaos.get()) {
                        proxy.randomFault();
                        try {
                          Thread.sleep(120);
                        } catch (InterruptedException e) {
                          return;
                        }
                      }
                    });
        List<Drawer> drawers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
          drawers.add(new Drawer(clients.get(i), new RandomDrawing(100 + i, "c" + i), OPS_EACH, 4));
        }
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> drawers.stream().allMatch(Drawer::done));
        for (Drawer d : drawers) {
          d.close();
        }
        // Keep misbehaving a little longer, while the clients replay what they drew.
        Thread.sleep(1500);
        chaos.set(false);
        monkey.join();
        proxy.maxDelay(0);
        assertThat(proxy.faults.get()).isGreaterThan(10);

        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> {
                  long head = clients.getFirst().confirmedSeq();
                  return clients.stream().allMatch(c -> c.settledAt(head));
                });
        hash = clients.getFirst().wholeBoard();
        System.out.printf(
            "chaos: %d connections, %d faults, head %d%n",
            proxy.accepted.get(), proxy.faults.get(), clients.getFirst().confirmedSeq());
        for (TestClient c : clients) {
          assertThat(c.wholeBoard()).as(c.name).isEqualTo(hash);
          assertThat(c.rejected).as(c.name).isEmpty();
          assertThat(c.submitted).hasSizeGreaterThanOrEqualTo(OPS_EACH);
          drawn.addAll(c.submitted);
          drawnByClient.add(List.copyOf(c.submitted));
        }
      } finally {
        clients.forEach(TestClient::close);
      }
    }
    RoomLog log = RoomLog.read(relayData, ROOM);
    log.assertHoldsExactlyOnce(drawn);
    drawnByClient.forEach(log::assertKeepsOrderOf);
    assertThat(log.wholeBoard()).isEqualTo(hash);
  }
}
