package dev.drawbridge.relay.blob;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes every unfinished upload of the relay may hold (R113 {@code busy}): an upload reserves
 * its declared size when it begins and gives it back when it is stored, refused or abandoned, so a
 * crowd of clients each starting a 10 MiB upload and going quiet cannot fill the heap. Thread-safe.
 */
public final class UploadBudget {
  private final long max;
  private final AtomicLong held = new AtomicLong();

  public UploadBudget(long max) {
    this.max = max;
  }

  /** Reserves {@code bytes}; false (nothing reserved) when that would pass the bound. */
  public boolean tryReserve(long bytes) {
    while (true) {
      long now = held.get();
      if (now + bytes > max) {
        return false;
      }
      if (held.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  public void release(long bytes) {
    held.addAndGet(-bytes);
  }

  /** Bytes reserved now (tests, metrics). */
  public long held() {
    return held.get();
  }
}
