package dev.drawbridge.client.ui.app;

import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;

/** A small sample board (for {@code -Ddrawbridge.demo=true}, screenshots and manual checks). */
public final class DemoBoard {
  private DemoBoard() {}

  public static void populate(LocalBoard board, String author) {
    List<Op> ops = new ArrayList<>();
    double[] z = {1};
    Style ink = new Style("#1e1e1e", 3, false, 1, 28);
    Style blue = new Style("#1971c2", 3, false, 1, 24);
    Style red = new Style("#e03131", 4, false, 1, 24);
    Style green = new Style("#2f9e44", 3, true, 0.25, 24);
    ops.add(text("Sprint planning", -330, -250, ink.withFontSize(40), z, author));
    ops.add(shape(ElementKind.RECTANGLE, -340, -160, 240, 150, blue, z, author));
    ops.add(text("Relay\norders ops", -315, -130, blue.withFontSize(26), z, author));
    ops.add(shape(ElementKind.ELLIPSE, 60, -170, 230, 160, green, z, author));
    ops.add(
        shape(
            ElementKind.ELLIPSE,
            60,
            -170,
            230,
            160,
            green.withFill(false).withOpacity(1),
            z,
            author));
    ops.add(text("Clients\ndraw", 125, -125, new Style("#2f9e44", 3, false, 1, 26), z, author));
    ops.add(shape(ElementKind.ARROW, -90, -85, 140, 0, ink, z, author));
    ops.add(freehand(ElementKind.STROKE, -330, 80, wave(0, 260, 24, 8), red, z, author));
    ops.add(
        freehand(
            ElementKind.HIGHLIGHTER,
            -335,
            -195,
            line(0, 300),
            new Style("#f08c00", 22, false, 0.35, 20),
            z,
            author));
    ops.add(
        freehand(
            ElementKind.STROKE, 60, 60, loop(), new Style("#9c36b5", 4, false, 1, 20), z, author));
    ops.add(text("Ship it!", 110, 150, red.withFontSize(32), z, author));
    ops.add(
        shape(
            ElementKind.LINE, -330, 190, 290, 0, new Style("#868e96", 2, false, 1, 20), z, author));
    board.submitAll(ops);
  }

  private static Op text(String text, double x, double y, Style s, double[] z, String author) {
    return new Op.AddElement(Element.text(Ids.random(), x, y, text, s, z[0]++).withAuthor(author));
  }

  private static Op shape(
      ElementKind kind,
      double x,
      double y,
      double w,
      double h,
      Style s,
      double[] z,
      String author) {
    return new Op.AddElement(
        Element.shape(Ids.random(), kind, x, y, w, h, s, z[0]++).withAuthor(author));
  }

  private static Op freehand(
      ElementKind kind, double x, double y, float[] pts, Style s, double[] z, String author) {
    return new Op.AddElement(
        Element.freehand(Ids.random(), kind, x, y, Points.of(pts), s, z[0]++).withAuthor(author));
  }

  private static float[] wave(double from, double to, double amplitude, int steps) {
    int n = 60;
    float[] pts = new float[n * 2];
    for (int i = 0; i < n; i++) {
      double t = (double) i / (n - 1);
      pts[2 * i] = (float) (from + (to - from) * t);
      pts[2 * i + 1] = (float) (Math.sin(t * Math.PI * steps / 2) * amplitude * (1 - 0.4 * t));
    }
    return pts;
  }

  private static float[] line(double from, double to) {
    return new float[] {(float) from, 0, (float) ((from + to) / 2), 1, (float) to, 0};
  }

  private static float[] loop() {
    int n = 50;
    float[] pts = new float[n * 2];
    for (int i = 0; i < n; i++) {
      double t = i / (double) (n - 1) * Math.PI * 2.2;
      pts[2 * i] = (float) (t * 30 + Math.sin(t * 2) * 20);
      pts[2 * i + 1] = (float) (Math.cos(t * 2) * 25 - 25);
    }
    return pts;
  }
}
