package dev.drawbridge.client.ui.board;

import dev.drawbridge.client.blob.BlobSource;
import dev.drawbridge.client.geom.Alignment;
import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.client.ui.clipboard.BoardClipboard;
import dev.drawbridge.client.ui.clipboard.ClipboardPort;
import dev.drawbridge.client.ui.tool.Selection;
import dev.drawbridge.client.ui.tool.SelectionEdits;
import dev.drawbridge.client.ui.tool.ToolKind;
import dev.drawbridge.protocol.element.Dash;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.ElementPatch;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The board screen's state: the current tool and style, the selection, undo/redo availability. The
 * view binds to these properties; nothing here needs a running JavaFX toolkit. Changing the style
 * while something is selected restyles the selection (one undo step per change).
 */
public final class BoardViewModel {
  private final LocalBoard board;
  private final Selection selection = new Selection();
  private final SelectionEdits edits;
  private final ObjectProperty<ToolKind> tool = new SimpleObjectProperty<>(ToolKind.PEN);
  private final StringProperty color = new SimpleStringProperty(StyleChoice.PALETTE.get(0));
  private final IntegerProperty size = new SimpleIntegerProperty(1);
  private final BooleanProperty fill = new SimpleBooleanProperty(false);
  private final DoubleProperty opacity = new SimpleDoubleProperty(1);
  // Lines and arrows drawn (and selected ones restyled) with an elbow route (R103).
  private final BooleanProperty elbow = new SimpleBooleanProperty(false);
  // Solid, dashed or dotted outlines (R125), for new elements and the selection.
  private final ObjectProperty<Dash> dash = new SimpleObjectProperty<>(Dash.SOLID);
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canAlign = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canDistribute = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canGroup = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canUngroup = new ReadOnlyBooleanWrapper();
  private final BooleanProperty snapToGrid = new SimpleBooleanProperty(false);
  private final StringProperty noteColor =
      new SimpleStringProperty(dev.drawbridge.client.geom.NoteLayout.PALETTE.getFirst());
  private boolean restyling;
  // The controls as they were before a selection showed its own style in them; put back when the
  // selection is let go, so looking at a red shape does not make the next stroke red. Forgotten
  // when the user restyles the selection: what they chose is then their style.
  private DrawingStyle beforeSelection;

  private record DrawingStyle(
      String color,
      int size,
      boolean fill,
      double opacity,
      Dash dash,
      boolean elbow,
      String note) {}

  // Board-local until the screen connects the system clipboard (useClipboard).
  private BoardClipboard clipboard;
  // Pictures from the system clipboard (ImagePaste), tried before anything else is pasted.
  private java.util.function.BooleanSupplier imagePaste = () -> false;

  public BoardViewModel(LocalBoard board) {
    this.board = board;
    this.edits = new SelectionEdits(board, selection);
    this.clipboard =
        new BoardClipboard(
            clipboardTarget(BlobSource.inMemory(), () -> false, () -> true, () -> new double[2]),
            ClipboardPort.inMemory(),
            (error, key, args) -> {});
    board.addListener(
        new BoardListener() {
          @Override
          public void elementsChanged(Set<String> ids) {
            refreshHistory();
            // Someone may have grouped, ungrouped or locked what is selected here.
            if (!selection.isEmpty()) {
              selection.retain(
                  id -> {
                    Element e = board.view().get(id);
                    return e == null || !e.hasLock();
                  });
              refreshSelectionCommands();
            }
          }

          @Override
          public void boardReplaced() {
            refreshHistory();
            refreshSelectionCommands();
          }
        });
    selection.addListener(
        () -> {
          hasSelection.set(!selection.isEmpty());
          refreshSelectionCommands();
          if (selection.isEmpty()) {
            restoreDrawingStyle();
          }
        });
    color.addListener((o, a, b) -> restyle(ElementPatch.NONE.withColor(b)));
    size.addListener(
        (o, a, b) ->
            restyle(
                ElementPatch.NONE
                    .withWidth(StyleChoice.WIDTHS.get(b.intValue()))
                    .withFontSize(StyleChoice.FONT_SIZES.get(b.intValue()))));
    fill.addListener((o, a, b) -> restyle(ElementPatch.NONE.withFill(b)));
    opacity.addListener((o, a, b) -> restyle(ElementPatch.NONE.withOpacity(b.doubleValue())));
    noteColor.addListener((o, a, b) -> restyleSelection(() -> edits.recolourNotes(b)));
    elbow.addListener(
        (o, a, b) -> restyle(ElementPatch.NONE.withRouting(b ? Routing.ELBOW : Routing.STRAIGHT)));
    dash.addListener((o, a, b) -> restyleSelection(() -> edits.redash(b)));
    tool.addListener(
        (o, a, b) -> {
          if (b != ToolKind.SELECT) {
            selection.clear();
          }
        });
    refreshHistory();
  }

