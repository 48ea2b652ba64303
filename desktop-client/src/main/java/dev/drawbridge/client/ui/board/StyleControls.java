package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.geom.NoteLayout;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.SelectionEdits;
import dev.drawbridge.protocol.board.BoardState;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementKind;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import java.util.List;
import java.util.function.IntSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The style panel's controls: colour, size, fill, opacity, outline dash, elbow routing and note
 * paper, which new elements are drawn with. A control the user changes restyles the selection (one
 * undo step per change); a selection's own style is shown in them without restyling anything, and
 * when the selection is let go the controls go back to what they were, so looking at a red shape
 * does not make the next stroke red. Nothing here needs a running JavaFX toolkit.
 */
public final class StyleControls {
  private final Selection selection;
  private final StringProperty color = new SimpleStringProperty(StyleChoice.PALETTE.get(0));
  private final IntegerProperty size = new SimpleIntegerProperty(1);
  private final BooleanProperty fill = new SimpleBooleanProperty(false);
  private final DoubleProperty opacity = new SimpleDoubleProperty(1);
  // Lines and arrows drawn (and selected ones restyled) with an elbow route (R103).
  private final BooleanProperty elbow = new SimpleBooleanProperty(false);
  // Solid, dashed or dotted outlines (R125), for new elements and the selection.
  private final ObjectProperty<Dash> dash = new SimpleObjectProperty<>(Dash.SOLID);
  private final StringProperty noteColor = new SimpleStringProperty(NoteLayout.PALETTE.getFirst());
  // True while the controls show a selection's style (or are put back): no restyling then.
  private boolean showing;
  // The controls as they were before a selection showed its own style in them; put back when the
  // selection is let go. Forgotten when the user restyles the selection: what they chose is then
  // their style.
  private DrawingStyle beforeSelection;

  private record DrawingStyle(
      String color,
      int size,
      boolean fill,
      double opacity,
      Dash dash,
      boolean elbow,
      String note) {}

  StyleControls(Selection selection, SelectionEdits edits) {
    this.selection = selection;
    color.addListener((o, a, b) -> restyle(edits, ElementPatch.NONE.withColor(b)));
    size.addListener(
        (o, a, b) ->
            restyle(
                edits,
                ElementPatch.NONE
                    .withWidth(StyleChoice.WIDTHS.get(b.intValue()))
                    .withFontSize(StyleChoice.FONT_SIZES.get(b.intValue()))));
    fill.addListener((o, a, b) -> restyle(edits, ElementPatch.NONE.withFill(b)));
    opacity.addListener(
        (o, a, b) -> restyle(edits, ElementPatch.NONE.withOpacity(b.doubleValue())));
    noteColor.addListener((o, a, b) -> restyleSelection(() -> edits.recolourNotes(b)));
    elbow.addListener(
        (o, a, b) ->
            restyle(edits, ElementPatch.NONE.withRouting(b ? Routing.ELBOW : Routing.STRAIGHT)));
    dash.addListener((o, a, b) -> restyleSelection(() -> edits.redash(b)));
    selection.addListener(
        () -> {
          if (selection.isEmpty()) {
            restoreDrawingStyle();
          }
        });
  }

  public StringProperty colorProperty() {
    return color;
  }

  /** The paper colour of new sticky notes; choosing one recolours the selected notes. */
  public StringProperty noteColorProperty() {
    return noteColor;
  }

  public IntegerProperty sizeProperty() {
    return size;
  }

  public BooleanProperty fillProperty() {
    return fill;
  }

  /** Whether lines and arrows are routed as elbows (new ones, and the selected ones). */
  public BooleanProperty elbowProperty() {
    return elbow;
  }

  /** Solid, dashed or dotted outlines: for new elements, and setting it restyles the selection. */
  public ObjectProperty<Dash> dashProperty() {
    return dash;
  }

  public DoubleProperty opacityProperty() {
    return opacity;
  }

  /** The style new elements get. */
  public Style style() {
    return StyleChoice.style(color.get(), size.get(), fill.get(), opacity.get())
        .withDash(dash.get());
  }

  /** The routing new lines and arrows get. */
  public Routing routing() {
    return elbow.get() ? Routing.ELBOW : Routing.STRAIGHT;
  }

