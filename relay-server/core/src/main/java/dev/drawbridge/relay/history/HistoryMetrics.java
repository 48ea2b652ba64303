package dev.drawbridge.relay.history;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** History meters: pages and ops served, and how long a page took to read. */
public final class HistoryMetrics {
  private final Counter pages;
  private final Counter ops;
  private final Timer reads;

  public HistoryMetrics(MeterRegistry registry) {
    pages =
        Counter.builder("drawbridge.history.pages")
            .description("history pages sent (R117)")
            .register(registry);
    ops =
        Counter.builder("drawbridge.history.ops")
            .description("ops sent in history pages")
            .register(registry);
    reads =
        Timer.builder("drawbridge.history.reads")
            .description("reading one history page from the op log, off the rooms' ordering path")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  void served(int opCount, long readNanos) {
    pages.increment();
    ops.increment(opCount);
    reads.record(readNanos, TimeUnit.NANOSECONDS);
  }
}
