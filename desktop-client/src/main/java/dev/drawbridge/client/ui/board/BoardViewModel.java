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
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import dev.drawbridge.protocol.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The board screen's state: the current tool, the style controls ({@link StyleControls}), the
 * selection and what can be done with it, undo/redo availability. The view binds to these
 * properties; nothing here needs a running JavaFX toolkit.
 */
public final class BoardViewModel {
  private final LocalBoard board;
  private final Selection selection = new Selection();
  private final SelectionEdits edits;
  private final ObjectProperty<ToolKind> tool = new SimpleObjectProperty<>(ToolKind.PEN);
  private final StyleControls style;
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canAlign = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canDistribute = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canGroup = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canUngroup = new ReadOnlyBooleanWrapper();
  private final BooleanProperty snapToGrid = new SimpleBooleanProperty(false);
  // Board-local until the screen connects the system clipboard (useClipboard).
  private BoardClipboard clipboard;
  // Pictures from the system clipboard (ImagePaste), tried before anything else is pasted.
  private java.util.function.BooleanSupplier imagePaste = () -> false;

  public BoardViewModel(LocalBoard board) {
    this.board = board;
    this.edits = new SelectionEdits(board, selection);
    this.style = new StyleControls(selection, edits);
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

          @Override
          public void undoChanged() {
            // Whoever ended the action (a tool, a restore from the history, a redraw after the
            // relay lost data) need not remember to tell the undo buttons.
            refreshHistory();
          }
        });
    selection.addListener(
        () -> {
          hasSelection.set(!selection.isEmpty());
          refreshSelectionCommands();
        });
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

  /** The style panel's controls, which new elements are drawn with. */
  public StyleControls styleControls() {
    return style;
  }

  /** The style new elements get. */
  public Style style() {
    return style.style();
  }

  /** The routing new lines and arrows get. */
  public Routing routing() {
    return style.routing();
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
    return true;
  }

  /** Spreads the selection evenly, one undo step; false with fewer than three selected. */
  public boolean distribute(Alignment.Axis axis) {
    if (!canDistribute.get()) {
      return false;
    }
    edits.distribute(axis);
    return true;
  }

  public void undo() {
    List<Op> step = board.nextUndo();
    boolean hadSelection = !selection.isEmpty();
    board.undo();
    followSelection(hadSelection, step);
  }

  public void redo() {
    List<Op> step = board.nextRedo();
    boolean hadSelection = !selection.isEmpty();
    board.redo();
    followSelection(hadSelection, step);
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
  }

  public void bringToFront() {
    edits.bringToFront();
  }

  public void sendToBack() {
    edits.sendToBack();
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
  }

  public void duplicate(String author) {
    if (!selection.isEmpty()) {
      tool.set(ToolKind.SELECT);
      edits.duplicate(author);
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
    return true;
  }

  public void selectAll() {
    tool.set(ToolKind.SELECT);
    edits.selectAll();
  }

  /** Locks the selection (Ctrl+Shift+L, R127), one undo step; false with nothing selected. */
  public boolean lockSelection() {
    return !selection.isEmpty() && edits.lock() > 0;
  }

  /** Unlocks {@code ids}, or every locked element when null, one undo step, and selects them. */
  public boolean unlock(java.util.Collection<String> ids) {
    tool.set(ToolKind.SELECT);
    return edits.unlock(ids) > 0;
  }

  /** Re-reads undo/redo availability from the board. */
  private void refreshHistory() {
    canUndo.set(board.canUndo());
    canRedo.set(board.canRedo());
  }
}