  /**
   * Shows the selected elements' style in the controls without restyling them (called when the
   * selection changes).
   */
  public void showStyleOf(Style s) {
    show(
        () -> {
          color.set(s.color().substring(0, 7));
          int idx = StyleChoice.WIDTHS.indexOf(s.width());
          if (idx >= 0) {
            size.set(idx);
          }
          fill.set(s.fill());
          opacity.set(s.opacity());
          dash.set(s.dash() == null ? Dash.SOLID : s.dash());
        });
  }

  /**
   * Shows the style of the selected elements {@code ids} of {@code board} in the controls without
   * restyling them. Each control shows the first selected element it applies to, not only the first
   * one: a group picked by a click on its note shows its shapes' ink and outlines (else a click on
   * the button that looked chosen already would restyle nothing).
   */
  public void showSelection(BoardState board, List<String> ids) {
    // A highlighter's wide translucent style is derived from the pen's, and a picture's grey
    // frame style is only for old clients (R114): do not adopt either. A note's colour is its
    // paper: it is shown under "Note colour", never taken as the ink (the next pen stroke would
    // be pale yellow on white).
    Element note = null;
    Element ink = null;
    Element outline = null;
    for (String id : ids) {
      Element e = board.get(id);
      if (e == null) {
        continue;
      }
      if (e.isNote()) {
        note = note == null ? e : note;
      } else if (ink == null && e.kind() != ElementKind.HIGHLIGHTER && !e.hasImage()) {
        ink = e;
      }
      if (outline == null && Dash.appliesTo(e)) {
        outline = e;
      }
      if (note != null && ink != null && outline != null) {
        break;
      }
    }
    if (note != null) {
      showNoteColorOf(note.style().color());
    }
    if (ink != null) {
      showStyleOf(ink.style());
    }
    if (outline != null && outline != ink) {
      showDashOf(outline.style().dash()); // text has no outline to show (R125)
    }
    Element first = ids.isEmpty() ? null : board.get(ids.getFirst());
    if (first != null && first.kind().isConnector()) {
      showRoutingOf(first.routing());
    }
  }

  /** Shows a selected element's outline (null: solid) in the dash buttons without restyling. */
  public void showDashOf(Dash shown) {
    show(() -> dash.set(shown == null ? Dash.SOLID : shown));
  }

  /** Shows a selected note's paper in the note colours without recolouring the selection. */
  public void showNoteColorOf(String paper) {
    show(() -> noteColor.set(paper));
  }

  /** Shows a selected line's or arrow's routing in the elbow toggle without restyling. */
  public void showRoutingOf(Routing routing) {
    show(() -> elbow.set(routing == Routing.ELBOW));
  }

  private void show(Runnable setControls) {
    if (beforeSelection == null) {
      beforeSelection =
          new DrawingStyle(
              color.get(),
              size.get(),
              fill.get(),
              opacity.get(),
              dash.get(),
              elbow.get(),
              noteColor.get());
    }
    setWithoutRestyling(setControls);
  }

  /** Puts back the controls a selection's style replaced (see {@link #beforeSelection}). */
  private void restoreDrawingStyle() {
    DrawingStyle was = beforeSelection;
    if (was == null) {
      return;
    }
    beforeSelection = null;
    setWithoutRestyling(
        () -> {
          color.set(was.color());
          size.set(was.size());
          fill.set(was.fill());
          opacity.set(was.opacity());
          dash.set(was.dash());
          elbow.set(was.elbow());
          noteColor.set(was.note());
        });
  }

  private void setWithoutRestyling(Runnable setControls) {
    showing = true;
    try {
      setControls.run();
    } finally {
      showing = false;
    }
  }

  private void restyle(SelectionEdits edits, ElementPatch patch) {
    restyleSelection(() -> edits.restyle(patch));
  }

  /**
   * Runs {@code edit} on the selection when a control was changed by the user (not shown from a
   * selection), one undo step; the changed style is then the user's own (see beforeSelection).
   */
  private void restyleSelection(IntSupplier edit) {
    if (showing || selection.isEmpty()) {
      return;
    }
    beforeSelection = null;
    edit.getAsInt();
  }
}
