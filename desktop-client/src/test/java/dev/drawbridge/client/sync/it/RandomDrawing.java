package dev.drawbridge.client.sync.it;

import dev.drawbridge.client.model.LocalBoard;
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
 * A seeded user: a random mix of new strokes and shapes, points appended to its own strokes, moves
 * and recolours of anything visible, deletes, and undo. Runs on the client's UI thread.
 */
final class RandomDrawing {
  private static final String[] COLORS = {"#E53935", "#1E88E5", "#43A047", "#FDD835", "#000000"};
  private final Random random;
  private final String prefix;
  private final List<String> myStrokes = new ArrayList<>();
  private int counter;

  RandomDrawing(long seed, String prefix) {
    this.random = new Random(seed);
    this.prefix = prefix;
  }

  /** One user gesture: submits at least one op (undo may submit none when nothing is left). */
  void step(LocalBoard board) {
    int roll = random.nextInt(100);
    List<Element> visible = board.view().visibleElements();
    if (roll < 25 || visible.isEmpty()) {
      addStroke(board);
    } else if (roll < 55 && !myStrokes.isEmpty()) {
      String id = myStrokes.get(random.nextInt(myStrokes.size()));
      board.submit(new Op.AppendPoints(id, points(1 + random.nextInt(8))));
    } else if (roll < 65) {
      String id = prefix + "-r" + counter++;
      board.submit(
          new Op.AddElement(
              Element.shape(
                  id,
                  ElementKind.RECTANGLE,
                  coord(),
                  coord(),
                  10 + random.nextInt(90),
                  10 + random.nextInt(90),
                  Style.DEFAULT,
                  board.view().topZ() + 1)));
    } else if (roll < 80) {
      Element e = visible.get(random.nextInt(visible.size()));
      ElementPatch patch =
          random.nextBoolean()
              ? ElementPatch.move(coord(), coord())
              : new ElementPatch(
                  null,
                  null,
                  null,
                  null,
                  null,
                  COLORS[random.nextInt(COLORS.length)],
                  null,
                  null,
                  null,
                  null,
                  null,
                  null);
      board.submit(new Op.UpdateElement(e.id(), patch));
    } else if (roll < 90) {
      Element e = visible.get(random.nextInt(visible.size()));
      board.submit(new Op.DeleteElement(e.id()));
    } else if (!board.undo()) {
      addStroke(board);
    }
  }

  private void addStroke(LocalBoard board) {
    String id = prefix + "-s" + counter++;
    myStrokes.add(id);
    board.submit(
        new Op.AddElement(
            Element.freehand(
                id,
                ElementKind.STROKE,
                coord(),
                coord(),
                points(2),
                Style.DEFAULT,
                board.view().topZ() + 1)));
  }

  private Points points(int n) {
    float[] xy = new float[n * 2];
    for (int i = 0; i < xy.length; i++) {
      xy[i] = random.nextInt(1000);
    }
    return Points.of(xy);
  }

  private double coord() {
    return random.nextInt(2000) - 1000;
  }
}
