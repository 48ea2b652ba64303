package dev.drawbridge.client.model;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.op.Op;
import dev.drawbridge.protocol.validation.ProtocolLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The ops that put a whole element on a board. One op carries at most {@link
 * ProtocolLimits#MAX_POINTS_PER_OP} points while an element may hold more, so a long stroke is an
 * add with its first points followed by appends of the rest.
 */
public final class AddOps {
  private AddOps() {}

  public static List<Op> forElement(Element e) {
    int perOp = ProtocolLimits.MAX_POINTS_PER_OP;
    Points points = e.points();
    if (points.size() <= perOp) {
      return List.of(new Op.AddElement(e));
    }
    List<Op> ops = new ArrayList<>();
    ops.add(new Op.AddElement(e.withPoints(slice(points, 0, perOp))));
    for (int from = perOp; from < points.size(); from += perOp) {
      ops.add(
          new Op.AppendPoints(e.id(), slice(points, from, Math.min(points.size(), from + perOp))));
    }
    return ops;
  }

  private static Points slice(Points points, int from, int to) {
    float[] coords = new float[2 * (to - from)];
    for (int i = from; i < to; i++) {
      coords[2 * (i - from)] = points.x(i);
      coords[2 * (i - from) + 1] = points.y(i);
    }
    return Points.of(coords);
  }
}
