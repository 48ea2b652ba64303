package dev.drawbridge.client.ui.clipboard;

import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.protocol.message.ViewCentre;
import java.util.function.Supplier;
import javafx.scene.input.MouseEvent;

/**
 * Where a paste lands: the board point under the pointer while it is over the board, otherwise (the
 * pointer on a menu or outside the window) the middle of the view.
 */
public final class PastePoint implements Supplier<double[]> {
  private final BoardCanvas canvas;
  private double[] pointer;

  public PastePoint(BoardCanvas canvas) {
    this.canvas = canvas;
    canvas.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
    canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::moved);
    canvas.addEventFilter(MouseEvent.MOUSE_EXITED, e -> pointer = null);
  }

  private void moved(MouseEvent e) {
    pointer =
        new double[] {canvas.viewport().toBoardX(e.getX()), canvas.viewport().toBoardY(e.getY())};
  }

  /** {@code [x, y]} in board units. */
  @Override
  public double[] get() {
    if (pointer != null) {
      return pointer.clone();
    }
    ViewCentre centre = canvas.viewCentre();
    return new double[] {centre.x(), centre.y()};
  }
}
