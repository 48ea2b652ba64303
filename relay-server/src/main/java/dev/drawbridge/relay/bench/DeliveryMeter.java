package dev.drawbridge.relay.bench;

import static dev.drawbridge.relay.bench.FrameFields.ascii;
import static dev.drawbridge.relay.bench.FrameFields.startsWith;

import java.nio.ByteBuffer;

/**
 * Counts and times what bench clients receive: deliveries of others' ops (duplicates found by op
 * id) and their latency from the send time in the id; from a Drawbridge relay also acks, nacks,
 * synced, and how long an author's acked ops wait for {@code durable} (R26). Used by the load
 * loop's thread only.
 */
final class DeliveryMeter {
  private static final byte[] OP_PREFIX = ascii("{\"type\":\"op\",");
  private static final byte[] ACK_PREFIX = ascii("{\"type\":\"ack\",");
  private static final byte[] NACK_PREFIX = ascii("{\"type\":\"nack\",");
  private static final byte[] SYNCED_PREFIX = ascii("{\"type\":\"synced\",");
  private static final byte[] DURABLE_PREFIX = ascii("{\"type\":\"durable\",");

  private final BenchTarget target;
  private final LatencyRecorder latencies;
  private final LatencyRecorder durableLatencies;

  DeliveryMeter(BenchTarget target, LatencyRecorder latencies, LatencyRecorder durableLatencies) {
    this.target = target;
    this.latencies = latencies;
    this.durableLatencies = durableLatencies;
  }

  /** One text frame of {@code len} bytes at {@code at}, received by {@code c} at {@code now}. */
  void onText(LoadLoop.Conn c, ByteBuffer in, int at, int len, long now) {
    if (startsWith(in, at, len, OP_PREFIX)) {
      // The client's {"type":"op","id":…} as forwarded by a raw relay, or the relay's
      // {"type":"op","seq":…,"id":…}: the first "id" is the op id, unique per op.
      String id = FrameFields.id(in, at + OP_PREFIX.length, at + len);
      if (id == null) {
        return;
      }
      if (!c.seen.add(id)) {
        c.duplicates++;
        return;
      }
      c.delivered++;
      long sentAt = BenchOps.sendTime(id);
      if (sentAt != BenchOps.NO_TIME) {
        latencies.record(sentAt, now);
      }
      if (target == BenchTarget.DRAWBRIDGE) {
        heardDurable(c, FrameFields.durable(in, at + OP_PREFIX.length, at + len), now);
      }
    } else if (target == BenchTarget.DRAWBRIDGE) {
      if (startsWith(in, at, len, ACK_PREFIX)) {
        c.acked++;
        String id = FrameFields.id(in, at + ACK_PREFIX.length, at + len);
        long seq = FrameFields.seq(in, at + ACK_PREFIX.length, at + len);
        long sentAt = id == null ? BenchOps.NO_TIME : BenchOps.sendTime(id);
        if (seq > 0 && sentAt != BenchOps.NO_TIME) {
          c.awaitingDurable.addLast(new long[] {seq, sentAt});
          c.awaitingDurableIds.addLast(id);
        }
        heardDurable(c, FrameFields.durable(in, at + ACK_PREFIX.length, at + len), now);
      } else if (startsWith(in, at, len, DURABLE_PREFIX)) {
        heardDurable(c, FrameFields.seq(in, at + DURABLE_PREFIX.length, at + len), now);
      } else if (startsWith(in, at, len, NACK_PREFIX)) {
        c.nacked++;
      } else if (startsWith(in, at, len, SYNCED_PREFIX)) {
        c.synced = true;
      }
    }
  }

  /**
   * Every op of the room up to {@code seq} is durable (R26): a {@code durable} message, or the
   * {@code durable} field of an op or ack; -1 when the frame had none.
   */
  private void heardDurable(LoadLoop.Conn c, long seq, long now) {
    while (!c.awaitingDurable.isEmpty() && c.awaitingDurable.peekFirst()[0] <= seq) {
      durableLatencies.record(c.awaitingDurable.removeFirst()[1], now);
      String id = c.awaitingDurableIds.removeFirst();
      c.durable++;
      if (c.durableIds != null) {
        c.durableIds.add(id);
      }
    }
  }
}
