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
 * receives the op can time its delivery. With {@code --ops-per-stroke N} above 1, only every N-th
 * op adds a stroke and the ops between append 10 points each to it (~200-byte frames): the mix of a
 * pen drawing, which makes the relay's reducer grow strokes. Immutable; used by the load loop's
 * thread.
 */
final class BenchOps {
  private static final ProtocolCodec CODEC = new ProtocolCodec();

  /** {@link #sendTime} of an id that carries none. */
  static final long NO_TIME = Long.MIN_VALUE;

  /** The points each append carries with {@code --ops-per-stroke}: 10, as a pen sends them. */
  static final int APPEND_POINTS = 10;

  private final Points points;
  private final Points appendPoints;
  private final int opsPerStroke;

  BenchOps(int opSizeBytes) {
    this(opSizeBytes, 1);
  }

  BenchOps(int opSizeBytes, int opsPerStroke) {
    this.opsPerStroke = opsPerStroke;
    float[] pen = new float[2 * APPEND_POINTS];
    for (int i = 0; i < pen.length; i++) {
      pen[i] = 50 + (i * 13) % 400 + 0.5f;
    }
    this.appendPoints = Points.of(pen);
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
    long stroke = n / opsPerStroke;
    String elementId = "e" + client + "." + stroke;
    Op op =
        n % opsPerStroke == 0
            ? new Op.AddElement(
                Element.freehand(
                    elementId, ElementKind.STROKE, 0, 0, points, Style.DEFAULT, stroke))
            : new Op.AppendPoints(elementId, appendPoints);
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
