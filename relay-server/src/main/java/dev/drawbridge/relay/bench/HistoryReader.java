package dev.drawbridge.relay.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench --history-reader}: one extra member that reads a room's whole history again and
 * again while the load runs, on a thread of its own, so the run's live latencies show what a member
 * reading history costs everyone else (issue 17: live p99 within 10 %).
 */
public final class HistoryReader implements AutoCloseable {
  private final URI room;
  private final Map<String, String> headers;
  private final List<HistoryClient.Fetch> fetches = new ArrayList<>();
  private volatile boolean stopping;
  private volatile Exception failure;
  private Thread thread;

  public HistoryReader(URI room, Map<String, String> headers) {
    this.room = room;
    this.headers = headers;
  }

  /** Starts reading (joins the room first). */
  public void start() {
    thread = Thread.ofPlatform().name("bench-history-reader").daemon(true).start(this::read);
  }

  private void read() {
    try (HistoryClient client = HistoryClient.join(room, headers)) {
      while (!stopping) {
        HistoryClient.Fetch f = client.fetchAll();
        synchronized (fetches) {
          fetches.add(f);
        }
      }
    } catch (Exception e) {
      failure = e;
    }
  }

  /** Stops after the fetch under way. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    if (thread != null) {
      thread.join(60_000);
    }
  }

  /** One line: whole fetches made, ops per fetch, median and slowest time. */
  public String summary() {
    List<HistoryClient.Fetch> done;
    synchronized (fetches) {
      done = List.copyOf(fetches);
    }
    if (failure != null) {
      return "history reader failed: " + failure;
    }
    if (done.isEmpty()) {
      return "history reader: no whole fetch finished";
    }
    double[] ms = done.stream().mapToDouble(HistoryClient.Fetch::millis).sorted().toArray();
    HistoryClient.Fetch last = done.getLast();
    return String.format(
        Locale.ROOT,
        "history reader: %d whole fetches of %d ops (%d pages, %.1f MB), median %.0f ms, max %.0f"
            + " ms",
        done.size(),
        last.ops(),
        last.pages(),
        last.bytes() / 1e6,
        ms[ms.length / 2],
        ms[ms.length - 1]);
  }

  /**
   * Between two timed fetches: the relay's page bucket (60 pages, refilled at 20 a second by
   * default) fills up again, so each fetch starts as a member opening the timeline does. Back to
   * back, the second and later fetches of 50 pages would be paced at 20 pages/s, 2.5 s each.
   */
  private static final long REFILL_MILLIS = 3_500;

  /** {@code bench --history-fetch}: {@code runs} whole fetches of {@code room}, one line each. */
  public static List<String> fetchTimes(URI room, Map<String, String> headers, int runs)
      throws Exception {
    List<String> lines = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    try (HistoryClient client = HistoryClient.join(room, headers)) {
      for (int i = 1; i <= runs; i++) {
        if (i > 1) {
          Thread.sleep(REFILL_MILLIS);
        }
        HistoryClient.Fetch f = client.fetchAll();
        ms.add(f.millis());
        lines.add(
            String.format(
                Locale.ROOT,
                "fetch %d: %d ops in %d pages, %.1f MB, %.0f ms",
                i,
                f.ops(),
                f.pages(),
                f.bytes() / 1e6,
                f.millis()));
      }
    }
    ms.sort(null);
    lines.add(
        String.format(Locale.ROOT, "median %.0f ms of %d fetches", ms.get(ms.size() / 2), runs));
    return lines;
  }
}
