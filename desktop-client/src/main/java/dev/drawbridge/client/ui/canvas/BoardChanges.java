package dev.drawbridge.client.ui.canvas;

import dev.drawbridge.client.model.BoardListener;
import dev.drawbridge.client.ui.tool.Selection;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * What a change of the board means for the canvas: changed elements go to their layers ({@link
 * ElementLayers}), the fit view is computed again, elements that are gone leave the selection, and
 * a change to a selected element repaints the live layer where its selection frame is drawn.
 */
final class BoardChanges implements BoardListener {
  private final ElementLayers layers;
  private final Navigation navigation;
  private final Selection selection;
  private final RepaintQueue repaint;
  private final LongSupplier clock;

  BoardChanges(
      ElementLayers layers,
      Navigation navigation,
      Selection selection,
      RepaintQueue repaint,
      LongSupplier clock) {
    this.layers = layers;
    this.navigation = navigation;
    this.selection = selection;
    this.repaint = repaint;
    this.clock = clock;
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
    if (ids.stream().anyMatch(selection::contains)) {
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