  public LocalBoard board() {
    return board;
  }

  public Selection selection() {
    return selection;
  }

  public SelectionEdits edits() {
    return edits;
  }

  public ObjectProperty<ToolKind> toolProperty() {
    return tool;
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

  /** The routing new lines and arrows get. */
  public Routing routing() {
    return elbow.get() ? Routing.ELBOW : Routing.STRAIGHT;
  }

  public DoubleProperty opacityProperty() {
    return opacity;
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasSelectionProperty() {
    return hasSelection.getReadOnlyProperty();
  }

  /** Align and distribute count a group once (R122); group and ungroup need something to do. */
  private void refreshSelectionCommands() {
    int units = selection.isEmpty() ? 0 : edits.selectedUnits();
    canAlign.set(units >= 2);
    canDistribute.set(units >= 3);
    canGroup.set(units >= 2 && edits.canGroup());
    canUngroup.set(units >= 1 && edits.canUngroup());
  }

  /** Two or more selected units (a group is one): align commands apply. */
  public ReadOnlyBooleanProperty canAlignProperty() {
    return canAlign.getReadOnlyProperty();
  }

  /** Three or more selected units: distribute commands apply. */
  public ReadOnlyBooleanProperty canDistributeProperty() {
    return canDistribute.getReadOnlyProperty();
  }

  /** Two or more selected elements that are not already one group: Group applies. */
  public ReadOnlyBooleanProperty canGroupProperty() {
    return canGroup.getReadOnlyProperty();
  }

  /** Something selected is in a group: Ungroup applies. */
  public ReadOnlyBooleanProperty canUngroupProperty() {
    return canUngroup.getReadOnlyProperty();
  }

  /** Groups the selection (Ctrl+G), one undo step; false when there is nothing to group. */
  public boolean group() {
    return groupCommand(canGroup, edits::group);
  }

  /** Ungroups the selection (Ctrl+Shift+G), one undo step; false when nothing is grouped. */
  public boolean ungroup() {
    return groupCommand(canUngroup, edits::ungroup);
  }

  private boolean groupCommand(ReadOnlyBooleanWrapper applies, java.util.function.IntSupplier run) {
    if (!applies.get() || run.getAsInt() == 0) {
      return false;
    }
    refreshSelectionCommands();
    refreshHistory();
    return true;
  }

  /** Whether moving, resizing and drawing shapes snap to the grid. */
  public BooleanProperty snapToGridProperty() {
    return snapToGrid;
  }

  /** Aligns the selection on {@code edge}, one undo step; false with fewer than two selected. */
  public boolean align(Alignment.Edge edge) {
    if (!canAlign.get()) {
      return false;
    }
    edits.align(edge);
    refreshHistory();
    return true;
  }

  /** Spreads the selection evenly, one undo step; false with fewer than three selected. */
  public boolean distribute(Alignment.Axis axis) {
    if (!canDistribute.get()) {
      return false;
    }
    edits.distribute(axis);
    refreshHistory();
    return true;
  }

  /** The style new elements get. */
  public Style style() {
    return StyleChoice.style(color.get(), size.get(), fill.get(), opacity.get())
        .withDash(dash.get());
  }

  /**
   * Shows the selected elements' style in the controls without restyling them (called when the
   * selection changes).
   */
  public void showStyleOf(Style s) {
    rememberDrawingStyle();
    restyling = true;
    try {
      color.set(s.color().substring(0, 7));
      int idx = StyleChoice.WIDTHS.indexOf(s.width());
      if (idx >= 0) {
        size.set(idx);
      }
      fill.set(s.fill());
      opacity.set(s.opacity());
      dash.set(s.dash() == null ? Dash.SOLID : s.dash());
    } finally {
      restyling = false;
    }
  }

  private void rememberDrawingStyle() {
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
  }

  /** Puts back the controls a selection's style replaced (see {@link #beforeSelection}). */
  private void restoreDrawingStyle() {
    DrawingStyle was = beforeSelection;
    if (was == null) {
      return;
    }
    beforeSelection = null;
    restyling = true;
    try {
      color.set(was.color());
      size.set(was.size());
      fill.set(was.fill());
      opacity.set(was.opacity());
      dash.set(was.dash());
      elbow.set(was.elbow());
      noteColor.set(was.note());
    } finally {
      restyling = false;
    }
  }

  /** Shows a selected element's outline (null: solid) in the dash buttons without restyling. */
  public void showDashOf(Dash shown) {
    rememberDrawingStyle();
    restyling = true;
    try {
      dash.set(shown == null ? Dash.SOLID : shown);
    } finally {
      restyling = false;
    }
  }

  /** Shows a selected note's paper in the note colours without recolouring the selection. */
  public void showNoteColorOf(String paper) {
    rememberDrawingStyle();
    restyling = true;
    try {
      noteColor.set(paper);
    } finally {
      restyling = false;
    }
  }

  /** Shows a selected line's or arrow's routing in the elbow toggle without restyling. */
  public void showRoutingOf(Routing routing) {
    rememberDrawingStyle();
    restyling = true;
    try {
      elbow.set(routing == Routing.ELBOW);
    } finally {
      restyling = false;
    }
  }

  public void undo() {
    List<Op> step = board.nextUndo();
    boolean hadSelection = !selection.isEmpty();
    board.undo();
    followSelection(hadSelection, step);
    refreshHistory();
  }

  public void redo() {
    List<Op> step = board.nextRedo();
    boolean hadSelection = !selection.isEmpty();
    board.redo();
    followSelection(hadSelection, step);
    refreshHistory();
  }

  /**
   * After an undo or redo that left nothing of the selection on the board, the elements it brought
   * back are selected instead: undoing a stroke resize (a scaled copy replaced the stroke) keeps
   * the stroke selected rather than selecting nothing. (Dropping deleted ids from the selection is
   * the canvas's job, for every kind of change.)
   */
  private void followSelection(boolean hadSelection, List<Op> step) {
    if (!hadSelection || selection.ids().stream().anyMatch(this::onBoard)) {
      return;
    }
    List<String> back = new ArrayList<>();
    for (Op op : step) {
      boolean appears =
          op instanceof Op.AddElement
              || (op instanceof Op.UpdateElement u && Boolean.FALSE.equals(u.patch().deleted()));
      if (appears) {
        back.add(op.elementId());
      }
    }
    selection.set(back);
  }

  private boolean onBoard(String id) {
    Element e = board.view().get(id);
    return e != null && !e.deleted();
  }

  public void deleteSelection() {
    edits.delete();
    refreshHistory();
  }

  public void bringToFront() {
    edits.bringToFront();
    refreshHistory();
  }

  public void sendToBack() {
    edits.sendToBack();
    refreshHistory();
  }

  /**
   * Copies, cuts and pastes through {@code port} from now on, pictures' bytes from and into {@code
   * blobs}; what cannot be pasted is told to {@code notice}.
   */
  public void useClipboard(
      ClipboardPort port,
      BlobSource blobs,
      java.util.function.BooleanSupplier viewOnly,
      java.util.function.BooleanSupplier holdsImages,
      java.util.function.Supplier<double[]> pastePoint,
      BoardClipboard.Notice notice) {
    clipboard =
        new BoardClipboard(clipboardTarget(blobs, viewOnly, holdsImages, pastePoint), port, notice);
  }

  private BoardClipboard.Board clipboardTarget(
      BlobSource blobs,
      java.util.function.BooleanSupplier viewOnly,
      java.util.function.BooleanSupplier holdsImages,
      java.util.function.Supplier<double[]> pastePoint) {
    return new BoardClipboard.Board(
        board, edits, blobs, viewOnly, holdsImages, pastePoint, this::style);
  }

  /**
   * Puts {@code elements} on the clipboard as a copy of the selection would (e.g. a past board's,
   * issue 17); false when there are none or too many.
   */
  public boolean copyElements(List<Element> elements) {
    return clipboard.copy(elements);
  }

  /** Where a paste lands now: {@code [x, y]} in board units (the pointer, or the view's middle). */
  public double[] pastePoint() {
    return clipboard.pastePoint();
  }

  /** Whether the clipboard holds Drawbridge elements (pasted as elements, not as a picture). */
  public boolean clipboardHoldsElements() {
    return clipboard.holdsElements();
  }

  /** Copies the selection to the clipboard. */
  public void copy() {
    clipboard.copy();
  }

  public void cut() {
    clipboard.cut();
    refreshHistory();
  }

  /**
   * Pastes the clipboard at the pointer (the view's middle when the pointer is off the board); the
   * copies become selected.
   */
  public void paste(String author) {
    // Pictures as image data or files (ImagePaste) first; it steps aside for a clipboard holding
    // Drawbridge elements, since a Drawbridge copy also offers its rendering as an image.
    if (imagePaste.getAsBoolean()) {
      return;
    }
    if (clipboard.paste(author)) {
      tool.set(ToolKind.SELECT);
    }
    refreshHistory();
  }

  public void duplicate(String author) {
    if (!selection.isEmpty()) {
      tool.set(ToolKind.SELECT);
      edits.duplicate(author);
      refreshHistory();
    }
  }

  /**
   * What {@link #paste} tries first: pasting pictures from the system clipboard, true when it did
   * (the board view sets {@link ImagePaste} here; this class stays free of the JavaFX toolkit).
   */
  public void setImagePaste(java.util.function.BooleanSupplier pasteImages) {
    imagePaste = pasteImages;
  }

  /** Moves the selection by (dx, dy); false when nothing is selected. */
  public boolean nudge(double dx, double dy) {
    if (selection.isEmpty()) {
      return false;
    }
    edits.nudge(dx, dy);
    refreshHistory();
    return true;
  }

  public void selectAll() {
    tool.set(ToolKind.SELECT);
    edits.selectAll();
  }

  /** Locks the selection (Ctrl+Shift+L, R127), one undo step; false with nothing selected. */
  public boolean lockSelection() {
    if (selection.isEmpty() || edits.lock() == 0) {
      return false;
    }
    refreshHistory();
    return true;
  }

  /** Unlocks {@code ids}, or every locked element when null, one undo step, and selects them. */
  public boolean unlock(java.util.Collection<String> ids) {
    tool.set(ToolKind.SELECT);
    if (edits.unlock(ids) == 0) {
      return false;
    }
    refreshHistory();
    return true;
  }

  private void restyle(ElementPatch patch) {
    restyleSelection(() -> edits.restyle(patch));
  }

  /**
   * Runs {@code edit} on the selection when a control was changed by the user (not shown from a
   * selection), one undo step; the changed style is then the user's own (see beforeSelection).
   */
  private void restyleSelection(java.util.function.IntSupplier edit) {
    if (restyling || selection.isEmpty()) {
      return;
    }
    beforeSelection = null;
    edit.getAsInt();
    refreshHistory();
  }

  /** Re-reads undo/redo availability from the board. */
  public void refreshHistory() {
    canUndo.set(board.canUndo());
    canRedo.set(board.canRedo());
  }
}
