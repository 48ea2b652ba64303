package dev.drawbridge.relay.bench;

import java.util.Arrays;

/** Delivery latencies in nanoseconds, kept exactly up to a bound (later samples are dropped). */
final class LatencyRecorder {
  private static final int MAX_SAMPLES = 20_000_000;
  private long[] samples = new long[1 << 16];
  private int size;
  // Ops sent before this (System.nanoTime) are warm-up: delivered and counted, not timed.
  private volatile long timedFrom = Long.MIN_VALUE;

  void timeFrom(long nanos) {
    timedFrom = nanos;
  }

  void record(long sentNanos, long receivedNanos) {
    if (sentNanos - timedFrom >= 0) {
      record(receivedNanos - sentNanos);
    }
  }

  synchronized void record(long nanos) {
    if (size == samples.length) {
      if (size >= MAX_SAMPLES) {
        return;
      }
      samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, size * 2));
    }
    samples[size++] = nanos;
  }

  /** The p-th percentile (0..100) in milliseconds; 0 without samples. */
  synchronized double percentileMs(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.clamp(rank, 0, size - 1)] / 1e6;
  }
}
