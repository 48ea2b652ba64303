package dev.drawbridge.relay.redis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway redis-server on 127.0.0.1 for tests; the test is skipped where the binary is not
 * installed ({@code apt-get install redis-server}).
 */
public final class LocalRedis implements AutoCloseable {
  private final Process process;
  private final int port;

  private LocalRedis(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static LocalRedis start() throws Exception {
    Path binary = Path.of("/usr/bin/redis-server");
    if (System.getenv("CI") != null && !Files.isExecutable(binary)) {
      // .ci/run installs redis-server: in CI a missing binary is a broken set-up, not a skip.
      throw new IllegalStateException("redis-server is not installed at " + binary);
    }
    assumeTrue(Files.isExecutable(binary), "redis-server is not installed");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        probe.setSoTimeout(1_000);
        return new LocalRedis(process, port);
      } catch (IOException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          process.destroyForcibly();
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
