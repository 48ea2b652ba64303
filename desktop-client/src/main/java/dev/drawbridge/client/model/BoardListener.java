package dev.drawbridge.client.model;

import java.util.Set;

/** Told when what the user sees changes; views redraw only what is named. */
public interface BoardListener {
  /** These elements changed (added, updated, deleted or restored). */
  void elementsChanged(Set<String> elementIds);

  /** The whole board was replaced (a snapshot arrived, a file was opened). */
  default void boardReplaced() {}

  /**
   * What undo or redo would do changed: an action ended, or an undo or redo was done. Told after
   * the elements' changes, so {@code canUndo} and {@code canRedo} are current.
   */
  default void undoChanged() {}
}
