package dev.drawbridge.client.ui.tool;

import dev.drawbridge.client.geom.Rect;
import dev.drawbridge.client.geom.SnapGuide;
import dev.drawbridge.client.model.LocalBoard;
import dev.drawbridge.protocol.element.Element;
import dev.drawbridge.protocol.element.Routing;
import dev.drawbridge.protocol.element.Style;
import java.util.List;
import java.util.Set;

/** What a tool may use: the board, the current style, the selection and a few view services. */
public interface ToolContext {
  LocalBoard board();

  /** The style new elements get. */
  Style style();

  /** The routing new lines and arrows get (R103). */
  default Routing routing() {
    return Routing.STRAIGHT;
  }

  Selection selection();

  /** Screen pixels per board unit, so tolerances can be given in pixels. */
  double scale();

  /** This user's client id, recorded as the author of new elements. */
  String author();

  /** Ids of visible elements whose painted bounds meet {@code area}. */
  List<String> elementsNear(Rect area);

  /**
   * Draws these elements on the live layer, shifted by (dx, dy), instead of the cached layer (a
   * stroke in progress, a selection being moved, text being edited).
   */
  void showLive(Set<String> ids, double dx, double dy);

  /** Returns live elements to the cached layer. */
  void clearLive();

  /** Hides these elements while a preview stands in for them (a resize); empty to show all. */
  void hide(Set<String> ids);

  /** The preview changed: repaint the live layer. */
  void previewChanged();

  /** Whether moving, resizing and drawing shapes snap to the grid (the user's toggle). */
  default boolean snapToGrid() {
    return false;
  }

  /**
   * Board units of the area on screen, where a move or resize looks for other shapes to line up
   * with; null for nowhere.
   */
  default Rect visibleArea() {
    return null;
  }

  /** Draws these alignment guides on the live layer (empty: none). */
  default void showGuides(List<SnapGuide> guides) {}

  /** Shows a laser pointer point at board (x, y) here and to everyone (R90); never an op. */
  default void laser(double x, double y) {}

  /** Opens the in-place text editor on {@code existing}, or for new text at (x, y). */
  void editText(Element existing, double x, double y);

  /** Opens the in-place editor on a new sticky note whose top-left corner is at (x, y). */
  void newNote(double x, double y);
}
