package dev.drawbridge.relay.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.relay.bench.BenchReport;
import dev.drawbridge.relay.oplog.Durability;
import dev.drawbridge.relay.room.RoomLimits;
import dev.drawbridge.relay.runtime.RelayConfig;
import dev.drawbridge.relay.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up runs real ops through a relay of its own, leaves nothing of it behind in the serving
 * relay's data directory, and never stops a relay from starting.
 */
class RelayWarmUpTest {
  private static final Duration LOAD = Duration.ofMillis(200);

  @TempDir Path dir;

  private static ServerConfig serving(Path dataDir, boolean inMemory, RoomLimits limits) {
    RelayConfig relay =
        new RelayConfig(
            "127.0.0.1",
            0,
            dataDir,
            inMemory,
            false,
            "a-serving-secret-the-warm-up-never-sees-0123456789",
            List.of("https://board.example"),
            1 << 20,
            4,
            8 << 20,
            30,
            2,
            limits,
            10,
            Durability.DISK,
            List.of(),
            RelayConfig.DEFAULT_COMMIT_INTERVAL_MILLIS,
            10);
    return new ServerConfig(relay, null, "127.0.0.1", -1);
  }

  private static List<Path> filesUnder(Path root) throws Exception {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  private static void assertAllDelivered(BenchReport report) {
    assertThat(report).isNotNull();
    assertThat(report.acked()).isPositive();
    assertThat(report.lost()).isZero();
    assertThat(report.duplicates()).isZero();
    assertThat(report.nacked()).isZero();
  }

  @Test
  void opsGoThroughSqliteAndNothingIsLeftInTheDataDirectory() throws Exception {
    Path data = dir.resolve("data");
    BenchReport report = RelayWarmUp.run(serving(data, false, RoomLimits.defaults()), LOAD);
    assertAllDelivered(report);
    assertThat(report.delivered()).isEqualTo(report.expected());
    assertThat(filesUnder(data)).isEmpty();
  }

  @Test
  void filesLeftByAStartKilledDuringItsWarmUpAreRemoved() throws Exception {
    Path data = dir.resolve("data");
    Path left = Files.createDirectories(data.resolve(".warm-up/snapshots"));
    Files.writeString(data.resolve(".warm-up/drawbridge-relay.db"), "torn by SIGKILL");
    Files.writeString(left.resolve("bench-1-0.json"), "{");
    assertAllDelivered(RelayWarmUp.run(serving(data, false, RoomLimits.defaults()), LOAD));
    assertThat(filesUnder(data)).isEmpty();
  }

  @Test
  void anInMemoryRelayWarmsUpWithoutWritingAFile() throws Exception {
    Path data = dir.resolve("never-made");
    assertAllDelivered(RelayWarmUp.run(serving(data, true, RoomLimits.defaults()), LOAD));
    assertThat(data).doesNotExist();
  }

  /** A relay on a shared Redis warms up in memory: nothing listens at this address. */
  @Test
  void aRedisRelayWarmsUpWithoutTouchingRedisOrTheDisk() throws Exception {
    Path data = dir.resolve("data");
    ServerConfig onRedis =
        serving(data, false, RoomLimits.defaults()).withRedis("redis://127.0.0.1:1");
    assertAllDelivered(RelayWarmUp.run(onRedis, LOAD));
    assertThat(data).doesNotExist();
  }

  /**
   * The serving relay's rate limits (here one op a second, a burst of one) would refuse the load;
   * the warm-up's relay keeps the default ones, so every op still goes through.
   */
  @Test
  void theServingRelaysLowRateLimitsDoNotRefuseTheLoad() {
    RoomLimits strict = new RoomLimits(1, 1, 1_000, 200, 20_000, 1 << 20, 4 << 20, 50, 5, 30);
    assertAllDelivered(RelayWarmUp.run(serving(dir.resolve("data"), false, strict), LOAD));
  }

  /**
   * A data directory that cannot hold files: the warm-up gives up, and says so, without throwing.
   */
  @Test
  void aWarmUpThatCannotRunIsSkippedWithoutThrowing() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    assertThat(RelayWarmUp.run(serving(notADirectory, false, RoomLimits.defaults()), LOAD))
        .isNull();
    assertThat(Files.readString(notADirectory)).isEqualTo("x");
  }
}
