package dev.drawbridge.client.sync.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The relay as a separate JVM ({@link StandaloneRelay}), so a test can SIGKILL it. */
final class RelayProcess implements AutoCloseable {
  private final int port;
  private final Path dataDir;
  private final Path logFile;
  private final List<String> extraArgs;
  private Process process;

  RelayProcess(int port, Path dataDir, Path logFile) {
    this(port, dataDir, logFile, List.of());
  }

  /** With more {@link StandaloneRelay} options (e.g. {@code --commit-interval}). */
  RelayProcess(int port, Path dataDir, Path logFile, List<String> extraArgs) {
    this.port = port;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.extraArgs = List.copyOf(extraArgs);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + "/bin/java");
  }

  String url() {
    return "ws://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Starts the relay and waits until its port accepts connections. */
  void start() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StandaloneRelay.class.getName());
    command.addAll(List.of("--port", Integer.toString(port), "--data-dir", dataDir.toString()));
    command.addAll(extraArgs);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("relay exited: see " + logFile);
              }
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  /** SIGKILL: no shutdown hooks, no close frames, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and wait (the relay closes its op log). */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
