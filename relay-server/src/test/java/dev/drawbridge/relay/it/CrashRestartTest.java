package dev.drawbridge.relay.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drawbridge.protocol.message.ServerMessage;
import dev.drawbridge.relay.oplog.SqliteOpLog;
import dev.drawbridge.relay.oplog.StoredOp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R26 durability: a relay in its own JVM is killed with SIGKILL while a client streams ops; a new
 * relay on the same data directory still has every op a {@code durable} covered, with the same seq,
 * in order (and the board snapshots written meanwhile do not get in the way). Ops acked but not yet
 * durable may be lost: the author, coming back with the last op it had, is reset exactly when the
 * relay no longer holds that op (R12), and resends its own.
 */
class CrashRestartTest {
  @TempDir Path dir;

  /** With either durability: "os" skips the fsync but still survives the process being killed. */
  @ParameterizedTest
  @ValueSource(strings = {"disk", "os"})
  void r26_everyDurableOpSurvivesSigkill(String durability) throws Exception {
    Path data = dir.resolve("data");
    Path logFile = dir.resolve("relay.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    List<String> command =
        List.of(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            classpath,
            "dev.drawbridge.relay.cli.Main",
            "serve",
            "--bind=127.0.0.1",
            "--port=0",
            "--metrics-port=-1",
            "--no-auth",
            "--durability=" + durability,
            "--data-dir=" + data);
    Process relay =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    List<ServerMessage.Ack> acked = new ArrayList<>();
    long durable;
    try {
      Pattern listening = Pattern.compile("relay listening port=\"(\\d+)\"");
      int[] port = {0};
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                Matcher m = listening.matcher(Files.readString(logFile));
                if (m.find()) {
                  port[0] = Integer.parseInt(m.group(1));
                  return true;
                }
                assertThat(relay.isAlive())
                    .as("relay process: %s", Files.readString(logFile))
                    .isTrue();
                return false;
              });
      TestPeer peer =
          new TestPeer(
              URI.create("ws://127.0.0.1:" + port[0] + "/v1/rooms/crash"),
              "crash-client",
              Map.of());
      peer.joinAndSync(0);
      // Stream ops without waiting; kill the relay once some have been said durable.
      Thread sender =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 100_000 && peer.isOpen(); i++) {
                      try {
                        peer.submitStroke("op" + i, "e" + i);
                        if (i % 50 == 49) {
                          Thread.sleep(5);
                        }
                      } catch (Exception e) {
                        return;
                      }
                    }
                  });
      while (maxDurable(peer) < 150) {
        ServerMessage m = peer.next();
        if (m instanceof ServerMessage.Ack ack) {
          acked.add(ack);
        }
      }
      relay.destroyForcibly();
      assertThat(relay.waitFor(20, TimeUnit.SECONDS)).isTrue();
      sender.join(20_000);
      // Acks that were already on their way count too.
      for (ServerMessage m : peer.received) {
        if (m instanceof ServerMessage.Ack ack) {
          acked.add(ack);
        }
      }
      durable = maxDurable(peer);
    } finally {
      relay.destroyForcibly();
    }
    ServerMessage.Ack last = acked.getLast();

    // The log itself, every op from seq 1 (a catch-up would start from the newest snapshot).
    List<StoredOp> ops = new ArrayList<>();
    try (SqliteOpLog stored = new SqliteOpLog(data)) {
      for (List<StoredOp> batch = stored.readAfter("crash", 0, 10_000);
          !batch.isEmpty();
          batch = stored.readAfter("crash", ops.getLast().seq(), 10_000)) {
        ops.addAll(batch);
      }
    }
    try (RelayFixture restarted = new RelayFixture(data, c -> c.withNoAuth(true))) {
      for (int i = 0; i < ops.size(); i++) {
        assertThat(ops.get(i).seq()).isEqualTo(i + 1);
      }
      assertThat((long) ops.size()).isGreaterThanOrEqualTo(durable);
      for (ServerMessage.Ack ack : acked) {
        if (ack.seq() <= durable) {
          assertThat(ops.get((int) ack.seq() - 1).id()).isEqualTo(ack.id());
        }
      }
      boolean holdsLast =
          ops.size() >= last.seq() && ops.get((int) last.seq() - 1).id().equals(last.id());
      TestPeer author = restarted.peer(restarted.uri("crash"), Map.of());
      ServerMessage.Welcome welcome = author.join(last.seq(), last.id());
      assertThat(welcome.reset())
          .as(
              "reset exactly when op %s at %d was lost (%d stored)",
              last.id(), last.seq(), ops.size())
          .isEqualTo(!holdsLast);
    }
  }

  private static long maxDurable(TestPeer peer) {
    return peer.durables.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
