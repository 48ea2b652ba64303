package dev.drawbridge.client.sync.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client JVM is SIGKILLed with ops it drew offline and never sent; restarted on the same data
 * dir, it sends them, and the room holds each exactly once.
 */
class ClientKillTest {
  private static final String ROOM = "client-kill";

  /** A child JVM whose "@@ " lines the test reads. */
  private static final class Child implements AutoCloseable {
    final Process process;
    final BlockingQueue<String> lines = new ArrayBlockingQueue<>(100_000);

    Child(String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(RelayProcess.javaBinary());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ClientProcess.class.getName());
      command.addAll(List.of(args));
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Thread.ofVirtual()
          .start(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("@@ ")) {
                      lines.add(line.substring(3));
                    }
                  }
                } catch (IOException e) {
                  // child gone
                }
              });
    }

    /** Lines up to and including one equal to {@code last}. */
    List<String> readUntil(String last) throws InterruptedException {
      List<String> seen = new ArrayList<>();
      while (true) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        if (line == null) {
          throw new AssertionError("child did not say " + last + "; saw " + seen.size() + " lines");
        }
        seen.add(line);
        if (line.equals(last)) {
          return seen;
        }
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
      kill();
    }
  }

  @Test
  @Timeout(180)
  void unsentOpsOfAKilledClientReachTheRoomOnceAfterRestart(@TempDir Path tmp) throws Exception {
    Path relayData = tmp.resolve("relay");
    Path clientData = tmp.resolve("client");
    List<String> drawn = new ArrayList<>();
    try (Relay relay =
        Relay.start(RelayConfig.localDefaults(relayData).withBindAddress("127.0.0.1"))) {
      String url = "ws://127.0.0.1:" + relay.port();
      try (Child first = new Child("draw", url, ROOM, clientData.toString(), "150")) {
        List<String> said = first.readUntil("READY");
        said.stream().filter(l -> l.startsWith("ID ")).map(l -> l.substring(3)).forEach(drawn::add);
        int pending =
            said.stream()
                .filter(l -> l.startsWith("PENDING "))
                .mapToInt(l -> Integer.parseInt(l.substring(8)))
                .findFirst()
                .orElseThrow();
        assertThat(drawn).hasSize(300);
        assertThat(pending).isGreaterThanOrEqualTo(150);
        first.kill();
      }
      try (Child second = new Child("resume", url, ROOM, clientData.toString())) {
        second.readUntil("SETTLED");
      }
    }
    RoomLog.read(relayData, ROOM).assertHoldsExactlyOnce(drawn);
  }
}
