package dev.drawbridge.client.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs tasks later; a fake in tests makes heartbeat and backoff timing deterministic. */
public interface Scheduler extends AutoCloseable {
  /** A task that can be called off before it runs. */
  interface Cancellable {
    void cancel();

    Cancellable NONE = () -> {};
  }

  /** Runs {@code task} once after {@code delay}, on the scheduler's thread. */
  Cancellable schedule(Duration delay, Runnable task);

  @Override
  void close();

  /** A scheduler on one daemon thread of its own. */
  static Scheduler daemon(String threadName) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    return new Scheduler() {
      @Override
      public Cancellable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
          return Cancellable.NONE;
        }
        var future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
