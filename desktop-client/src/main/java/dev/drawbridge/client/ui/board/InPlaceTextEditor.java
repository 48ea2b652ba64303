package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.model.Ids;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.sync.BoardSession;
import dev.drawbridge.client.ui.canvas.BoardCanvas;
import dev.drawbridge.client.ui.canvas.ElementPainter;
import dev.drawbridge.client.ui.tool.ConnectorEdits;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.element.ZOrder;
import dev.drawbridge.protocol.op.Op;
import java.util.Set;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;

/**
 * Text typed in place: a borderless text area over the board at the text's position and size.
 * Escape, Ctrl+Enter, a click elsewhere or losing focus commit it as one op (add, update, or delete
 * when emptied). The element being edited is hidden from the canvas meanwhile.
 */
final class InPlaceTextEditor {
  private final BoardSession session;
  private final BoardViewModel vm;
  private final BoardCanvas canvas;
  private final Pane editorLayer;
  private TextArea editor;
  private Element editing;
  private double editX;
  private double editY;

  InPlaceTextEditor(BoardSession session, BoardViewModel vm, BoardCanvas canvas, Pane layer) {
    this.session = session;
    this.vm = vm;
    this.canvas = canvas;
    this.editorLayer = layer;
  }

  boolean isOpen() {
    return editor != null;
  }

  /** Opens the in-place editor: on {@code existing}, or for new text at board (x, y). */
  void start(Element existing, double x, double y) {
    commit();
    editing = existing;
    editX = x;
    editY = y;
    Style style = existing == null ? vm.style() : existing.style();
    boolean label = existing != null && existing.kind().isConnector();
    TextArea area =
        new TextArea(
            existing == null ? "" : label ? nullToEmpty(existing.label()) : existing.text());
    area.setId("text-editor");
    area.getStyleClass().add("board-text-editor");
    area.setWrapText(false);
    double scale = canvas.viewport().scale();
    area.setFont(ElementPainter.font(style.fontSize() * scale));
    area.setStyle(
        "-fx-text-fill: "
            + Controls.toWeb(
                ElementPainter.displayColor(style.color(), canvas.darkProperty().get()))
            + ";");
    sizeEditor(area);
    area.textProperty().addListener((o, a, b) -> sizeEditor(area));
    area.relocate(canvas.viewport().toScreenX(x) - 2, canvas.viewport().toScreenY(y) - 2);
    area.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            commit();
          }
        });
    area.focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (!is && editor == area) {
                commit();
              }
            });
    editor = area;
    if (existing != null && !label) {
      canvas.hide(Set.of(existing.id()));
    }
    editorLayer.getChildren().add(area);
    area.requestFocus();
    area.end();
  }

  private void sizeEditor(TextArea area) {
    String[] lines = area.getText().split("\n", -1);
    double longestEms = 0.6;
    for (String line : lines) {
      longestEms = Math.max(longestEms, Element.widthInEms(line));
    }
    double fontPx = area.getFont().getSize();
    // Two characters of room beyond the text, so the caret never pushes it out of view.
    area.setPrefWidth(Math.max(80, (longestEms + 1.3) * fontPx + 16));
    area.setPrefHeight(lines.length * fontPx * 1.3 + 16);
    area.resize(area.getPrefWidth(), area.getPrefHeight());
  }

  /** Finishes text editing: adds, updates or (when emptied) deletes the text element. */
  void commit() {
    if (editor == null) {
      return;
    }
    TextArea area = editor;
    Element existing = editing;
    editor = null;
    editing = null;
    String text = area.getText();
    editorLayer.getChildren().remove(area);
    canvas.hide(Set.of());
    LocalBoard board = session.board();
    if (existing == null) {
      if (!text.isBlank()) {
        Element e =
            Element.text(
                    Ids.random(), editX, editY, text, vm.style(), ZOrder.above(board.view().topZ()))
                .withAuthor(session.clientId());
        board.submit(new Op.AddElement(e));
      }
    } else if (existing.kind().isConnector()) {
      // A connector's label (R104): "" removes it; the connector stays.
      String label = text.isBlank() ? "" : text;
      if (!label.equals(nullToEmpty(existing.label()))) {
        board.submit(new Op.UpdateElement(existing.id(), ElementPatch.NONE.withLabel(label)));
      }
    } else if (text.isBlank()) {
      board.submitAll(
          ConnectorEdits.withEndsKept(
              board.view(), java.util.List.of(new Op.DeleteElement(existing.id()))));
    } else if (!text.equals(existing.text())) {
      board.submit(new Op.UpdateElement(existing.id(), ElementPatch.NONE.withText(text)));
    }
    vm.refreshHistory();
    canvas.requestFocus();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The editor while one is open, else null. */
  TextArea editor() {
    return editor;
  }
}
