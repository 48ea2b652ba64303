package dev.drawbridge.client.history;

import dev.drawbridge.protocol.element.Binding;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.ImageRef;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random history of ops over every kind of element (strokes that grow, shapes, text,
 * notes, images, bound and labelled connectors), with moves, restyles, re-binds, deletes and
 * restores; some ops name unknown or deleted elements, as real logs do (R44).
 */
final class RandomHistory {
  private static final String[] COLORS = {"#e03131", "#1971c2", "#2f9e44", "#ffec99", "#1e1e1e"};
  private static final String BLOB =
      "dd5234a131104e9ff314db7403adef656d71e8e47f8782778943cdf39d294742";
  private final Random random;
  private final List<String> ids = new ArrayList<>();
  private int counter;

  RandomHistory(long seed) {
    this.random = new Random(seed);
  }

  List<Op> ops(int count) {
    List<Op> ops = new ArrayList<>();
    while (ops.size() < count) {
      ops.add(next());
    }
    return ops;
  }

  Op next() {
    int roll = random.nextInt(100);
    if (roll < 30 || ids.isEmpty()) {
      return new Op.AddElement(element());
    }
    String id = ids.get(random.nextInt(ids.size()));
    if (roll < 45) {
      return new Op.AppendPoints(id, points(1 + random.nextInt(5)));
    }
    if (roll < 75) {
      return new Op.UpdateElement(id, patch(id));
    }
    if (roll < 88) {
      return new Op.DeleteElement(id);
    }
    return new Op.UpdateElement(id, ElementPatch.restore());
  }

  private Element element() {
    String id = "e" + counter++;
    ids.add(id);
    double z = random.nextInt(6); // ties on purpose: paint order then falls back to ids (R45)
    Style style = style();
    return switch (random.nextInt(8)) {
      case 0, 1 ->
          Element.freehand(id, ElementKind.STROKE, coord(), coord(), points(2), style, z)
              .withAuthor("client-" + random.nextInt(3));
      case 2 -> Element.shape(id, ElementKind.RECTANGLE, coord(), coord(), 40, 30, style, z);
      case 3 -> Element.text(id, coord(), coord(), "t" + random.nextInt(9), style, z);
      case 4 -> Element.note(id, coord(), coord(), 200, "n" + random.nextInt(9), style, z);
      case 5 ->
          Element.ofImage(id, coord(), coord(), 20, 10, new ImageRef(BLOB, "image/png", 2, 1), z);
      default ->
          Element.shape(id, ElementKind.ARROW, coord(), coord(), 50, -20, style, z)
              .withBindings(binding(id), binding(id))
              .withRoutingAndLabel(random.nextBoolean() ? Routing.ELBOW : null, label());
    };
  }

  private ElementPatch patch(String id) {
    ElementPatch p = ElementPatch.NONE;
    switch (random.nextInt(9)) {
      case 0 -> p = p.withPosition(coord(), coord());
      case 1 -> p = p.withSize(random.nextInt(300) - 100, random.nextInt(300) - 100);
      case 2 -> p = p.withText("x" + random.nextInt(9));
      case 3 ->
          p = p.withColor(COLORS[random.nextInt(COLORS.length)]).withFill(random.nextBoolean());
      case 4 -> p = p.withWidth(random.nextInt(10)).withOpacity(random.nextInt(5) / 4.0);
      case 5 -> p = p.withFontSize(10 + random.nextInt(30)).withZ(random.nextInt(8));
      case 6 -> p = p.withStartBinding(orFree(binding(id))).withEndBinding(orFree(binding(id)));
      case 7 -> p = p.withRouting(random.nextBoolean() ? Routing.ELBOW : Routing.STRAIGHT);
      default -> p = p.withLabel(random.nextBoolean() ? "" : "l" + random.nextInt(9));
    }
    return p;
  }

  // A target that may be anything known, unknown or deleted: bindings are data (R101, R102).
  private Binding binding(String self) {
    if (ids.size() < 2 || random.nextInt(3) == 0) {
      return random.nextBoolean() ? null : Binding.to("gone" + random.nextInt(3), 0.5, 0.5);
    }
    String target = ids.get(random.nextInt(ids.size()));
    return target.equals(self) ? null : Binding.to(target, random.nextInt(3) / 2.0, 0.25);
  }

  private static Binding orFree(Binding b) {
    return b == null ? Binding.FREE : b;
  }

  private String label() {
    return random.nextBoolean() ? null : "l" + random.nextInt(9);
  }

  private Style style() {
    return new Style(COLORS[random.nextInt(COLORS.length)], 1 + random.nextInt(4), false, 1, 20);
  }

  private Points points(int n) {
    float[] coords = new float[2 * n];
    for (int i = 0; i < coords.length; i++) {
      coords[i] = random.nextInt(200) - 100;
    }
    return Points.of(coords);
  }

  private double coord() {
    return random.nextInt(2000) - 1000;
  }
}
