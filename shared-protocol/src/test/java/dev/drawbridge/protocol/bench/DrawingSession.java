package dev.drawbridge.protocol.bench;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic but typical op stream: people draw strokes live (one add, then appends of a few
 * points each), now and then move, recolour, delete or restore something, and add shapes and text.
 */
final class DrawingSession {
  private DrawingSession() {}

  static List<Op> ops(int count, long seed) {
    Random random = new Random(seed);
    List<Op> ops = new ArrayList<>(count);
    List<String> elements = new ArrayList<>();
    int next = 0;
    while (ops.size() < count) {
      String id = "el-" + next++;
      double z = next;
      int roll = random.nextInt(10);
      if (roll < 7) {
        ops.add(
            new Op.AddElement(
                Element.freehand(
                    id,
                    ElementKind.STROKE,
                    x(random),
                    x(random),
                    points(random, 4),
                    Style.DEFAULT,
                    z)));
        for (int i = 0; i < 15 && ops.size() < count; i++) {
          ops.add(new Op.AppendPoints(id, points(random, 4)));
        }
      } else if (roll < 9) {
        ops.add(
            new Op.AddElement(
                Element.shape(
                    id, ElementKind.RECTANGLE, x(random), x(random), 120, 80, Style.DEFAULT, z)));
      } else {
        ops.add(
            new Op.AddElement(
                Element.text(id, x(random), x(random), "Note " + next, Style.DEFAULT, z)));
      }
      elements.add(id);
      String some = elements.get(random.nextInt(elements.size()));
      switch (random.nextInt(8)) {
        case 0 -> ops.add(new Op.UpdateElement(some, ElementPatch.move(x(random), x(random))));
        case 1 -> ops.add(new Op.UpdateElement(some, ElementPatch.NONE.withColor("#e03131")));
        case 2 -> ops.add(new Op.DeleteElement(some));
        case 3 -> ops.add(new Op.UpdateElement(some, ElementPatch.restore()));
        default -> {}
      }
    }
    return ops.subList(0, count);
  }

  static Points points(Random random, int n) {
    float[] coords = new float[2 * n];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = random.nextFloat() * 400 - 200;
    }
    return Points.of(coords);
  }

  private static double x(Random random) {
    return Math.rint(random.nextDouble() * 4000 - 2000);
  }
}
