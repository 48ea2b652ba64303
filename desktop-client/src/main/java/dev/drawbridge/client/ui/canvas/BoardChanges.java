package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.ui.tool.Selection;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What a change of the board means for the canvas: changed elements go to their layers ({@link
 * ElementLayers}), the fit view is computed again, elements that are gone leave the selection, and
 * while any selection frame is drawn (ours or another member's) a change repaints the live layer
 * where the frames are, so they follow their elements.
 */
final class BoardChanges implements BoardListener {
  private final ElementLayers layers;
  private final Navigation navigation;
  private final Selection selection;
  private final RepaintQueue repaint;
  private final LongSupplier clock;
  private final BooleanSupplier othersSelect;

  /**
   * @param othersSelect whether another member's selection is drawn now (R92)
   */
  BoardChanges(
      ElementLayers layers,
      Navigation navigation,
      Selection selection,
      RepaintQueue repaint,
      LongSupplier clock,
      BooleanSupplier othersSelect) {
    this.layers = layers;
    this.navigation = navigation;
    this.selection = selection;
    this.repaint = repaint;
    this.clock = clock;
    this.othersSelect = othersSelect;
  }

  /** Indexes the whole board and keeps only selected elements that are still on it. */
  void reindex() {
    layers.reset();
    selection.retain(id -> layers.bounds(id) != null);
  }

  @Override
  public void elementsChanged(Set<String> ids) {
    navigation.contentChanged();
    Set<String> gone = layers.elementsChanged(ids, clock.getAsLong());
    if (!gone.isEmpty()) {
      selection.retain(id -> !gone.contains(id));
    }
    // Not only when a selected element changed: a selected connector follows the element it is
    // attached to, and others' frames follow the elements they selected (found by hand: both
    // stayed where the elements had been until something else repainted the live layer).
    if (!selection.isEmpty() || othersSelect.getAsBoolean()) {
      repaint.live();
    }
  }

  @Override
  public void boardReplaced() {
    navigation.contentChanged();
    reindex();
    repaint.restart();
  }
}
