package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.NoteLayout;
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
import dev.drawbridge.protocol.message.TextDraft;
import dev.drawbridge.protocol.op.Op;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import javafx.scene.text.LayoutInfo;
import javafx.scene.text.Text;

/**
 * Text typed in place: a borderless text area over the board at the text's position and size.
 * Escape, Ctrl+Enter, a click elsewhere or losing focus commit it as one op (add, update, or delete
 * when emptied). The element being edited is hidden from the canvas meanwhile.
 *
 * <p>A sticky note is edited in a text area that covers its box, on its paper, with the font size
 * the note's text will be fitted at ({@link NoteLayout}); an emptied note stays. Tab ends the edit
 * and starts the next note beside it, of the same size and colour (the text area would otherwise
 * take Tab as a character; Ctrl+Tab still moves the focus).
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
  // The box of the note being edited (new or existing); null when editing plain text.
  private double[] noteBox;
  private String noteColor;
  private double noteFontSize;
  private java.util.function.Consumer<TextDraft> drafts = d -> {};

  InPlaceTextEditor(BoardSession session, BoardViewModel vm, BoardCanvas canvas, Pane layer) {
    this.session = session;
    this.vm = vm;
    this.canvas = canvas;
    this.editorLayer = layer;
  }

  /** Hears the text as it is typed (R91), and null when the editor closes. */
  void setDraftListener(java.util.function.Consumer<TextDraft> listener) {
    drafts = listener;
  }

  boolean isOpen() {
    return editor != null;
  }

  /** Opens the in-place editor: on {@code existing}, or for new text at board (x, y). */
  void start(Element existing, double x, double y) {
    if (existing != null && existing.isNote()) {
      startNote(
          existing,
          new double[] {existing.x(), existing.y(), existing.w(), existing.h()},
          existing.style().color(),
          existing.style().fontSize());
      return;
    }
    commit();
    noteBox = null;
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
    String elementId = existing == null ? null : existing.id();
    double fontSize = style.fontSize();
    area.textProperty()
        .addListener(
            (o, a, b) -> {
              sizeEditor(area);
              drafts.accept(LivePresence.draftOf(elementId, x, y, fontSize, b));
            });
    area.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            commit();
          }
        });
    show(area, existing);
    placeText(area, x, y, style.fontSize());
  }

  /**
   * Moves {@code area} so that its text lies where the canvas will paint it: the left edge at board
   * x and the first baseline {@link ElementPainter#ascent} below board y. A text area lays its
   * lines out its own way (centred on the cap height, in whole pixels, inside its insets), so where
   * its text is is measured, not assumed; before, the text moved by 2 px or more when editing
   * ended.
   */
  private void placeText(TextArea area, double x, double y, double fontSize) {
    double left = canvas.viewport().toScreenX(x);
    double top = canvas.viewport().toScreenY(y);
    area.applyCss();
    area.layout();
    if (!(area.lookup(".text") instanceof Text text)) {
      area.relocate(left - 2, top - 2); // a skin without a Text node: its frame's width
      return;
    }
    double baseline = top + ElementPainter.ascent(fontSize) * canvas.viewport().scale();
    Point2D origin =
        area.sceneToLocal(
            text.localToScene(0, text.getLayoutBounds().getMinY() + text.getBaselineOffset()));
    area.relocate(left - origin.getX(), baseline - origin.getY());
  }

  /**
   * Spaces the lines in {@code area} as the canvas paints them, {@link ElementPainter#LINE_HEIGHT}
   * times the font's size apart, instead of by the height of a line in the font (about 1.36 times
   * its size for the board font): else every line after the first moved up when editing ended. How
   * high JavaFX makes a line depends on what laid out the same string before (see {@link
   * ElementPainter#ascent}), so the spacing is worked out from the editor's own first line, again
   * as the text or the font changes. The skin lays its Text node out centred on the cap height,
   * which ignores line spacing; app.css gives it logical bounds instead.
   */
  private static void keepLinesSpaced(TextArea area) {
    area.applyCss();
    if (area.lookup(".text") instanceof Text text) {
      Runnable space =
          () -> {
            LayoutInfo info = text.getLayoutInfo();
            if (info.getTextLineCount() > 0) {
              double line = info.getTextLine(0, false).bounds().getHeight();
              text.setLineSpacing(area.getFont().getSize() * ElementPainter.LINE_HEIGHT - line);
            }
          };
      text.textProperty().addListener((o, a, b) -> space.run());
      text.fontProperty().addListener((o, a, b) -> space.run());
      space.run();
    }
  }

  /** Puts {@code area} on the board, hiding what it edits, and commits when it loses focus. */
  private void show(TextArea area, Element existing) {
    area.focusedProperty()
        .addListener(
            (o, was, is) -> {
              if (!is && editor == area) {
                commit();
              }
            });
    editor = area;
    // A connector's label is edited over the connector, which stays shown.
    if (existing != null && !existing.kind().isConnector()) {
      canvas.hide(Set.of(existing.id()));
    }
    editorLayer.getChildren().add(area);
    keepLinesSpaced(area);
    area.requestFocus();
    area.end();
  }

  /** Opens the editor on a new note of the default size and the chosen colour at (x, y). */
  void startNewNote(double x, double y) {
    double side = NoteLayout.DEFAULT_SIDE;
    startNote(
        null,
        new double[] {x, y, side, side},
        vm.styleControls().noteColorProperty().get(),
        NoteLayout.DEFAULT_FONT_SIZE);
  }

  private void startNote(Element existing, double[] box, String color, double fontSize) {
    commit();
    editing = existing;
    noteBox = box;
    noteColor = color;
    noteFontSize = fontSize;
    editX = box[0];
    editY = box[1];
    TextArea area = new TextArea(existing == null ? "" : existing.text());
    area.setId("note-editor");
    area.getStyleClass().addAll("board-text-editor", "board-note-editor");
    area.setWrapText(true);
    double scale = canvas.viewport().scale();
    area.setStyle(
        "-fx-text-fill: "
            + NoteLayout.inkFor(color)
            + "; -fx-control-inner-background: "
            + color.substring(0, 7)
            + "; -fx-background-color: "
            + color.substring(0, 7)
            + ";");
    fitNoteEditor(area);
    area.textProperty().addListener((o, a, b) -> fitNoteEditor(area));
    area.setPrefSize(box[2] * scale, box[3] * scale);
    area.resize(box[2] * scale, box[3] * scale);
    area.relocate(canvas.viewport().toScreenX(box[0]), canvas.viewport().toScreenY(box[1]));
    // Filters, so Tab is taken before the text area types it.
    area.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if ("\t".equals(e.getCharacter()) && !e.isShortcutDown()) {
            e.consume();
          }
        });
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.TAB && !e.isShortcutDown() && !e.isAltDown()) {
            e.consume();
            nextNote();
          } else if (e.getCode() == KeyCode.ESCAPE
              || e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
            e.consume();
            commit();
          }
        });
    show(area, existing);
  }

  /** The font the note's text will be fitted at, so what is typed looks as it will be drawn. */
  private void fitNoteEditor(TextArea area) {
    double[] box = noteBox;
    if (box == null) {
      return;
    }
    NoteLayout layout = NoteLayout.of(area.getText(), 0, 0, box[2], box[3], noteFontSize);
    double scale = canvas.viewport().scale();
    area.setFont(ElementPainter.font(layout.fontSize() * scale));
  }

  /** Tab: ends this note and starts the next one beside it, same size and colour. */
  private void nextNote() {
    double[] box = noteBox;
    String color = noteColor;
    double fontSize = noteFontSize;
    commit();
    double x = box[0] + box[2] + NoteLayout.GAP;
    if (Math.abs(x) + box[2] > dev.drawbridge.protocol.validation.ProtocolLimits.MAX_COORDINATE) {
      return;
    }
    // After this key event is dispatched: the text area it targets is gone, and focus moved
    // while it is dispatched does not stay with the new one.
    double[] next = {x, box[1], box[2], box[3]};
    Platform.runLater(
        () -> {
          bringIntoView(next);
          startNote(null, next, color, fontSize);
        });
  }

  /**
   * Pans the view, at the same zoom, so that the board box {x, y, w, h} lies in the part of the
   * view no panel covers: a row of notes started with Tab runs off the right edge, and the next
   * note must not be typed out of sight.
   */
  private void bringIntoView(double[] box) {
    dev.drawbridge.client.geom.Rect free = canvas.freeBoardArea();
    double margin = NoteLayout.GAP;
    double dx = shift(box[0], box[0] + box[2], free.minX(), free.maxX(), margin);
    double dy = shift(box[1], box[1] + box[3], free.minY(), free.maxY(), margin);
    if (dx != 0 || dy != 0) {
      dev.drawbridge.protocol.message.ViewCentre centre = canvas.viewCentre();
      canvas.showView(centre.x() + dx, centre.y() + dy, centre.zoom());
    }
  }

  /**
   * How far the view must move along one axis for [min, max] to lie within [from, to] with {@code
   * margin} to spare; a span wider than the view is shown from its start.
   */
  static double shift(double min, double max, double from, double to, double margin) {
    if (min < from) {
      return min - from - Math.min(margin, (to - from) / 4);
    }
    if (max > to) {
      double needed = max - to + Math.min(margin, (to - from) / 4);
      return Math.min(needed, min - from);
    }
    return 0;
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
    double[] box = noteBox;
    editor = null;
    editing = null;
    noteBox = null;
    String text = area.getText();
    editorLayer.getChildren().remove(area);
    canvas.hide(Set.of());
    drafts.accept(null);
    LocalBoard board = session.board();
    if (box != null) {
      commitNote(board, existing, box, text);
    } else if (existing == null) {
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
    canvas.requestFocus();
  }

  /** A note is added even when empty, and kept when emptied: it is a square on the board. */
  private void commitNote(LocalBoard board, Element existing, double[] box, String text) {
    if (existing == null) {
      Style style = new Style(noteColor, 1, true, 1, noteFontSize);
      Element note =
          Element.note(
                  Ids.random(),
                  box[0],
                  box[1],
                  box[2],
                  text,
                  style,
                  ZOrder.above(board.view().topZ()))
              .withAuthor(session.clientId());
      board.submit(new Op.AddElement(note));
    } else if (!text.equals(existing.text())) {
      board.submit(new Op.UpdateElement(existing.id(), ElementPatch.NONE.withText(text)));
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The editor while one is open, else null. */
  TextArea editor() {
    return editor;
  }
}
