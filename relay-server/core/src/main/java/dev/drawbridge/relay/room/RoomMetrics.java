package dev.drawbridge.relay.room;

import dev.drawbridge.relay.history.HistoryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The room-side meters: ops in, deliveries out, how long ops wait for storage, catch-up and
 * snapshot time, blobs stored, history pages served ({@link HistoryMetrics}), refusals by reason.
 */
public final class RoomMetrics {
  private final MeterRegistry registry;
  private final Counter opsIn;
  private final Counter opsOut;
  private final Timer catchUp;
  private final Timer snapshots;
  private final Timer storage;
  private final Counter blobsStored;
  private final Counter blobBytesStored;
  private final ConcurrentMap<String, Counter> rejects = new ConcurrentHashMap<>();
  private final HistoryMetrics history;

  public RoomMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.history = new HistoryMetrics(registry);
    opsIn = Counter.builder("drawbridge.ops.in").description("ops stored").register(registry);
    opsOut =
        Counter.builder("drawbridge.ops.out")
            .description("op frames sent to members (broadcast and catch-up)")
            .register(registry);
    catchUp =
        Timer.builder("drawbridge.catchup")
            .description("time from hello to synced")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    storage =
        Timer.builder("drawbridge.ops.storage")
            .description("from an op's ack to its being durable (R26): the disk's lag")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    blobsStored =
        Counter.builder("drawbridge.blobs.stored")
            .description("blob uploads (image files) checked and stored")
            .register(registry);
    blobBytesStored =
        Counter.builder("drawbridge.blobs.stored.bytes")
            .description("bytes of the blobs stored")
            .baseUnit("bytes")
            .register(registry);
    snapshots =
        Timer.builder("drawbridge.snapshots")
            .description("board snapshots saved (sort, encode, write), off the ops' path")
            .register(registry);
  }

  HistoryMetrics history() {
    return history;
  }

  Timer.Sample startSnapshot() {
    return Timer.start(registry);
  }

  void endSnapshot(Timer.Sample sample) {
    sample.stop(snapshots);
  }

  /** An op acked at {@code ackedNanos} (System.nanoTime) is durable now. */
  void stored(long ackedNanos) {
    storage.record(System.nanoTime() - ackedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /** A blob of {@code bytes} bytes was stored durably (R110). */
  void blobStored(long bytes) {
    blobsStored.increment();
    blobBytesStored.increment(bytes);
  }

  void opIn() {
    opsIn.increment();
  }

  void delivered(int n) {
    if (n > 0) {
      opsOut.increment(n);
    }
  }

  Timer.Sample startCatchUp() {
    return Timer.start(registry);
  }

  void endCatchUp(Timer.Sample sample) {
    sample.stop(catchUp);
  }

  /** Counts one refusal (nack, close or handshake) by reason. */
  public void rejected(String reason) {
    rejects
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("drawbridge.rejects")
                    .description("refused ops, messages and connections")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }
}
