package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.PointerHandler;
import dev.drawbridge.client.ui.tool.PointerInput;
import dev.drawbridge.client.ui.tool.SelectTool;
import dev.drawbridge.client.ui.tool.Tool;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.client.ui.tool.Tools;
import dev.drawbridge.protocol.message.Cursor;
import java.util.function.BooleanSupplier;

/**
 * Routes the canvas's pointer events to the current tool (a viewer's are ignored) and shares the
 * pointer with the room as presence, about 30 times a second at most like the relay relays it.
 */
final class BoardPointer implements PointerHandler {
  private static final long PRESENCE_NANOS = 33_000_000L;

  private final LivePresence presence;
  private final BoardViewModel vm;
  private final BoardCanvas canvas;
  private final Tools tools;
  private final InPlaceTextEditor textEditor;
  private final BooleanSupplier viewOnly;
  private long lastPresence;
  // Told the id of the element under the pointer with the select tool (null: none), for
  // attribution.
  private java.util.function.Consumer<String> hoverListener = id -> {};

  BoardPointer(
      LivePresence presence,
      BoardViewModel vm,
      BoardCanvas canvas,
      Tools tools,
      InPlaceTextEditor textEditor,
      BooleanSupplier viewOnly) {
    this.presence = presence;
    this.vm = vm;
    this.canvas = canvas;
    this.tools = tools;
    this.textEditor = textEditor;
    this.viewOnly = viewOnly;
  }

  /** The canvas cursor that says what a press of {@code kind} will do. */
  static javafx.scene.Cursor cursorFor(ToolKind kind) {
    return switch (kind) {
      case SELECT -> javafx.scene.Cursor.DEFAULT;
      case TEXT -> javafx.scene.Cursor.TEXT;
      case ERASER, LASER -> javafx.scene.Cursor.HAND;
      default -> javafx.scene.Cursor.CROSSHAIR;
    };
  }

  private Tool currentTool() {
    return tools.get(vm.toolProperty().get());
  }

  @Override
  public void pressed(PointerInput p) {
    if (viewOnly.getAsBoolean()) {
      return;
    }
    if (textEditor.isOpen()) {
      textEditor.commit();
      ToolKind tool = vm.toolProperty().get();
      if (tool == ToolKind.TEXT || tool == ToolKind.NOTE) {
        // The click that ends an edit does not start a new one.
        return;
      }
    }
    currentTool().pressed(p);
  }

  @Override
  public void dragged(PointerInput p) {
    if (!viewOnly.getAsBoolean()) {
      currentTool().dragged(p);
    }
  }

  @Override
  public void released(PointerInput p) {
    if (viewOnly.getAsBoolean()) {
      return;
    }
    currentTool().released(p);
  }

  /** Who hears which element the pointer is over with the select tool (null when none). */
  void setHoverListener(java.util.function.Consumer<String> listener) {
    hoverListener = listener;
  }

  @Override
  public void hovered(PointerInput p) {
    String over = null;
    if (p != null && vm.toolProperty().get() == ToolKind.SELECT && !canvas.isSpaceDown()) {
      SelectTool select = (SelectTool) tools.get(ToolKind.SELECT);
      boolean grab = select.canGrab(p.x(), p.y());
      canvas.setToolCursor(grab ? javafx.scene.Cursor.MOVE : javafx.scene.Cursor.DEFAULT);
      dev.drawbridge.protocol.element.Element under = grab ? select.topmostAt(p.x(), p.y()) : null;
      over = under == null ? null : under.id();
    }
    hoverListener.accept(over);
    long now = System.nanoTime();
    if (p != null && now - lastPresence < PRESENCE_NANOS) {
      return;
    }
    lastPresence = now;
    presence.pointer(p == null ? null : new Cursor(p.x(), p.y()));
  }
}
