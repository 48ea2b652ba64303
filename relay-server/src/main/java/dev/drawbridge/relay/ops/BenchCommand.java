package dev.drawbridge.relay.ops;

import dev.drawbridge.relay.bench.BenchReport;
import dev.drawbridge.relay.bench.BenchRun;
import dev.drawbridge.relay.bench.BenchSettings;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: real WebSocket clients speaking the protocol against one relay. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Load-test the relay at --url and report loss, duplicates and delivery latency.")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--url",
      required = true,
      description = "Relay base URL, e.g. ws://127.0.0.1:8080")
  URI url;

  @Option(
      names = "--token",
      defaultValue = "${env:DRAWBRIDGE_BENCH_TOKEN}",
      description =
          "Bearer token (a \"*\" room token), if the relay uses auth (DRAWBRIDGE_BENCH_TOKEN).")
  String token;

  @Option(
      names = "--clients",
      defaultValue = "${env:DRAWBRIDGE_BENCH_CLIENTS:-10}",
      description = "Connections (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--rooms",
      defaultValue = "${env:DRAWBRIDGE_BENCH_ROOMS:-1}",
      description = "Rooms, clients spread round-robin (default ${DEFAULT-VALUE}).")
  int rooms;

  @Option(
      names = "--rate",
      defaultValue = "${env:DRAWBRIDGE_BENCH_RATE:-10}",
      description = "Ops per second per client (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--op-size",
      defaultValue = "${env:DRAWBRIDGE_BENCH_OP_SIZE:-300}",
      description = "Approximate bytes per op (default ${DEFAULT-VALUE}).")
  int opSize;

  @Option(
      names = "--duration",
      defaultValue = "${env:DRAWBRIDGE_BENCH_DURATION:-10s}",
      description = "How long to send: 500ms, 10s, 2m (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(names = "--json", description = "Print one JSON line instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    BenchSettings settings;
    try {
      settings = new BenchSettings(url, token, clients, rooms, rate, opSize, parse(duration));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    BenchReport report = BenchRun.run(settings);
    var out = spec.commandLine().getOut();
    out.println(json ? report.toJson() : report.toText());
    out.flush();
    return report.lost() == 0 && report.duplicates() == 0 ? 0 : 1;
  }

  private Duration parse(String text) {
    try {
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long n = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        default -> throw new NumberFormatException(text);
      };
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--duration like 500ms, 10s or 2m");
    }
  }
}
