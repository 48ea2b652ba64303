package dev.drawbridge.relay.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one bench: connects every client, waits until all are synced, lets each send at its rate for
 * the duration, waits for the deliveries to drain, and reports.
 */
public final class BenchRun {
  private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private BenchRun() {}

  public static BenchReport run(BenchSettings settings) throws InterruptedException {
    LatencyRecorder latencies = new LatencyRecorder();
    Map<String, String> headers =
        settings.token() == null ? Map.of() : Map.of("Authorization", "Bearer " + settings.token());
    String base = settings.relay().toString().replaceAll("/+$", "");
    long runId = System.currentTimeMillis() % 1_000_000;
    List<BenchClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < settings.clients(); i++) {
        int room = i % settings.rooms();
        URI uri = URI.create(base + "/v1/rooms/bench-" + runId + "-" + room);
        BenchClient c = new BenchClient(uri, headers, i, room, settings.opSizeBytes(), latencies);
        clients.add(c);
        if (!c.connectBlocking(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException(
              "client " + i + " could not connect to " + uri + ": " + c.closeReason());
        }
        c.hello();
      }
      for (BenchClient c : clients) {
        if (!c.synced.await(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !c.isOpen()) {
          throw new IllegalStateException("client " + c.index + " not synced: " + c.closeReason());
        }
      }
      long start = System.nanoTime();
      long end = start + settings.duration().toNanos();
      long interval = (long) (1e9 / settings.ratePerClient());
      List<Thread> senders = new ArrayList<>();
      for (BenchClient c : clients) {
        // Spread the clients' first sends over one interval so they do not fire in lockstep.
        long first = start + interval * c.index / settings.clients();
        senders.add(Thread.ofVirtual().start(() -> pace(c, first, interval, end)));
      }
      for (Thread t : senders) {
        t.join(settings.duration().plus(CONNECT_TIMEOUT).toMillis());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<Integer, Integer> members = new HashMap<>();
      clients.forEach(c -> members.merge(c.room, 1, Integer::sum));
      long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
      long expected;
      int settledChecks = 0;
      do {
        long sentNow = sent(clients);
        expected = 0;
        for (BenchClient c : clients) {
          expected += c.acked.get() * (members.get(c.room) - 1);
        }
        boolean settled =
            delivered(clients) >= expected
                && acked(clients) + nacked(clients) >= sentNow
                && sent(clients) == sentNow;
        // Two settled looks in a row: nothing was still on its way at the first one.
        settledChecks = settled ? settledChecks + 1 : 0;
        if (settledChecks >= 2) {
          break;
        }
        Thread.sleep(20);
      } while (System.nanoTime() < drainDeadline);
      long delivered = delivered(clients);
      long duplicates = clients.stream().mapToLong(c -> c.duplicates.get()).sum();
      double elapsed = Math.max(seconds, 1e-9);
      return new BenchReport(
          sent(clients),
          acked(clients),
          delivered,
          expected,
          Math.max(0, expected - delivered),
          duplicates,
          nacked(clients),
          latencies.percentileMs(50),
          latencies.percentileMs(95),
          latencies.percentileMs(99),
          latencies.percentileMs(100),
          delivered / elapsed,
          seconds);
    } finally {
      for (BenchClient c : clients) {
        try {
          c.closeBlocking();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          log.debug("closing bench client {}", c.index, e);
        }
      }
    }
  }

  private static void pace(BenchClient c, long first, long interval, long end) {
    long next = first;
    long n = 0;
    while (next < end && c.isOpen()) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      try {
        c.sendOp(n++);
      } catch (RuntimeException e) {
        return;
      }
      next += interval;
    }
  }

  private static long sent(List<BenchClient> clients) {
    return clients.stream().mapToLong(c -> c.sent.get()).sum();
  }

  private static long acked(List<BenchClient> clients) {
    return clients.stream().mapToLong(c -> c.acked.get()).sum();
  }

  private static long nacked(List<BenchClient> clients) {
    return clients.stream().mapToLong(c -> c.nacked.get()).sum();
  }

  private static long delivered(List<BenchClient> clients) {
    return clients.stream().mapToLong(c -> c.delivered.get()).sum();
  }
}
