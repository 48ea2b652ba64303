package dev.drawbridge.relay.cli;

import dev.drawbridge.relay.bench.BenchReport;
import dev.drawbridge.relay.bench.BenchRun;
import dev.drawbridge.relay.bench.BenchSettings;
import dev.drawbridge.relay.bench.BenchTarget;
import dev.drawbridge.relay.bench.HistoryReader;
import dev.drawbridge.relay.bench.IdleRun;
import dev.drawbridge.relay.bench.OpLogFill;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
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
      description = "Relay base URL, e.g. ws://127.0.0.1:8080 (required but with --fill-op-log)")
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
      names = "--ops-per-stroke",
      defaultValue = "${env:DRAWBRIDGE_BENCH_OPS_PER_STROKE:-1}",
      description =
          "1: every op adds a stroke; N: every N-th op adds one and the others append 10 points"
              + " to it, as a pen does (default ${DEFAULT-VALUE}).")
  int opsPerStroke;

  @Option(
      names = "--duration",
      defaultValue = "${env:DRAWBRIDGE_BENCH_DURATION:-10s}",
      description = "How long to send: 500ms, 10s, 2m (default ${DEFAULT-VALUE}).")
  String duration;

  @Option(
      names = "--target",
      defaultValue = "${env:DRAWBRIDGE_BENCH_TARGET:-drawbridge}",
      description =
          "drawbridge (this relay's protocol) or raw (a plain broadcast relay taking ?room=, e.g."
              + " the Node ws seed relay; same op frames, expected = sent x (members - 1))"
              + " (default ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--stalled",
      defaultValue = "${env:DRAWBRIDGE_BENCH_STALLED:-0}",
      description =
          "Extra members of the first room that join and never read: slow consumers"
              + " (default ${DEFAULT-VALUE}).")
  int stalled;

  @Option(
      names = "--idle",
      defaultValue = "${env:DRAWBRIDGE_BENCH_IDLE:-0}",
      description =
          "Instead of sending ops: open this many idle members (rooms of --idle-room-size), print"
              + " a line once they are open, hold them for --duration, close (default"
              + " ${DEFAULT-VALUE}).")
  int idle;

  @Option(
      names = "--idle-room-size",
      defaultValue = "${env:DRAWBRIDGE_BENCH_IDLE_ROOM_SIZE:-50}",
      description = "Members per room with --idle (default ${DEFAULT-VALUE}).")
  int idleRoomSize;

  @Option(
      names = "--warmup",
      defaultValue = "${env:DRAWBRIDGE_BENCH_WARMUP:-0s}",
      description =
          "Send this long first; those ops are checked for loss but not timed (default"
              + " ${DEFAULT-VALUE}).")
  String warmup;

  @Option(
      names = "--durable-ids",
      defaultValue = "${env:DRAWBRIDGE_BENCH_DURABLE_IDS}",
      description =
          "Write the id of every op the relay said durable to this file, one per line, also when"
              + " the run fails part-way (for checking the relay's op log, e.g. soak.sh).")
  java.nio.file.Path durableIds;

  @Option(names = "--json", description = "Print one JSON line instead of text.")
  boolean json;

  @Option(
      names = "--history-reader",
      defaultValue = "${env:DRAWBRIDGE_BENCH_HISTORY_READER}",
      description =
          "While the load runs, one extra member of this room reads its whole history (R117) again"
              + " and again; its fetch times follow the report (DRAWBRIDGE_BENCH_HISTORY_READER).")
  String historyReader;

  @Option(
      names = "--history-fetch",
      description =
          "Instead of sending ops: read this room's whole history --history-runs times and print"
              + " each time and the median.")
  String historyFetch;

  @Option(
      names = "--history-runs",
      defaultValue = "5",
      description = "Whole fetches with --history-fetch (default ${DEFAULT-VALUE}).")
  int historyRuns;

  @Option(
      names = "--fill-op-log",
      description =
          "Instead of connecting: write --fill-ops ops of the load's mix (--op-size,"
              + " --ops-per-stroke) into room --fill-room of a SQLite op log in this directory, and"
              + " print its size on disk. Run serve --data-dir on it afterwards.")
  java.nio.file.Path fillOpLog;

  @Option(
      names = "--fill-ops",
      defaultValue = "100000",
      description = "Ops written by --fill-op-log (default ${DEFAULT-VALUE}).")
  int fillOps;

  @Option(
      names = "--fill-room",
      defaultValue = "history-100k",
      description = "Room written by --fill-op-log (default ${DEFAULT-VALUE}).")
  String fillRoom;

  @Override
  public Integer call() throws Exception {
    BenchTarget benchTarget =
        switch (target.toLowerCase(Locale.ROOT)) {
          case "drawbridge" -> BenchTarget.DRAWBRIDGE;
          case "raw" -> BenchTarget.RAW;
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "--target must be drawbridge or raw");
        };
    var out = spec.commandLine().getOut();
    if (fillOpLog != null) {
      long bytes = OpLogFill.fill(fillOpLog, fillRoom, fillOps, opSize, opsPerStroke);
      out.printf(
          Locale.ROOT,
          "%d ops in room %s: %s is %.1f MB, %.0f bytes per op, %.1f MB per 100,000 ops%n",
          fillOps,
          fillRoom,
          fillOpLog.resolve(dev.drawbridge.relay.oplog.SqliteOpLog.FILE_NAME),
          bytes / 1e6,
          (double) bytes / fillOps,
          bytes / 1e6 * 100_000 / fillOps);
      out.flush();
      return 0;
    }
    if (url == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--url is required");
    }
    if (historyFetch != null) {
      HistoryReader.fetchTimes(benchTarget.roomUri(base(), historyFetch), headers(), historyRuns)
          .forEach(out::println);
      out.flush();
      return 0;
    }
    if (idle > 0) {
      return holdIdle(benchTarget, out);
    }
    BenchSettings settings;
    try {
      settings =
          new BenchSettings(
              url,
              token,
              clients,
              rooms,
              rate,
              opSize,
              parse(duration),
              benchTarget,
              stalled,
              parse(warmup),
              opsPerStroke);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    HistoryReader reader =
        historyReader == null
            ? null
            : new HistoryReader(benchTarget.roomUri(base(), historyReader), headers());
    BenchReport report;
    if (reader != null) {
      reader.start();
    }
    try {
      report = BenchRun.run(settings, durableIds);
    } finally {
      if (reader != null) {
        reader.close();
      }
    }
    out.println(json ? report.toJson() : report.toText());
    if (reader != null) {
      out.println(reader.summary());
    }
    out.flush();
    return report.lost() == 0 && report.duplicates() == 0 ? 0 : 1;
  }

  private int holdIdle(BenchTarget benchTarget, java.io.PrintWriter out) throws Exception {
    if (idle > 100_000 || idleRoomSize < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--idle at most 100000, --idle-room-size at least 1");
    }
    Duration hold = parse(duration);
    try (IdleRun run =
        IdleRun.open(
            url,
            token,
            benchTarget,
            idle,
            idleRoomSize,
            n -> {
              out.println("idle connections: " + n);
              out.flush();
            })) {
      out.println("idle ready: " + run.size() + " connections open, holding " + hold);
      out.flush();
      Thread.sleep(hold.toMillis());
    }
    return 0;
  }

  private String base() {
    return url.toString().replaceAll("/+$", "");
  }

  private java.util.Map<String, String> headers() {
    return token == null
        ? java.util.Map.of()
        : java.util.Map.of("Authorization", "Bearer " + token);
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
