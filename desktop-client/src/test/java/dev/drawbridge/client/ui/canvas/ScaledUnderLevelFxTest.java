package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.Points;
import dev.drawbridge.protocol.element.Style;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * While a zoom to a level not painted yet is pending, the previous level is shown scaled
 * underneath. Its transform objects must stay the same from pulse to pulse (new ones marked it
 * dirty, so every frame redrew it, a filtered full-window draw, on the render thread the new tiles
 * were waiting for).
 */
@ExtendWith(ApplicationExtension.class)
class ScaledUnderLevelFxTest {
  private static final Rect VIEW = new Rect(0, 0, 700, 500);

  private final List<Element> elements = new ArrayList<>();

  private TiledLayer layer() {
    for (int i = 0; i < 60; i++) {
      elements.add(
          Element.freehand(
              "s" + i,
              ElementKind.STROKE,
              (i % 10) * 70,
              (i / 10) * 80,
              Points.of(0, 0, 30, 10, 60, 0),
              Style.DEFAULT.withWidth(4),
              i + 1));
    }
    return new TiledLayer(
        new TiledLayer.Source() {
          @Override
          public List<Element> elementsIn(Rect area) {
            return elements.stream().filter(e -> Rect.paintedBounds(e).intersects(area)).toList();
          }

          @Override
          public void paintBackground(GraphicsContext gc, Rect area, double scale) {
            BoardPaper.paint(gc, area, scale, false, false);
          }

          @Override
          public boolean dark() {
            return false;
          }
        });
  }

  @Test
  void theScaledLevelKeepsItsTransformObjectsWhileTheViewMoves() {
    List<Object> result =
        fx(
            () -> {
              TiledLayer layer = layer();
              layer.rescale(1, VIEW);
              layer.update(VIEW, Long.MAX_VALUE);
              layer.place(1, 0, 0);
              layer.rescale(1.2, VIEW);
              layer.place(1.2, 0, 0);
              Group under = (Group) layer.nodes().get(0);
              List<Transform> first = List.copyOf(under.getTransforms());
              layer.place(1.2, -5, -7);
              layer.place(1.2, -5, -7);
              return List.of(under.getChildren().size(), first, List.copyOf(under.getTransforms()));
            });
    assertThat((int) result.get(0)).as("the old level is shown underneath").isEqualTo(1);
    @SuppressWarnings("unchecked")
    List<Transform> first = (List<Transform>) result.get(1);
    @SuppressWarnings("unchecked")
    List<Transform> later = (List<Transform>) result.get(2);
    assertThat(first).hasSize(2);
    assertThat(later.get(0)).isSameAs(first.get(0));
    assertThat(later.get(1)).isSameAs(first.get(1));
    assertThat(((Translate) later.get(0)).getX()).isEqualTo(-5);
    assertThat(((Translate) later.get(0)).getY()).isEqualTo(-7);
  }
}
