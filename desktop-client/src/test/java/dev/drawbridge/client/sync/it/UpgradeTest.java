package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.client.io.BoardFile;
import dev.drawbridge.client.model.PendingOp;
import dev.drawbridge.client.sync.SyncConfig;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the previous release wrote opens in this one (issue 18, "Upgrades"): a relay's data
 * directory, a client's board folder with a journal of ops drawn offline, and a {@code .drawbridge}
 * file, all written by commit 34f2380 (see the fixture folder's README). The old relay data and the
 * old client then meet through the current relay, and every op ends up stored once.
 */
class UpgradeTest {
  private static final String FIXTURES = "/upgrade/release-2026-11";
  private static final SyncConfig CONFIG =
      SyncConfig.defaults()
          .withHeartbeat(Duration.ofMillis(500), Duration.ofSeconds(3))
          .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));

  @TempDir Path tmp;
  private Path old;
  private Properties expected;

  @BeforeEach
  void copyFixtures() throws IOException, URISyntaxException {
    Path source = Path.of(UpgradeTest.class.getResource(FIXTURES).toURI());
    old = tmp.resolve("old");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.toList()) {
        Path to = old.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    expected = new Properties();
    try (Reader in = Files.newBufferedReader(old.resolve("expected.properties"))) {
      expected.load(in);
    }
  }

  @Test
  void theOldRelaysOpLogAndSnapshotOpenWithTheirOps() {
    String room = expected.getProperty("relay.room");
    long head = Long.parseLong(expected.getProperty("relay.head"));
    try (SqliteOpLog log = new SqliteOpLog(old.resolve("relay-data"))) {
      assertThat(log.headSeq(room)).isEqualTo(head);
      List<StoredOp> ops = log.readAfter(room, 0, 10_000);
      assertThat(ops).extracting(StoredOp::seq).containsExactlyElementsOf(seqs(1, head));
      BoardSnapshot snapshot = log.latestSnapshot(room).orElseThrow();
      assertThat(snapshot.seq()).isPositive().isLessThanOrEqualTo(head);
      BoardState board = BoardState.fromSnapshot(snapshot);
      ops.stream()
          .filter(op -> op.seq() > snapshot.seq())
          .forEach(op -> board.apply(op.seq(), op.id(), op.op()));
      assertThat(board.hash()).isEqualTo(expected.getProperty("relay.hash"));
    }
  }

  @Test
  void theOldBoardFileOpens() throws Exception {
    BoardState board =
        BoardState.fromSnapshot(new BoardFile().open(old.resolve("board.drawbridge")));
    assertThat(board.visibleElements())
        .hasSize(Integer.parseInt(expected.getProperty("file.elements")));
    assertThat(board.hash()).isEqualTo(expected.getProperty("file.hash"));
  }

  @Test
  @Timeout(120)
  void theOldClientShowsItsBoardOfflineThenSendsItsJournalToTheUpgradedRelayOnce()
      throws Exception {
    String room = expected.getProperty("relay.room");
    int port = RelayProcess.freePort();
    Path clients = tmp.resolve("clients");
    Path folder = clients.resolve("boards").resolve("127.0.0.1_" + port).resolve(room);
    Files.createDirectories(folder.getParent());
    Files.move(old.resolve("client"), folder);
    String url = "ws://127.0.0.1:" + port;

    List<String> offlineIds = new ArrayList<>();
    try (TestClient ann = new TestClient("ann", url, room, clients, CONFIG)) {
      // Nothing listens yet: what the old release cached and journaled is on screen at once.
      assertThat(ann.confirmedSeq()).isEqualTo(Long.parseLong(expected.getProperty("relay.head")));
      assertThat(ann.pending()).isEqualTo(Integer.parseInt(expected.getProperty("client.pending")));
      assertThat(ann.hash()).isEqualTo(expected.getProperty("client.hash"));
      ann.call(() -> ann.session.board().pendingOps().stream().map(PendingOp::id).toList())
          .forEach(offlineIds::add);
    }

    Path relayData = old.resolve("relay-data");
    // What the old relay stored, read before today's relay touches it, plus the journaled ops.
    List<String> drawn = new ArrayList<>();
    RoomLog.read(relayData, room).ops().forEach(op -> drawn.add(op.id()));
    drawn.addAll(offlineIds);
    RelayConfig config = RelayConfig.localDefaults(relayData).withBindAddress("127.0.0.1");
    try (Relay relay = Relay.start(config.withPort(port));
        TestClient ann = new TestClient("ann", url, room, clients, CONFIG)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> ann.synced() && ann.pending() == 0 && ann.awaitingDurable() == 0);
      assertThat(ann.rejected).isEmpty();
      assertThat(ann.hash()).isEqualTo(expected.getProperty("client.hash"));
    }
    RoomLog stored = RoomLog.read(relayData, room);
    stored.assertHoldsExactlyOnce(drawn);
    assertThat(stored.hash()).isEqualTo(expected.getProperty("client.hash"));
  }

  private static List<Long> seqs(long from, long to) {
    List<Long> all = new ArrayList<>();
    for (long s = from; s <= to; s++) {
      all.add(s);
    }
    return all;
  }
}
