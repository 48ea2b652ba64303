package dev.drawbridge.relay.ops;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bench}: load generator (real WebSocket clients speaking the protocol). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load-test a relay.")
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 1;
  }
}
