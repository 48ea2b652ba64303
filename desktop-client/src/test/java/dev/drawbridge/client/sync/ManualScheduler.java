package dev.drawbridge.client.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/** A scheduler and clock that move only when the test says so. */
final class ManualScheduler implements Scheduler {
  private final class Task implements Cancellable {
    final Instant due;
    final long order;
    final Runnable run;
    boolean cancelled;

    Task(Instant due, long order, Runnable run) {
      this.due = due;
      this.order = order;
      this.run = run;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private long order;

  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Task t = new Task(now.plus(delay), order++, task);
    tasks.add(t);
    return t;
  }

  /** Moves time forward, running every task that falls due on the way, in time order. */
  void advance(Duration by) {
    Instant end = now.plus(by);
    while (!tasks.isEmpty() && !tasks.peek().due.isAfter(end)) {
      Task t = tasks.poll();
      if (t.cancelled) {
        continue;
      }
      now = t.due.isAfter(now) ? t.due : now;
      t.run.run();
    }
    now = end;
  }

  Instant now() {
    return now;
  }

  @Override
  public void close() {
    tasks.clear();
  }
}
