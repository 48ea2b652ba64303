package dev.drawbridge.client.ui.board;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.scene.layout.Region;

/**
 * Keeps the centred tool bar clear of the menu on its left and the people bar on its right (which
 * grows with the invite buttons while hosting): the tool bar moves sideways just enough, and when
 * even that is not enough the people bar drops the words from its buttons (icons and tooltips
 * stay), and takes them back once the window is wide enough again.
 */
final class TopBars {
  /** Between the islands, and from the window's edge (the islands' own margin). */
  static final double GAP = 8;

  static final double EDGE = 12;

  private final Region area;
  private final Region menu;
  private final Region toolbar;
  private final Region people;
  private final BooleanProperty compact;

  /** The people bar's width with its words, last seen: whether they would fit again. */
  private double fullPeopleWidth;

  private TopBars(
      Region area, Region menu, Region toolbar, Region people, BooleanProperty compact) {
    this.area = area;
    this.menu = menu;
    this.toolbar = toolbar;
    this.people = people;
    this.compact = compact;
  }

  /** Lays the three out in {@code area} from now on, whenever a width changes. */
  static void keepApart(
      Region area, Region menu, Region toolbar, Region people, BooleanProperty compact) {
    TopBars bars = new TopBars(area, menu, toolbar, people, compact);
    InvalidationListener relayout = o -> bars.layout();
    for (Region r : new Region[] {area, menu, toolbar, people}) {
      r.widthProperty().addListener(relayout);
    }
  }

  private void layout() {
    double width = area.getWidth();
    double tools = toolbar.getWidth();
    double left = EDGE + menu.getWidth() + GAP;
    if (!compact.get()) {
      fullPeopleWidth = people.getWidth();
      if (right(width, fullPeopleWidth) - left < tools) {
        compact.set(true); // the people bar shrinks: this runs again with its new width
        return;
      }
    } else if (right(width, fullPeopleWidth) - left >= tools) {
      compact.set(false);
      return;
    }
    toolbar.setTranslateX(shift(width, tools, left, right(width, people.getWidth())));
  }

  private static double right(double width, double peopleWidth) {
    return width - EDGE - peopleWidth - GAP;
  }

  /**
   * How far the centred tool bar moves to end before {@code right} without starting before left.
   */
  static double shift(double width, double tools, double left, double right) {
    double centred = (width - tools) / 2;
    double shift = Math.min(0, right - (centred + tools));
    return centred + shift < left ? left - centred : shift;
  }
}
