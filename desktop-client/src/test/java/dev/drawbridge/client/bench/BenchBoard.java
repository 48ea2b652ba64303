package dev.drawbridge.client.bench;

import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The board issue 7's client targets are measured on: 10,000 freehand strokes of 50 points, 500
 * shapes and 200 texts spread over 8,640 × 4,860 board units (about 5 % of it in view at 100 % in a
 * 1920×1080 window). Shared by the rendering benchmark and the model's JMH benchmark.
 */
public final class BenchBoard {
  public static final int STROKES = 10_000;
  public static final int POINTS = 50;
  public static final int SHAPES = 500;
  public static final int TEXTS = 200;
  public static final double WIDTH = 1920 * 4.5;
  public static final double HEIGHT = 1080 * 4.5;

  private static final String[] COLORS = {"#1e1e1e", "#e03131", "#2f9e44", "#1971c2", "#f08c00"};

  private BenchBoard() {}

  /** The elements, in paint order (z ascending), from a fixed seed. */
  public static List<Element> elements() {
    Random r = new Random(11);
    List<Element> out = new ArrayList<>();
    int z = 1;
    for (int i = 0; i < STROKES; i++) {
      float[] pts = new float[POINTS * 2];
      double x = 0;
      double y = 0;
      double dx = r.nextGaussian() * 4;
      double dy = r.nextGaussian() * 4;
      for (int p = 0; p < POINTS; p++) {
        dx = dx * 0.8 + r.nextGaussian() * 2;
        dy = dy * 0.8 + r.nextGaussian() * 2;
        x += dx;
        y += dy;
        pts[2 * p] = (float) x;
        pts[2 * p + 1] = (float) y;
      }
      Style style = Style.DEFAULT.withColor(COLORS[r.nextInt(COLORS.length)]);
      out.add(
          Element.freehand(
              "s" + i,
              ElementKind.STROKE,
              r.nextDouble() * WIDTH,
              r.nextDouble() * HEIGHT,
              Points.of(pts),
              style,
              z++));
    }
    ElementKind[] kinds = {
      ElementKind.RECTANGLE, ElementKind.ELLIPSE, ElementKind.LINE, ElementKind.ARROW
    };
    for (int i = 0; i < SHAPES; i++) {
      ElementKind kind = kinds[i % kinds.length];
      Style style = Style.DEFAULT.withColor(COLORS[r.nextInt(COLORS.length)]).withFill(i % 8 == 0);
      out.add(
          Element.shape(
              "h" + i,
              kind,
              r.nextDouble() * WIDTH,
              r.nextDouble() * HEIGHT,
              40 + r.nextDouble() * 200,
              30 + r.nextDouble() * 150,
              style,
              z++));
    }
    for (int i = 0; i < TEXTS; i++) {
      out.add(
          Element.text(
              "t" + i,
              r.nextDouble() * WIDTH,
              r.nextDouble() * HEIGHT,
              "Note " + i + "\nsecond line",
              Style.DEFAULT.withFontSize(16 + r.nextInt(20)),
              z++));
    }
    return out;
  }

  /**
   * The {@code i}-th remote op of others drawing on this board: a new stroke every tenth op, else a
   * 4-point append to a random one of {@code ids}.
   */
  public static Op remoteOp(int i, Random r, List<String> ids) {
    if (i % 10 == 0) {
      return new Op.AddElement(
          Element.freehand(
              "m" + i,
              ElementKind.STROKE,
              r.nextDouble() * WIDTH,
              r.nextDouble() * HEIGHT,
              Points.of(0, 0),
              Style.DEFAULT,
              1e6 + i));
    }
    return new Op.AppendPoints(ids.get(r.nextInt(ids.size())), Points.of(1, 2, 3, 4, 5, 6, 7, 8));
  }
}
