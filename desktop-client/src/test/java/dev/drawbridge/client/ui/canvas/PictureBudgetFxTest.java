package dev.drawbridge.client.ui.canvas;

import static dev.drawbridge.client.ui.FxThread.fx;
import static dev.drawbridge.client.ui.FxThread.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.protocol.board.BoardSnapshot;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ImageRef;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The decoded pictures' budget follows the view: zoomed out over a hundred 12 MP photos it comes
 * down to the floor, zoomed in on a few it rises with what they take at the levels drawn. (No bytes
 * are needed: the budget counts the levels the view asks for.)
 */
@ExtendWith(ApplicationExtension.class)
class PictureBudgetFxTest {
  private BoardCanvas canvas;

  @Start
  void start(Stage stage) {
    List<Element> photos = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ImageRef ref = new ImageRef(String.format("%064x", i), "image/jpeg", 4000, 3000);
      photos.add(Element.ofImage("p" + i, (i % 10) * 700, (i / 10) * 550, 600, 450, ref, i + 1));
    }
    LocalBoard board = new LocalBoard();
    board.restore(new BoardSnapshot(0, photos), List.of());
    canvas = new BoardCanvas(board, new Selection());
    stage.setScene(new Scene(new StackPane(canvas), 700, 500));
    stage.show();
  }

  @Test
  void theBudgetFollowsWhatTheViewShows() {
    onFx(
        () -> {
          canvas.viewport().set(0.05, 0, 0);
          canvas.zoomTo(0.05);
        });
    // 100 photos of 30 × 22 px: level 7 of each, ~0.4 MB in all.
    assertThat(fx(() -> canvas.pictures().budgetBytes())).isEqualTo(Pictures.MIN_VIEW_BYTES);
    onFx(
        () -> {
          canvas.viewport().set(1, 0, 0);
          canvas.zoomTo(1);
        });
    // About four photos in the view and the tiles' margin at level 2 (1000 × 750), 6 MB each.
    long budget = fx(() -> canvas.pictures().budgetBytes());
    assertThat(budget).isGreaterThan(Pictures.MIN_VIEW_BYTES);
    assertThat(budget).isLessThanOrEqualTo(Pictures.DEFAULT_MAX_BYTES);
    assertThat(budget % (2L * 1000 * 750 * Pictures.BYTES_PER_PIXEL)).isZero();
  }
}
