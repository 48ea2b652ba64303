package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.geom.Viewport;
import dev.drawbridge.client.ui.tool.PointerInput;
import java.util.function.LongSupplier;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;

/**
 * The canvas's mouse, wheel and pinch input: the middle button (or the primary one with space held)
 * and the wheel pan, ctrl/cmd + wheel and a pinch zoom ({@link Navigation}); the rest goes to the
 * {@link PointerHandler} in board coordinates. Also keeps the pointer shape.
 */
final class CanvasGestures {
  private final Region canvas;
  private final Navigation navigation;
  private final Runnable touched;
  private final LongSupplier clock;
  private PointerHandler handler;
  private boolean spaceDown;
  private Cursor toolCursor;
  private boolean panning;
  private boolean drawing;
  private double lastPanX;
  private double lastPanY;

  /** Listens on {@code canvas}; {@code touched} hears of every press, drag and scroll. */
  CanvasGestures(Region canvas, Navigation navigation, Runnable touched, LongSupplier clock) {
    this.canvas = canvas;
    this.navigation = navigation;
    this.touched = touched;
    this.clock = clock;
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e, true));
    canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(e, false));
    canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    canvas.addEventHandler(
        ZoomEvent.ZOOM,
        e -> {
          navigation.pinch(e.getZoomFactor(), e.getX(), e.getY());
          e.consume();
        });
    canvas.addEventHandler(
        ZoomEvent.ZOOM_FINISHED,
        e -> {
          navigation.pinchEnded(e.getX(), e.getY());
          e.consume();
        });
  }

  void setHandler(PointerHandler handler) {
    this.handler = handler;
  }

  /** Space held: the primary button pans. */
  void setSpaceDown(boolean down) {
    spaceDown = down;
    canvas.setCursor(down ? Cursor.OPEN_HAND : toolCursor);
  }

  boolean isSpaceDown() {
    return spaceDown;
  }

  /** The pointer shape the current tool wants (shown unless panning). */
  void setToolCursor(Cursor cursor) {
    toolCursor = cursor;
    if (!spaceDown && !panning) {
      canvas.setCursor(cursor);
    }
  }

  private PointerInput input(MouseEvent e) {
    Viewport viewport = navigation.viewport();
    return new PointerInput(
        viewport.toBoardX(e.getX()),
        viewport.toBoardY(e.getY()),
        e.isShiftDown(),
        e.getClickCount(),
        clock.getAsLong(),
        e.isAltDown());
  }

  private void onPressed(MouseEvent e) {
    touched.run();
    canvas.requestFocus();
    if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && spaceDown) {
      panning = true;
      lastPanX = e.getX();
      lastPanY = e.getY();
      canvas.setCursor(Cursor.CLOSED_HAND);
    } else if (e.getButton() == MouseButton.PRIMARY && handler != null) {
      drawing = true;
      handler.pressed(input(e));
    }
    e.consume();
  }

  private void onDragged(MouseEvent e) {
    touched.run();
    if (panning) {
      double dx = e.getX() - lastPanX;
      double dy = e.getY() - lastPanY;
      lastPanX = e.getX();
      lastPanY = e.getY();
      navigation.panBy(dx, dy);
    } else if (drawing) {
      // Tracked ourselves: some platforms (the headless robot) omit button state on drags.
      handler.dragged(input(e));
    }
    if (handler != null) {
      handler.hovered(input(e));
    }
    e.consume();
  }

  private void onReleased(MouseEvent e) {
    if (panning) {
      panning = false;
      canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : toolCursor);
    } else if (drawing && e.getButton() == MouseButton.PRIMARY) {
      drawing = false;
      handler.released(input(e));
    }
    e.consume();
  }

  private void hover(MouseEvent e, boolean inside) {
    if (handler != null) {
      handler.hovered(inside ? input(e) : null);
    }
  }

  private void onScroll(ScrollEvent e) {
    touched.run();
    if (e.isControlDown() || e.isMetaDown()) {
      navigation.wheelZoom(e.getDeltaY(), e.getX(), e.getY());
    } else {
      navigation.panBy(e.getDeltaX(), e.getDeltaY());
    }
    e.consume();
  }
}
