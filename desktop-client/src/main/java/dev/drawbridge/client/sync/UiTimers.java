package dev.drawbridge.client.sync;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Timers whose tasks run on the session's UI executor: the scheduler's own thread only hands them
 * over, so session state is still touched on one thread.
 */
record UiTimers(Scheduler scheduler, Executor ui) {
  Scheduler.Cancellable later(Duration delay, Runnable task) {
    return scheduler.schedule(delay, () -> ui.execute(task));
  }
}
