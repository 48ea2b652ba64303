package dev.drawbridge.client.sync.it;

import java.util.concurrent.atomic.AtomicBoolean;

/** Draws on a client from a background thread until told to stop or a quota is reached. */
final class Drawer implements AutoCloseable {
  private final Thread thread;
  private final AtomicBoolean stop = new AtomicBoolean();
  private volatile Throwable failure;

  Drawer(TestClient client, RandomDrawing drawing, int maxOps, long pauseMillis) {
    thread =
        Thread.ofPlatform()
            .name("draw-" + client.name)
            .daemon()
            .start(
                () -> {
                  try {
                    while (!stop.get() && client.submitted.size() < maxOps) {
                      client.onBoard(drawing::step);
                      Thread.sleep(pauseMillis);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (Throwable t) {
                    failure = t;
                  }
                });
  }

  boolean done() {
    return !thread.isAlive();
  }

  /** Stops drawing, waits for the thread, and rethrows anything it hit. */
  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join(60_000);
    if (failure != null) {
      throw new AssertionError("drawing failed", failure);
    }
  }
}
