package dev.drawbridge.client.sync.it;

import dev.drawbridge.relay.runtime.Relay;
import dev.drawbridge.relay.runtime.RelayConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The relay core the app embeds, alone in a JVM of its own so that a test can SIGKILL it: {@code
 * --port P --data-dir D [--commit-interval MS]}, no auth, on 127.0.0.1. The desktop tests need no
 * more of the server application than this (and the app's build stays free of it).
 */
public final class StandaloneRelay {
  private StandaloneRelay() {}

  public static void main(String[] args) throws Exception {
    RelayConfig config = RelayConfig.localDefaults(null).withBindAddress("127.0.0.1");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      config =
          switch (args[i]) {
            case "--port" -> config.withPort(Integer.parseInt(value));
            case "--data-dir" -> config.withDataDir(Path.of(value));
            case "--commit-interval" -> config.withCommitIntervalMillis(Integer.parseInt(value));
            default -> throw new IllegalArgumentException("unknown option " + args[i]);
          };
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: " + String.join(" ", args));
    }
    Relay relay = Relay.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  relay.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
