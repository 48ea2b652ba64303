package dev.drawbridge.relay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one bench: connects every client, waits until all are synced, lets each send at its rate for
 * the warm-up and the duration, waits for the deliveries to drain, and reports. All clients live on
 * the calling thread ({@link LoadLoop}).
 */
public final class BenchRun {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private BenchRun() {}

  public static BenchReport run(BenchSettings settings) throws InterruptedException {
    return run(settings, null);
  }

  /**
   * As {@link #run(BenchSettings)}, and writes the id of every op the relay said durable (R26) to
   * {@code durableIdsFile}, one per line, when it is not null: even when the run fails part-way
   * (the soak kills the relay under it), so a check of the relay's op log can find each one.
   */
  public static BenchReport run(BenchSettings settings, Path durableIdsFile)
      throws InterruptedException {
    LatencyRecorder latencies = new LatencyRecorder();
    LatencyRecorder durableLatencies = new LatencyRecorder();
    Map<String, String> headers =
        settings.token() == null ? Map.of() : Map.of("Authorization", "Bearer " + settings.token());
    String base = settings.base();
    BenchTarget target = settings.target();
    long runId = System.currentTimeMillis() % 1_000_000;
    List<RawConnection> stalled = new ArrayList<>();
    List<LoadLoop.Conn> written = new ArrayList<>();
    try (LoadLoop loop =
        new LoadLoop(
            target,
            new BenchOps(settings.opSizeBytes(), settings.opsPerStroke()),
            latencies,
            durableLatencies)) {
      loop.recordDurableIds = durableIdsFile != null;
      List<LoadLoop.Conn> clients = loop.conns;
      written = clients;
      for (int i = 0; i < settings.clients(); i++) {
        int room = i % settings.rooms();
        URI uri = target.roomUri(base, "bench-" + runId + "-" + room);
        try {
          loop.hello(loop.connect(uri, headers, i, room));
        } catch (IOException e) {
          throw new IllegalStateException("client " + i + " could not connect to " + uri, e);
        }
      }
      long syncDeadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
      while (!clients.stream().allMatch(c -> c.synced || c.closed)) {
        if (System.nanoTime() > syncDeadline) {
          throw new IllegalStateException("clients not synced within " + CONNECT_TIMEOUT);
        }
        loop.poll(10_000_000);
      }
      clients.stream()
          .filter(c -> c.closed)
          .findFirst()
          .ifPresent(
              c -> {
                throw new IllegalStateException("client " + c.index + " closed before synced");
              });
      for (int i = 0; i < settings.stalled(); i++) {
        stalled.add(
            openStalled(settings, headers, target.roomUri(base, "bench-" + runId + "-0"), i));
      }
      long start = System.nanoTime();
      latencies.timeFrom(start + settings.warmup().toNanos());
      durableLatencies.timeFrom(start + settings.warmup().toNanos());
      long end = start + settings.warmup().toNanos() + settings.duration().toNanos();
      long interval = (long) (1e9 / settings.ratePerClient());
      for (LoadLoop.Conn c : clients) {
        // Spread the clients' first sends over one interval so they do not fire in lockstep.
        c.nextSend = start + interval * c.index / settings.clients();
      }
      long now = start;
      while (now < end) {
        long next = end;
        for (LoadLoop.Conn c : clients) {
          if (c.closed) {
            continue;
          }
          while (c.nextSend <= now && c.nextSend < end) {
            loop.sendOp(c);
            c.nextSend += interval;
          }
          next = Math.min(next, c.nextSend);
        }
        loop.poll(Math.max(0, next - System.nanoTime()));
        now = System.nanoTime();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<Integer, Integer> members = new HashMap<>();
      clients.forEach(c -> members.merge(c.room, 1, Integer::sum));
      long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      long expected;
      long sent = clients.stream().mapToLong(c -> c.sent).sum();
      int settledChecks = 0;
      long lastCheck = 0;
      do {
        loop.poll(5_000_000);
        if (System.nanoTime() - lastCheck < 20_000_000) {
          continue;
        }
        lastCheck = System.nanoTime();
        expected = expected(clients, members, target);
        long answered = clients.stream().mapToLong(c -> c.acked + c.nacked).sum();
        boolean settled =
            delivered(clients) >= expected && (target == BenchTarget.RAW || answered >= sent);
        // Two settled looks in a row: nothing was still on its way at the first one.
        settledChecks = settled ? settledChecks + 1 : 0;
        if (settledChecks >= 2) {
          break;
        }
      } while (System.nanoTime() < drainDeadline);
      expected = expected(clients, members, target);
      List<Integer> stalledCloses = new ArrayList<>();
      for (RawConnection r : stalled) {
        // Finally read: a relay that gave up on it has sent a close frame after the backlog.
        stalledCloses.add(r.drainUntilClose(5_000));
      }
      long delivered = delivered(clients);
      long duplicates = clients.stream().mapToLong(c -> c.duplicates).sum();
      double elapsed = Math.max(seconds, 1e-9);
      return new BenchReport(
          sent,
          clients.stream().mapToLong(c -> c.acked).sum(),
          delivered,
          expected,
          Math.max(0, expected - delivered),
          duplicates,
          clients.stream().mapToLong(c -> c.nacked).sum(),
          latencies.percentileMs(50),
          latencies.percentileMs(95),
          latencies.percentileMs(99),
          latencies.percentileMs(100),
          durableLatencies.percentileMs(50),
          durableLatencies.percentileMs(99),
          delivered / elapsed,
          seconds,
          stalledCloses,
          clients.stream().mapToLong(c -> c.durable).sum());
    } catch (IOException e) {
      throw new IllegalStateException("bench I/O failed", e);
    } finally {
      stalled.forEach(RawConnection::close);
      if (durableIdsFile != null) {
        writeDurableIds(durableIdsFile, written);
      }
    }
  }

  private static void writeDurableIds(Path file, List<LoadLoop.Conn> clients) {
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (LoadLoop.Conn c : clients) {
        for (String id : c.durableIds) {
          w.write(id);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  private static long expected(
      List<LoadLoop.Conn> clients, Map<Integer, Integer> members, BenchTarget target) {
    long expected = 0;
    for (LoadLoop.Conn c : clients) {
      // A raw relay answers nothing: every op sent is owed to every other bench client.
      long owed = target == BenchTarget.RAW ? c.sent : c.acked;
      expected += owed * (members.get(c.room) - 1);
    }
    return expected;
  }

  private static long delivered(List<LoadLoop.Conn> clients) {
    return clients.stream().mapToLong(c -> c.delivered).sum();
  }

  /** A member of the first room that says hello (Drawbridge) and then never reads. */
  private static RawConnection openStalled(
      BenchSettings settings, Map<String, String> headers, URI uri, int i) {
    try {
      RawConnection r = RawConnection.open(uri, headers, null, 4096);
      if (settings.target() == BenchTarget.DRAWBRIDGE) {
        r.sendText(
            "{\"type\":\"hello\",\"protocolVersion\":1,\"clientId\":\"stalled"
                + i
                + "\",\"name\":\"stalled\",\"color\":\"#000000\",\"lastSeq\":0}");
      }
      return r;
    } catch (IOException e) {
      throw new IllegalStateException("stalled connection " + i + ": " + e, e);
    }
  }
}
