package dev.drawbridge.relay.bench;

import dev.drawbridge.protocol.ProtocolCodec;
import dev.drawbridge.protocol.ProtocolVersion;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.message.ClientMessage;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.ProtocolLimits;

/**
 * What bench clients send: a hello, then ops that each add a stroke of about {@code --op-size}
 * encoded bytes under a new element id, with an op id that carries its send time so that whoever
 * receives the op can time its delivery. Immutable; used by the load loop's thread.
 */
final class BenchOps {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  /** {@link #sendTime} of an id that carries none. */
  static final long NO_TIME = Long.MIN_VALUE;

  private final Points points;

  BenchOps(int opSizeBytes) {
    // About 12 encoded bytes per x,y pair (e.g. "123.0,45.0,"); the rest of an op is ~250 bytes.
    int pairs = Math.clamp((opSizeBytes - 250) / 12, 1, ProtocolLimits.MAX_POINTS_PER_OP);
    float[] coords = new float[pairs * 2];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = 100 + (i * 7) % 900;
    }
    this.points = Points.of(coords);
  }

  static String hello(int client) {
    return CODEC.encode(
        new ClientMessage.Hello(
            ProtocolVersion.CURRENT, "bench" + client, "bench " + client, "#3366cc", 0));
  }

  /** Client {@code client}'s op number {@code n}, sent at {@code now} (this process's nanoTime). */
  String op(int client, long n, long now) {
    String id = client + "." + n + "." + now;
    Op op =
        new Op.AddElement(
            Element.freehand(
                "e" + client + "." + n, ElementKind.STROKE, 0, 0, points, Style.DEFAULT, n));
    return CODEC.encode(new ClientMessage.SubmitOp(id, op));
  }

  /** The send time a bench op id carries after its last dot, or {@link #NO_TIME}. */
  static long sendTime(String id) {
    int lastDot = id.lastIndexOf('.');
    if (lastDot > 0) {
      try {
        return Long.parseLong(id, lastDot + 1, id.length(), 10);
      } catch (NumberFormatException ignored) {
        // Not a bench op (someone else drawing in the room): no latency to measure.
      }
    }
    return NO_TIME;
  }
}
