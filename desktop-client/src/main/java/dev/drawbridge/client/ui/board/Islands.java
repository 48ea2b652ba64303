package dev.drawbridge.client.ui.board;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The panels that float over the board ("islands": tools, style, zoom, people, toasts, cards), each
 * pinned to a side or corner of the board's stack, and how far they reach into the canvas.
 */
final class Islands {
  private static final double GAP = 8;

  private final StackPane stack;

  Islands(StackPane stack) {
    this.stack = stack;
  }

  /** Pins {@code island} at {@code pos} of the board, {@code margin} from its edges. */
  void add(Region island, Pos pos, Insets margin) {
    island.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    island.setPickOnBounds(true);
    // Islands float over the canvas with CSS drop shadows; caching them as bitmaps spares the
    // software pipeline re-blurring every shadow on each frame of a pan (docs/performance.md).
    island.setCache(true);
    StackPane.setAlignment(island, pos);
    StackPane.setMargin(island, margin);
    stack.getChildren().add(island);
  }

  /**
   * How far the islands reach into {@code canvas} from each edge, plus a gap: the top row, the
   * style panel on the left, the zoom bar at the bottom and, while open, the people list on the
   * right.
   */
  Insets coveredEdges(
      Region canvas, List<Region> topRow, Region left, Region bottom, Region right) {
    double top = 0;
    for (Region r : topRow) {
      if (r.isVisible()) {
        top = Math.max(top, r.getBoundsInParent().getMaxY());
      }
    }
    double l = left.isVisible() ? left.getBoundsInParent().getMaxX() : 0;
    double b = bottom.isVisible() ? canvas.getHeight() - bottom.getBoundsInParent().getMinY() : 0;
    double r = right.isVisible() ? canvas.getWidth() - right.getBoundsInParent().getMinX() : 0;
    return new Insets(
        top > 0 ? top + GAP : 0, r > 0 ? r + GAP : 0, b > 0 ? b + GAP : 0, l > 0 ? l + GAP : 0);
  }

  /**
   * Each time {@code toast} shows, it goes above the zoom bar when the window is too narrow for
   * both side by side (found by hand: a toast hid the zoom bar's buttons), and above whatever is
   * open at the bottom centre (the history panel, the follow bar).
   */
  void keepClear(Label toast, Region zoomBar, List<Region> bottomCentre) {
    toast
        .visibleProperty()
        .addListener(
            (o, was, now) -> {
              if (!now) {
                return;
              }
              double half = toast.prefWidth(-1) / 2;
              boolean besideZoomBar =
                  zoomBar.getBoundsInParent().getMaxX() + GAP < stack.getWidth() / 2 - half;
              double bottom =
                  besideZoomBar
                      ? 16
                      : stack.getHeight() - zoomBar.getBoundsInParent().getMinY() + GAP;
              for (Region r : bottomCentre) {
                if (r.isVisible()) {
                  bottom =
                      Math.max(bottom, stack.getHeight() - r.getBoundsInParent().getMinY() + GAP);
                }
              }
              StackPane.setMargin(toast, new Insets(0, 0, bottom, 0));
            });
  }
}
