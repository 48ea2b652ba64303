package dev.drawbridge.client.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The single-instance lock and hand-off, with real files, sockets and (once) a killed process. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SingleInstanceTest {
  private static final String LINK = "drawbridge://192.168.1.20:7464/k3x9q7wz?plain&token=a%2Bb";

  @TempDir Path home;

  @Test
  void aSecondInstanceHandsItsArgumentsToTheFirst() throws Exception {
    BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
    try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
      first.deliverTo(received::add);
      assertThat(SingleInstance.claim(home)).isEmpty();
      assertThat(SingleInstance.handOff(home, List.of(LINK, "/tmp/a b\nc.drawbridge"), seconds(5)))
          .isTrue();
      assertThat(received.poll(5, TimeUnit.SECONDS))
          .containsExactly(LINK, "/tmp/a b\nc.drawbridge");
    }
    // Closed: the next launch becomes the running instance, and nothing answers the old address.
    assertThat(Files.exists(home.resolve(SingleInstance.ADDRESS_FILE))).isFalse();
    try (SingleInstance next = SingleInstance.claim(home).orElseThrow()) {
      assertThat(next.port()).isPositive();
    }
  }

  @Test
  void handOffsBeforeTheWindowIsReadyWaitForIt() throws Exception {
    try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
      assertThat(SingleInstance.handOff(home, List.of("one"), seconds(5))).isTrue();
      assertThat(SingleInstance.handOff(home, List.of("two"), seconds(5))).isTrue();
      List<List<String>> received = new ArrayList<>();
      first.deliverTo(received::add);
      assertThat(received).containsExactly(List.of("one"), List.of("two"));
    }
  }

  @Test
  void withNobodyRunningAHandOffGivesUp() throws Exception {
    long start = System.nanoTime();
    assertThat(SingleInstance.handOff(home, List.of(LINK), Duration.ofMillis(300))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(seconds(5));
  }

  @Test
  void aHugeOrGarbageAddressFileIsIgnoredAndReplaced() throws Exception {
    Path address = home.resolve(SingleInstance.ADDRESS_FILE);
    byte[] huge = new byte[20 * 1024 * 1024];
    new java.util.Random(7).nextBytes(huge);
    Files.write(address, huge);
    assertThat(SingleInstance.readAddress(address)).isEmpty();
    assertThat(SingleInstance.handOff(home, List.of(LINK), Duration.ofMillis(300))).isFalse();
    for (String garbage :
        List.of(
            "",
            "drawbridge-instance 1 99999 AAAAAAAAAAAAAAAAAAAAAAAA",
            "drawbridge-instance 1 0 AAAAAAAAAAAAAAAAAAAAAAAA",
            "drawbridge-instance 1 80 short",
            "drawbridge-instance 2 8080 AAAAAAAAAAAAAAAAAAAAAAAA",
            "drawbridge-instance 1 8080 AAAAAAAAAAAAAAAAAAAAAAAA extra")) {
      Files.writeString(address, garbage);
      assertThat(SingleInstance.readAddress(address)).as(garbage).isEmpty();
    }
    try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
      assertThat(SingleInstance.readAddress(address))
          .map(SingleInstance.Address::port)
          .contains(first.port());
    }
  }

  @Test
  void strangersOnThePortAreIgnoredAndTheNextLaunchStillGetsThrough() throws Exception {
    BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
    try (SingleInstance first = SingleInstance.claim(home).orElseThrow()) {
      first.deliverTo(received::add);
      String secret =
          SingleInstance.readAddress(home.resolve(SingleInstance.ADDRESS_FILE))
              .orElseThrow()
              .secret();
      assertThat(answer(first.port(), "wrong-secret\n" + LINK + "\n\n")).isEmpty();
      assertThat(answer(first.port(), secret + "\n" + "x".repeat(200_000))).isEmpty();
      assertThat(answer(first.port(), secret + "\n" + "a\n".repeat(100) + "\n")).isEmpty();
      assertThat(answer(first.port(), secret + "\n%zz\n\n")).isEmpty();
      assertThat(answer(first.port(), secret + "\n" + LINK)).isEmpty(); // cut short
      assertThat(received).isEmpty();
      assertThat(SingleInstance.handOff(home, List.of(LINK), seconds(10))).isTrue();
      assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(LINK);
    }
  }

  @Test
  void aKilledInstanceDoesNotBlockTheNextStart() throws Exception {
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                InstanceHolder.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(nextLine(out)).isEqualTo("@@ READY");
      // Another process holds the home: this one hands over instead.
      assertThat(SingleInstance.claim(home)).isEmpty();
      assertThat(SingleInstance.handOff(home, List.of(LINK), seconds(10))).isTrue();
      assertThat(nextLine(out)).isEqualTo("@@ GOT [" + LINK + "]");
      holder.destroyForcibly(); // SIGKILL: no shutdown hook, the lock file and address stay
      assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.exists(home.resolve(SingleInstance.ADDRESS_FILE))).isTrue();
      assertThat(SingleInstance.handOff(home, List.of(LINK), Duration.ofMillis(300))).isFalse();
      BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
      try (SingleInstance next = SingleInstance.claim(home).orElseThrow()) {
        next.deliverTo(received::add);
        assertThat(SingleInstance.handOff(home, List.of("after"), seconds(5))).isTrue();
        assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly("after");
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  /** Sends raw bytes to the hand-off port; what it answers before closing ("" for nothing). */
  private static String answer(int port, String raw) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
        socket.shutdownOutput();
      } catch (java.io.IOException e) {
        return ""; // the listener gave up on us mid-write: that is a refusal too
      }
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.net.SocketException e) {
      return ""; // reset by the listener
    }
  }

  private static String nextLine(BufferedReader out) throws Exception {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("@@ ")) {
        return line;
      }
    }
    return "(the process ended)";
  }

  private static Duration seconds(int n) {
    return Duration.ofSeconds(n);
  }
}
